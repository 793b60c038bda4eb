package com.companion.offlinellm;

import static com.companion.offlinellm.ChatRequests.chat;
import static org.assertj.core.api.Assertions.assertThat;

import com.companion.offlinellm.Behaviour.StreamFault;
import com.companion.offlinellm.Behaviour.StreamQuirk;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The stream shapes and faults real providers send, as the raw bytes a client reads. */
class StreamShapesTest {

    static final OfflineLlmServer llm = OfflineLlmServer.start(0);

    @AfterAll
    static void stop() {
        llm.close();
    }

    @BeforeEach
    void reset() {
        llm.reset();
    }

    @Test
    void usageComesInAFinalChunkWithoutChoices() {
        llm.enqueue(Behaviour.quirky(StreamQuirk.USAGE_CHUNK_WITHOUT_CHOICES).withReply("Hi there"));

        List<JsonNode> chunks = dataEvents(body()).stream()
                .filter(d -> !d.equals("[DONE]"))
                .map(LlmHttp::json)
                .toList();

        JsonNode last = chunks.getLast();
        assertThat(last.path("choices").isArray()).isTrue();
        assertThat(last.path("choices")).isEmpty();
        assertThat(last.path("usage").path("total_tokens").asInt()).isPositive();
        JsonNode finish = chunks.get(chunks.size() - 2);
        assertThat(finish.path("choices").path(0).path("finish_reason").asString())
                .isEqualTo("stop");
        assertThat(finish.path("usage").isNull()).isTrue();
    }

    @Test
    void nullContentDeltasComeFirstAndBetweenTokens() {
        llm.enqueue(Behaviour.quirky(StreamQuirk.NULL_CONTENT).withReply("Hi there"));

        List<JsonNode> chunks = dataEvents(body()).stream()
                .filter(d -> !d.equals("[DONE]"))
                .map(LlmHttp::json)
                .toList();

        assertThat(chunks.getFirst()
                        .path("choices")
                        .path(0)
                        .path("delta")
                        .path("content")
                        .isNull())
                .isTrue();
        assertThat(chunks.get(2)
                        .path("choices")
                        .path(0)
                        .path("delta")
                        .path("content")
                        .isNull())
                .isTrue();
    }

    @Test
    void pingsEventLinesAndMultiLineDataAreWellFormedServerSentEvents() {
        llm.enqueue(Behaviour.quirky(StreamQuirk.PINGS, StreamQuirk.EVENT_LINES, StreamQuirk.MULTILINE_DATA)
                .withReply("Hi there, \"friend\",\"x\": you"));

        String body = body();

        assertThat(body).contains(": ping\n\n").contains("\nid: ").contains("event: heartbeat\n");
        assertThat(body).containsPattern("data: \\{\"id\":[^\n]*,\ndata: \"object\"");
        List<String> data = dataEvents(body);
        assertThat(data.getLast()).isEqualTo("[DONE]");
        StringBuilder text = new StringBuilder();
        for (String event : data.subList(0, data.size() - 1)) {
            JsonNode chunk = LlmHttp.json(event);
            text.append(
                    chunk.path("choices").path(0).path("delta").path("content").asString(""));
        }
        assertThat(text.toString()).isEqualTo("Hi there, \"friend\",\"x\": you");
    }

    @Test
    void anErrorEventMidStreamEndsTheStream() {
        llm.enqueue(Behaviour.faultAfter(1, StreamFault.ERROR_EVENT).withReply("Hi there friend"));

        List<String> data = dataEvents(body());

        assertThat(data).hasSize(2).noneMatch(d -> d.equals("[DONE]"));
        assertThat(LlmHttp.json(data.getLast()).path("error").path("code").asString())
                .isEqualTo("internal_server_error");
    }

    @Test
    void aNamedErrorEventCarriesTheError() {
        llm.enqueue(Behaviour.faultAfter(1, StreamFault.NAMED_ERROR_EVENT).withReply("Hi there friend"));

        assertThat(body()).contains("event: error\ndata: {\"error\":");
    }

    @Test
    void finishReasonErrorIsSentAfterTheChunks() {
        llm.enqueue(Behaviour.faultAfter(2, StreamFault.FINISH_ERROR).withReply("Hi there friend"));

        List<String> data = dataEvents(body());

        assertThat(data).hasSize(4).endsWith("[DONE]");
        assertThat(LlmHttp.json(data.get(2))
                        .path("choices")
                        .path(0)
                        .path("finish_reason")
                        .asString())
                .isEqualTo("error");
    }

    @Test
    void aStalledStreamSendsOnlyPings() throws Exception {
        llm.enqueue(Behaviour.faultAfter(1, StreamFault.STALL_WITH_PINGS).withReply("Hi there friend"));

        HttpResponse<InputStream> response =
                LlmHttp.CLIENT.send(streamRequest(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            String head = new String(in.readNBytes(350), StandardCharsets.UTF_8);
            assertThat(head).contains("\"content\":\"Hi\"").doesNotContain("there");
            assertThat(head.split(": ping\n\n", -1).length - 1).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void refusedModelsByDefaultAreTheOnesTogetherRefuses() {
        assertThat(LlmHttp.json(LlmHttp.chat(llm, chat().model(OfflineLlmServer.MIXTRAL_8X7B))
                                .body())
                        .path("error")
                        .path("code")
                        .asString())
                .isEqualTo("model_not_available");
        HttpResponse<String> stopped = LlmHttp.chat(llm, chat().model(OfflineLlmServer.MIXTRAL_8X22B));
        assertThat(stopped.statusCode()).isEqualTo(400);
        assertThat(LlmHttp.json(stopped.body()).path("error").path("code").asString())
                .isEqualTo("dedicated_endpoint_not_running");
        assertThat(LlmHttp.chat(llm, chat().model("meta-llama/Llama-3.3-70B-Instruct-Turbo"))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void headersOfARateLimitCanBeScripted() {
        llm.enqueue(Behaviour.rateLimited(1)
                .withError(429, null, "dynamic_request_limited", null)
                .withHeaders(Map.of("retry-after-ms", "1500")));

        HttpResponse<String> response = LlmHttp.chat(llm, chat());

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("retry-after-ms")).hasValue("1500");
        assertThat(response.headers().firstValue("retry-after")).isEmpty();
        assertThat(LlmHttp.json(response.body()).path("error").path("type").asString())
                .isEqualTo("dynamic_request_limited");
    }

    private static HttpRequest streamRequest() {
        return LlmHttp.chatRequest(llm, chat().stream(true));
    }

    private static String body() {
        return LlmHttp.send(streamRequest()).body();
    }

    /** The data of each event, multi-line data joined with line breaks, as the SSE spec reads them. */
    private static List<String> dataEvents(String body) {
        return Arrays.stream(body.split("\n\n"))
                .map(event -> String.join(
                        "\n",
                        event.lines()
                                .filter(line -> line.startsWith("data:"))
                                .map(line -> line.substring(5).strip())
                                .toList()))
                .filter(data -> !data.isEmpty())
                .filter(data -> !data.contains("\"status\":\"generating\""))
                .toList();
    }
}
