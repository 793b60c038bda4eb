package com.companion.offlinellm;

import static com.companion.offlinellm.ChatRequests.chat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AdminApiTest extends LlmServerTest {

    @Test
    void healthIsUp() {
        HttpResponse<String> response =
                LlmHttp.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + llm.port() + "/health"))
                        .build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void modelsAreListedInOpenAiFormatWithoutUnavailableOnes() {
        JsonNode body = LlmHttp.json(LlmHttp.get(llm, "/v1/models").body());

        assertThat(body.path("object").asString()).isEqualTo("list");
        assertThat(body.path("data").size()).isPositive();
        assertThat(body.path("data")).allSatisfy(model -> {
            assertThat(model.path("object").asString()).isEqualTo("model");
            assertThat(model.path("id").asString()).isNotEqualTo(OfflineLlmServer.NOUS_HERMES_MIXTRAL);
            assertThat(model.path("owned_by").asString()).isNotBlank();
        });
    }

    @Test
    void putBehaviourSetsTheDefaultForEveryCall() {
        HttpResponse<String> put = admin("PUT", "/_admin/behaviour", """
                {"status":503,"time_to_first_token_ms":5,"time_per_token_ms":1}""");

        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(LlmHttp.json(put.body()).path("default").path("status").asInt())
                .isEqualTo(503);
        assertThat(LlmHttp.chat(llm, chat()).statusCode()).isEqualTo(503);
        assertThat(LlmHttp.chat(llm, chat()).statusCode()).isEqualTo(503);
        assertThat(llm.defaultBehaviour())
                .isEqualTo(Behaviour.timing(Duration.ofMillis(5), Duration.ofMillis(1))
                        .withStatus(503));
    }

    @Test
    void postNextQueuesOneShotBehavioursInOrder() {
        admin("POST", "/_admin/behaviour/next", """
                {"status":429,"retry_after_seconds":3}""");
        admin("POST", "/_admin/behaviour/next", """
                [{"reply":"scripted hello"},{"disconnect_after_chunks":1,"reply":"cut me off please"}]""");

        HttpResponse<String> limited = LlmHttp.chat(llm, chat());
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("retry-after")).hasValue("3");
        assertThat(LlmHttp.reply(llm, chat())).isEqualTo("scripted hello");
        LlmHttp.Streamed cut = LlmHttp.stream(llm, chat());
        assertThat(cut.chunks()).hasSize(1);
        assertThat(cut.sawDone()).isFalse();
        assertThat(LlmHttp.chat(llm, chat()).statusCode()).isEqualTo(200);
    }

    @Test
    void aBehaviourQueuedForAMessageAnswersOnlyTheCallWithThatMessage() {
        admin("POST", "/_admin/behaviour/next", """
                {"for_message_containing":"[m-7]","reply":"scripted for m-7"}""");

        assertThat(LlmHttp.reply(llm, chat())).isNotEqualTo("scripted for m-7");
        assertThat(LlmHttp.reply(llm, chat().user("hello [m-7]"))).isEqualTo("scripted for m-7");
        assertThat(LlmHttp.reply(llm, chat().user("hello [m-7]"))).isNotEqualTo("scripted for m-7");
        assertThat(admin("POST", "/_admin/behaviour/next", "{\"for_message_containing\":\" \"}")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void streamQuirksFaultsAndHeadersCanBeQueuedOverHttp() {
        HttpResponse<String> queued = admin("POST", "/_admin/behaviour/next", """
                {"quirks":["pings","multiline_data"],"fault":"finish_error","fault_after_chunks":3,
                 "headers":{"retry-after-ms":"250"}}""");

        assertThat(queued.statusCode()).isEqualTo(200);
        assertThat(llm.queuedBehaviours())
                .containsExactly(Behaviour.instant()
                        .withQuirks(Behaviour.StreamQuirk.PINGS, Behaviour.StreamQuirk.MULTILINE_DATA)
                        .withFault(Behaviour.StreamFault.FINISH_ERROR, 3)
                        .withHeaders(Map.of("retry-after-ms", "250")));
        JsonNode described = LlmHttp.json(queued.body()).path("queued").path(0);
        assertThat(described.path("quirks").toString()).isEqualTo("[\"pings\",\"multiline_data\"]");
        assertThat(described.path("fault").asString()).isEqualTo("finish_error");
        assertThat(admin("POST", "/_admin/behaviour/next", "{\"fault\":\"melt\"}")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void variedRepliesCanBeSetOverHttp() {
        HttpResponse<String> queued = admin("POST", "/_admin/behaviour/next", "{\"varied_replies\":true}");

        assertThat(llm.queuedBehaviours()).containsExactly(Behaviour.instant().withVariedReplies(true));
        assertThat(LlmHttp.json(queued.body())
                        .path("queued")
                        .path(0)
                        .path("varied_replies")
                        .asBoolean())
                .isTrue();
        assertThat(admin("POST", "/_admin/behaviour/next", "{\"varied_replies\":\"yes\"}")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void hangCanBeQueuedOverHttp() {
        admin("POST", "/_admin/behaviour/next", "{\"hang\":true}");

        assertThat(llm.queuedBehaviours()).containsExactly(Behaviour.instant().withHang(true));
    }

    @Test
    void callsAreListedAsSnakeCaseJson() {
        LlmHttp.chat(llm, chat().model("x/model").user("hello there").maxTokens(20));

        JsonNode body = LlmHttp.json(admin("GET", "/_admin/calls", null).body());

        assertThat(body.path("count").asInt()).isEqualTo(1);
        JsonNode call = body.path("calls").path(0);
        assertThat(call.path("model").asString()).isEqualTo("x/model");
        assertThat(call.path("stream").asBoolean()).isFalse();
        assertThat(call.path("max_tokens").asInt()).isEqualTo(20);
        assertThat(call.path("status").asInt()).isEqualTo(200);
        assertThat(call.path("received_at").asString()).isNotBlank();
        assertThat(call.path("messages").path(0).path("role").asString()).isEqualTo("user");
        assertThat(call.path("messages").path(0).path("content").asString()).isEqualTo("hello there");
    }

    @Test
    void aCallsTraceparentIsRecorded() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        LlmHttp.send(LlmHttp.post(llm, "/v1/chat/completions", chat().json())
                .header("Authorization", "Bearer " + LlmHttp.KEY)
                .header("traceparent", traceparent)
                .build());
        LlmHttp.chat(llm, chat());

        assertThat(llm.calls()).extracting(RecordedCall::traceparent).containsExactly(traceparent, null);
        JsonNode calls =
                LlmHttp.json(admin("GET", "/_admin/calls", null).body()).path("calls");
        assertThat(calls.path(0).path("traceparent").asString()).isEqualTo(traceparent);
        assertThat(calls.path(1).path("traceparent").isNull()).isTrue();
    }

    @Test
    void resetOverHttpClearsEverything() {
        admin("PUT", "/_admin/behaviour", "{\"status\":500}");
        admin("POST", "/_admin/behaviour/next", "{\"status\":429}");
        LlmHttp.chat(llm, chat());

        assertThat(admin("POST", "/_admin/reset", "").statusCode()).isEqualTo(200);

        assertThat(llm.callCount()).isZero();
        assertThat(llm.queuedBehaviours()).isEmpty();
        assertThat(llm.defaultBehaviour()).isEqualTo(Behaviour.instant());
        JsonNode behaviour =
                LlmHttp.json(admin("GET", "/_admin/behaviour", null).body());
        assertThat(behaviour.path("default").path("status").asInt()).isEqualTo(200);
        assertThat(behaviour.path("queued").size()).isZero();
    }

    @Test
    void invalidBehaviourJsonIs400() {
        assertThat(admin("PUT", "/_admin/behaviour", "{nope").statusCode()).isEqualTo(400);
        assertThat(admin("PUT", "/_admin/behaviour", "{\"status\":\"slow\"}").statusCode())
                .isEqualTo(400);
        assertThat(admin("PUT", "/_admin/behaviour", "{\"status\":302}").statusCode())
                .isEqualTo(400);
        assertThat(admin("POST", "/_admin/behaviour/next", "[1]").statusCode()).isEqualTo(400);
        assertThat(llm.defaultBehaviour()).isEqualTo(Behaviour.instant());
    }

    private static HttpResponse<String> admin(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + llm.port() + path))
                .timeout(Duration.ofSeconds(10));
        request.method(
                method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return LlmHttp.send(request.build());
    }
}
