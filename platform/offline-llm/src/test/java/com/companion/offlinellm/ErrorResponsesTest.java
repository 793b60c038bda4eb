package com.companion.offlinellm;

import static com.companion.offlinellm.ChatRequests.chat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class ErrorResponsesTest {

    static OfflineLlmServer llm;

    @BeforeAll
    static void start() {
        llm = OfflineLlmServer.builder()
                .unknownModels(Set.of("acme/never-heard-of-it"))
                .defaultBehaviour(Behaviour.instant())
                .start();
    }

    @AfterAll
    static void stop() {
        llm.close();
    }

    @BeforeEach
    void reset() {
        llm.reset();
    }

    @ParameterizedTest(name = "{0} -> {1}/{2}")
    @CsvSource({
        "400, invalid_request_error, invalid_request_error",
        "401, invalid_api_key, invalid_request_error",
        "404, model_not_found, invalid_request_error",
        "429, rate_limit_exceeded, rate_limit_exceeded",
        "500, internal_server_error, server_error",
        "503, service_unavailable, server_error"
    })
    void scriptedErrorHasTogetherBodyShape(int status, String code, String type) {
        llm.enqueue(Behaviour.error(status));

        HttpResponse<String> response = LlmHttp.chat(llm, chat().user("hello"));

        assertTogetherError(response, status, code, type);
        assertThat(response.headers().firstValue("retry-after").isPresent()).isEqualTo(status == 429);
    }

    @Test
    void streamingRequestAlsoGetsAJsonError() {
        llm.enqueue(Behaviour.overloaded());

        HttpResponse<String> response = LlmHttp.chat(llm, chat().stream(true));

        assertTogetherError(response, 503, "service_unavailable", "server_error");
        assertThat(errorOf(response).path("message").asString())
                .isEqualTo("The server is overloaded or not ready yet.");
    }

    @Test
    void rateLimitedAnswerCarriesRetryAfterAndRateLimitHeaders() {
        llm.enqueue(Behaviour.rateLimited(7));

        HttpResponse<String> response = LlmHttp.chat(llm, chat());

        assertTogetherError(response, 429, "rate_limit_exceeded", "rate_limit_exceeded");
        assertThat(response.headers().firstValue("retry-after")).hasValue("7");
        assertThat(response.headers().firstValue("x-ratelimit-limit")).hasValue("60");
        assertThat(response.headers().firstValue("x-ratelimit-remaining")).hasValue("0");
        assertThat(response.headers().firstValue("x-ratelimit-reset")).hasValue("7");
    }

    @Test
    void customErrorCodeTypeAndMessageAreSentAsGiven() {
        llm.enqueue(
                Behaviour.instant().withError(403, "context_length_exceeded", "invalid_request_error", "Too long."));

        HttpResponse<String> response = LlmHttp.chat(llm, chat());

        assertTogetherError(response, 403, "context_length_exceeded", "invalid_request_error");
        assertThat(errorOf(response).path("message").asString()).isEqualTo("Too long.");
    }

    @Test
    void missingAuthorizationHeaderIs401() {
        HttpResponse<String> response = LlmHttp.send(
                LlmHttp.post(llm, "/v1/chat/completions", chat().json()).build());

        assertTogetherError(response, 401, "invalid_api_key", "invalid_request_error");
    }

    @Test
    void emptyBearerTokenIs401() {
        for (String header : List.of("Bearer ", "Bearer    ", "Basic abc", "")) {
            HttpRequest.Builder request = LlmHttp.post(llm, "/v1/chat/completions", chat().json());
            if (!header.isEmpty()) {
                request.header("Authorization", header);
            }
            assertTogetherError(LlmHttp.send(request.build()), 401, "invalid_api_key", "invalid_request_error");
        }
    }

    @Test
    void onlyTheConfiguredKeyIsAcceptedWhenOneIsSet() {
        try (OfflineLlmServer strict = OfflineLlmServer.builder()
                .apiKey("right")
                .defaultBehaviour(Behaviour.instant())
                .start()) {
            HttpResponse<String> wrong = LlmHttp.send(LlmHttp.post(strict, "/v1/chat/completions", chat().json())
                    .header("Authorization", "Bearer wrong")
                    .build());
            HttpResponse<String> right = LlmHttp.send(LlmHttp.post(strict, "/v1/chat/completions", chat().json())
                    .header("Authorization", "Bearer right")
                    .build());

            assertTogetherError(wrong, 401, "invalid_api_key", "invalid_request_error");
            assertThat(right.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void nousHermesMixtralIsUnavailableByDefault() {
        HttpResponse<String> response = LlmHttp.chat(llm, chat().model(OfflineLlmServer.NOUS_HERMES_MIXTRAL));

        assertTogetherError(response, 400, "model_not_available", "invalid_request_error");
        assertThat(errorOf(response).path("message").asString()).contains(OfflineLlmServer.NOUS_HERMES_MIXTRAL);
    }

    @Test
    void configuredUnknownModelIs404() {
        HttpResponse<String> response = LlmHttp.chat(llm, chat().model("acme/never-heard-of-it"));

        assertTogetherError(response, 404, "model_not_found", "invalid_request_error");
    }

    @Test
    void modelsOutsideTheServedSetAre404AndUnavailableOnesStay400() {
        try (OfflineLlmServer narrow = OfflineLlmServer.builder()
                .servedModels(Set.of("a/served"))
                .unavailableModels(Set.of("b/gone"))
                .defaultBehaviour(Behaviour.instant())
                .start()) {
            assertThat(LlmHttp.chat(narrow, chat().model("a/served")).statusCode())
                    .isEqualTo(200);
            assertTogetherError(
                    LlmHttp.chat(narrow, chat().model("c/other")), 404, "model_not_found", "invalid_request_error");
            assertTogetherError(
                    LlmHttp.chat(narrow, chat().model("b/gone")), 400, "model_not_available", "invalid_request_error");
            assertThat(LlmHttp.chat(narrow, chat().model(OfflineLlmServer.NOUS_HERMES_MIXTRAL))
                            .statusCode())
                    .isEqualTo(404);
        }
    }

    @Test
    void malformedBodiesAre400InvalidRequest() {
        for (String body : List.of(
                "not json",
                "[]",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                "{\"model\":\"m\",\"messages\":[]}",
                "{\"model\":\"m\",\"messages\":\"hi\"}")) {
            HttpResponse<String> response = LlmHttp.send(LlmHttp.post(llm, "/v1/chat/completions", body)
                    .header("Authorization", "Bearer k")
                    .build());
            assertTogetherError(response, 400, "invalid_request_error", "invalid_request_error");
        }
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405() {
        assertThat(LlmHttp.get(llm, "/v1/embeddings-nope").statusCode()).isEqualTo(404);
        assertThat(LlmHttp.get(llm, "/v1/chat/completions").statusCode()).isEqualTo(405);
    }

    static void assertTogetherError(HttpResponse<String> response, int status, String code, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        JsonNode body = LlmHttp.json(response.body());
        assertThat(ChatCompletionTest.fieldNames(body)).containsExactly("error");
        JsonNode error = body.path("error");
        assertThat(ChatCompletionTest.fieldNames(error)).containsExactly("message", "type", "param", "code");
        assertThat(error.path("message").asString()).isNotBlank();
        assertThat(error.path("type").asString()).isEqualTo(type);
        assertThat(error.path("param").isNull()).isTrue();
        assertThat(error.path("code").asString()).isEqualTo(code);
    }

    static JsonNode errorOf(HttpResponse<String> response) {
        return LlmHttp.json(response.body()).path("error");
    }
}
