package com.companion.worker.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.companion.worker.llm.LlmCallException.Kind;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The stream reader against bodies a well-behaved test server would never send. */
class CompletionCallTest {

    private HttpServer server;
    private final AtomicReference<Answer> answer = new AtomicReference<>();
    private final AtomicReference<com.sun.net.httpserver.Headers> received = new AtomicReference<>();
    private CompletionCall call;
    private final List<String> tokens = new ArrayList<>();
    private final StreamListener listener = new StreamListener() {
        @Override
        public void onToken(String text) {
            tokens.add(text);
        }

        @Override
        public void onRestart(int attempt) {}
    };

    record Answer(int status, Map<String, String> headers, String body) {}

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            received.set(exchange.getRequestHeaders());
            Answer a = answer.get();
            a.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(a.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        call = call(ObservationRegistry.NOOP);
    }

    private CompletionCall call(ObservationRegistry observations) {
        return new CompletionCall(
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                properties(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1")),
                JsonMapper.builder().build(),
                observations);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void readsCommentsCrlfAndMissingUsage() throws Exception {
        answer.set(new Answer(
                200,
                Map.of("Content-Type", "text/event-stream"),
                ": keep-alive\r\n\r\n" + data("Hel", null) + data("lo", null) + data("", "eos")
                        + "data: [DONE]\r\n\r\n"));

        CompletionCall.Result result = call.execute("m", messages(), Deadline.after(Duration.ofSeconds(5)), listener);

        assertThat(tokens).containsExactly("Hel", "lo");
        assertThat(result.finishReason()).isEqualTo("eos");
        assertThat(result.model()).isEqualTo("served-model");
        assertThat(result.usage().estimated()).isTrue();
        assertThat(result.usage().completionTokens()).isEqualTo(2);
        assertThat(result.usage().totalTokens())
                .isEqualTo(result.usage().promptTokens() + result.usage().completionTokens());
    }

    @Test
    void theCallIsAChildSpanOfTheRequestsTraceAndSendsItsTraceparent() throws Exception {
        answer.set(new Answer(200, Map.of(), data("Hi", null) + data("", "stop")));
        SdkTracerProvider provider = SdkTracerProvider.builder().build();
        io.opentelemetry.api.trace.Tracer otel = provider.get("test");
        OtelTracer tracer = new OtelTracer(otel, new OtelCurrentTraceContext(), event -> {});
        OtelPropagator propagator =
                new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel);
        ObservationRegistry observations = ObservationRegistry.create();
        observations
                .observationConfig()
                .observationHandler(new PropagatingSenderTracingObservationHandler<>(tracer, propagator));
        Span request = tracer.nextSpan().name("request").start();

        try (Tracer.SpanInScope ignored = tracer.withSpan(request)) {
            call(observations).execute("m", messages(), Deadline.after(Duration.ofSeconds(5)), listener);
        } finally {
            request.end();
            provider.close();
        }

        String traceparent = received.get().getFirst("traceparent");
        assertThat(traceparent)
                .as("the provider sees the request's trace, under the call's own span")
                .matches("00-" + request.context().traceId() + "-[0-9a-f]{16}-01")
                .doesNotContain(request.context().spanId());
    }

    @Test
    void withoutATracerNoTraceparentIsSent() throws Exception {
        answer.set(new Answer(200, Map.of(), data("Hi", null) + data("", "stop")));

        call.execute("m", messages(), Deadline.after(Duration.ofSeconds(5)), listener);

        assertThat(received.get().containsKey("traceparent")).isFalse();
    }

    @Test
    void aFinishedStreamWithoutDoneIsAccepted() throws Exception {
        answer.set(new Answer(200, Map.of(), data("Hi", null) + data("", "stop")));

        assertThat(call.execute("m", messages(), Deadline.after(Duration.ofSeconds(5)), listener)
                        .finishReason())
                .isEqualTo("stop");
    }

    @Test
    void aStreamThatEndsUnfinishedIsBroken() {
        answer.set(new Answer(200, Map.of(), data("Hi", null)));

        assertKind(Kind.STREAM_BROKEN);
        assertThat(tokens).containsExactly("Hi");
    }

    @Test
    void anErrorInsideTheStreamIsBroken() {
        answer.set(new Answer(200, Map.of(), data("Hi", null) + "data: {\"error\":{\"message\":\"overloaded\"}}\n\n"));

        assertKind(Kind.STREAM_BROKEN);
    }

    @Test
    void anEmptyReplyIsBroken() {
        answer.set(new Answer(200, Map.of(), data("", "stop") + "data: [DONE]\n\n"));

        assertKind(Kind.STREAM_BROKEN);
    }

    @Test
    void statusCodesAreClassified() {
        answer.set(new Answer(404, Map.of(), error("model_not_found")));
        assertKind(Kind.MODEL_UNAVAILABLE);
        answer.set(new Answer(404, Map.of(), error("not_found")));
        assertKind(Kind.REJECTED);
        answer.set(new Answer(400, Map.of(), error("model_not_available")));
        assertKind(Kind.MODEL_UNAVAILABLE);
        answer.set(new Answer(400, Map.of(), error("invalid_request_error")));
        assertKind(Kind.REJECTED);
        answer.set(new Answer(402, Map.of(), error("insufficient_balance")));
        assertKind(Kind.REJECTED);
        answer.set(new Answer(403, Map.of(), error("context_length_exceeded")));
        assertKind(Kind.REJECTED);
        answer.set(new Answer(502, Map.of(), "<html>bad gateway</html>"));
        assertKind(Kind.SERVER_ERROR);
        answer.set(new Answer(429, Map.of("retry-after", "3"), error("rate_limit_exceeded")));
        assertThatThrownBy(() -> call.execute("m", messages(), Deadline.after(Duration.ofSeconds(5)), listener))
                .isInstanceOfSatisfying(LlmCallException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(3));
                });
    }

    @Test
    void nothingListeningIsAConnectFailure() {
        server.stop(0);

        assertKind(Kind.CONNECT);
    }

    @Test
    void retryAfterIsSecondsOrAnHttpDate() {
        assertThat(CompletionCall.retryHint(headers("retry-after", "2"), true)).isEqualTo(Duration.ofSeconds(2));
        assertThat(CompletionCall.retryHint(headers("retry-after", "0.5"), true))
                .isEqualTo(Duration.ofMillis(500));
        String inTenSeconds =
                DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().plusSeconds(10));
        assertThat(CompletionCall.retryHint(headers("retry-after", inTenSeconds), true))
                .isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10));
        assertThat(CompletionCall.retryHint(headers("retry-after", "soon"), true))
                .isNull();
        assertThat(CompletionCall.retryHint(HttpHeaders.of(Map.of(), (a, b) -> true), true))
                .isNull();
    }

    @Test
    void retryAfterMsComesFirstAndARateLimitsResetIsTheLastResort() {
        assertThat(CompletionCall.retryHint(headers("retry-after-ms", "1500", "retry-after", "9"), true))
                .isEqualTo(Duration.ofMillis(1500));
        assertThat(CompletionCall.retryHint(headers("x-ratelimit-reset", "3"), true))
                .isEqualTo(Duration.ofSeconds(3));
        assertThat(CompletionCall.retryHint(headers("x-ratelimit-reset", "1m30s"), true))
                .isEqualTo(Duration.ofSeconds(90));
        assertThat(CompletionCall.retryHint(headers("x-ratelimit-reset", "250ms"), true))
                .isEqualTo(Duration.ofMillis(250));
        long inFiveSeconds = java.time.Instant.now().plusSeconds(5).getEpochSecond();
        assertThat(CompletionCall.retryHint(headers("x-ratelimit-reset", Long.toString(inFiveSeconds)), true))
                .isBetween(Duration.ofSeconds(3), Duration.ofSeconds(5));
        assertThat(CompletionCall.retryHint(headers("x-ratelimit-reset", "3"), false))
                .as("a window's reset is no hint for a server error")
                .isNull();
    }

    @Test
    void everyModelCannotServeAnswerFallsBack() {
        answer.set(new Answer(400, Map.of(), error("dedicated_endpoint_not_running")));
        assertKind(Kind.MODEL_UNAVAILABLE);
        answer.set(new Answer(
                400,
                Map.of(),
                "{\"error\":{\"message\":\"Unable to access non-serverless model x/y. Please visit ...\"}}"));
        assertKind(Kind.MODEL_UNAVAILABLE);
    }

    @Test
    void dynamicRateLimitsAreRateLimitsWhateverTheStatus() {
        answer.set(new Answer(
                503,
                Map.of("retry-after-ms", "700"),
                "{\"error\":{\"message\":\"slow down\",\"type\":\"dynamic_request_limited\"}}"));
        assertThatThrownBy(() -> call.execute("m", messages(), Deadline.after(Duration.ofSeconds(5)), listener))
                .isInstanceOfSatisfying(LlmCallException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofMillis(700));
                });
        answer.set(
                new Answer(429, Map.of(), "{\"error\":{\"message\":\"tokens\",\"type\":\"dynamic_token_limited\"}}"));
        assertKind(Kind.RATE_LIMITED);
    }

    @Test
    void finishReasonErrorIsABrokenStream() {
        answer.set(new Answer(200, Map.of(), data("Hi", null) + data("", "error") + "data: [DONE]\n\n"));

        assertKind(Kind.STREAM_BROKEN);
        assertThat(tokens).containsExactly("Hi");
    }

    @Test
    void multiLineDataNamedEventsNullContentAndAUsageOnlyChunkAreRead() throws Exception {
        String multiLine = "id: 1\ndata: {\"model\":\"served-model\",\ndata: \"choices\":[{\"delta\":"
                + "{\"content\":\"Hel\"},\"finish_reason\":null}]}\n\n";
        String nullContent =
                "data: {\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":null},\"finish_reason\":null}]}\n\n";
        String heartbeat = "event: heartbeat\ndata: {\"choices\":[{\"delta\":{\"content\":\"IGNORED\"}}]}\n\n";
        String usageOnly = "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":2,"
                + "\"total_tokens\":9}}\n\n";
        answer.set(new Answer(
                200,
                Map.of(),
                nullContent + ": ping\n\n" + multiLine + heartbeat + data("lo", null) + data("", "stop") + usageOnly
                        + "data: [DONE]\n\n"));

        CompletionCall.Result result = call.execute("m", messages(), Deadline.after(Duration.ofSeconds(5)), listener);

        assertThat(tokens).containsExactly("Hel", "lo");
        assertThat(result.finishReason()).isEqualTo("stop");
        assertThat(result.usage()).isEqualTo(new LlmReply.Usage(7, 2, 9, false));
    }

    @Test
    void aNamedErrorEventIsClassifiedLikeAnHttpError() {
        answer.set(new Answer(
                200,
                Map.of(),
                "event: error\ndata: {\"error\":{\"message\":\"gone\",\"code\":\"model_not_available\"}}\n\n"));

        assertKind(Kind.MODEL_UNAVAILABLE);
    }

    @Test
    void theRequestCarriesTheModelsOptions() throws Exception {
        AtomicReference<String> body = new AtomicReference<>();
        server.removeContext("/v1/chat/completions");
        server.createContext("/v1/chat/completions", exchange -> {
            body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] reply = (data("Hi", null) + data("", "stop")).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        });
        LlmProperties base =
                properties(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1"));
        LlmProperties withOptions = new LlmProperties(
                base.baseUrl(),
                base.apiKey(),
                base.requireApiKey(),
                base.model(),
                base.fallbackModels(),
                base.modelRecheckInterval(),
                base.maxTokens(),
                base.temperature(),
                Map.of("m", new LlmProperties.ModelOptions(0.4, 0.9, 40, 1.1, List.of("<|eot_id|>"))),
                base.connectTimeout(),
                base.firstTokenTimeout(),
                base.idleTimeout(),
                base.httpVersion(),
                base.retry(),
                base.circuit());
        CompletionCall withModelOptions = new CompletionCall(
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                withOptions,
                JsonMapper.builder().build(),
                ObservationRegistry.NOOP);

        withModelOptions.execute("m", messages(), Deadline.after(Duration.ofSeconds(5)), listener);
        var sent = JsonMapper.builder().build().readTree(body.get());
        assertThat(sent.path("temperature").asDouble()).isEqualTo(0.4);
        assertThat(sent.path("top_p").asDouble()).isEqualTo(0.9);
        assertThat(sent.path("top_k").asInt()).isEqualTo(40);
        assertThat(sent.path("repetition_penalty").asDouble()).isEqualTo(1.1);
        assertThat(sent.path("stop").path(0).asString()).isEqualTo("<|eot_id|>");

        call.execute("other", messages(), Deadline.after(Duration.ofSeconds(5)), listener);
        var plain = JsonMapper.builder().build().readTree(body.get());
        assertThat(plain.path("temperature").asDouble()).isEqualTo(0.7);
        assertThat(plain.has("stop")).isFalse();
        assertThat(plain.has("top_p")).isFalse();
    }

    private void assertKind(Kind kind) {
        assertThatThrownBy(() -> call.execute("m", messages(), Deadline.after(Duration.ofSeconds(5)), listener))
                .isInstanceOfSatisfying(
                        LlmCallException.class, e -> assertThat(e.kind()).isEqualTo(kind));
    }

    private static HttpHeaders headers(String... namesAndValues) {
        Map<String, List<String>> map = new java.util.HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
        }
        return HttpHeaders.of(map, (a, b) -> true);
    }

    private static String data(String content, String finish) {
        return "data: {\"model\":\"served-model\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + content
                + "\"},\"finish_reason\":" + (finish == null ? "null" : "\"" + finish + "\"") + "}]}\r\n\r\n";
    }

    private static String error(String code) {
        return "{\"error\":{\"message\":\"no\",\"type\":\"invalid_request_error\",\"code\":\"" + code + "\"}}";
    }

    private static List<ChatMessage> messages() {
        return List.of(ChatMessage.system("You are a test."), ChatMessage.user("hi"));
    }

    static LlmProperties properties(URI baseUrl) {
        return new LlmProperties(
                baseUrl,
                "test-key",
                LlmProperties.KeyRequirement.AUTO,
                "m",
                List.of(),
                Duration.ofMinutes(10),
                256,
                0.7,
                Map.of(),
                Duration.ofSeconds(2),
                Duration.ofSeconds(2),
                Duration.ofSeconds(2),
                HttpClient.Version.HTTP_1_1,
                new LlmProperties.Retry(2, 1, Duration.ofMillis(10), 2.0, Duration.ofMillis(50)),
                new LlmProperties.Circuit(50, 10, 5, Duration.ofSeconds(10), 1));
    }
}
