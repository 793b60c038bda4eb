package com.companion.offlinellm;

import static com.companion.offlinellm.ChatRequests.chat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class StreamingTest {

    static OfflineLlmServer llm;

    @BeforeAll
    static void start() {
        llm = OfflineLlmServer.start(0);
    }

    @AfterAll
    static void stop() {
        llm.close();
    }

    @BeforeEach
    void reset() {
        llm.reset();
    }

    @Test
    void streamedAnswerHasTogetherChunkShapeAndEndsWithDone() {
        llm.setDefault(Behaviour.instant());
        LlmHttp.Streamed streamed = LlmHttp.stream(
                llm,
                chat().system(ChatRequests.systemPrompt("Kabir", "boyfriend", "boldness=80"))
                        .user("Good morning!"));

        assertThat(streamed.status()).isEqualTo(200);
        assertThat(streamed.contentType()).isEqualTo("text/event-stream");
        assertThat(streamed.failure()).isNull();
        assertThat(streamed.events().getLast().isDone()).isTrue();
        assertThat(streamed.events().stream().filter(LlmHttp.Event::isDone)).hasSize(1);

        List<JsonNode> chunks = streamed.chunks();
        assertThat(chunks).hasSizeGreaterThan(3);
        String id = chunks.getFirst().path("id").asString();
        for (JsonNode chunk : chunks) {
            assertThat(ChatCompletionTest.fieldNames(chunk))
                    .containsExactly("id", "object", "created", "model", "choices", "usage");
            assertThat(chunk.path("id").asString()).isEqualTo(id);
            assertThat(chunk.path("object").asString()).isEqualTo("chat.completion.chunk");
            assertThat(chunk.path("created").asLong()).isPositive();
            assertThat(chunk.path("model").asString()).isEqualTo(ChatRequests.COMPANION_MODEL);
            JsonNode choice = chunk.path("choices").path(0);
            assertThat(choice.path("index").asInt()).isZero();
            assertThat(choice.path("delta").path("role").asString()).isEqualTo("assistant");
            assertThat(choice.path("delta").path("content").isString()).isTrue();
        }
        List<JsonNode> contentChunks = chunks.subList(0, chunks.size() - 1);
        assertThat(contentChunks).allSatisfy(chunk -> {
            assertThat(chunk.path("choices").path(0).path("finish_reason").isNull())
                    .isTrue();
            assertThat(chunk.path("usage").isNull()).isTrue();
        });
        JsonNode last = chunks.getLast();
        assertThat(last.path("choices").path(0).path("finish_reason").asString())
                .isEqualTo("stop");
        assertThat(last.path("usage").path("completion_tokens").asInt()).isEqualTo(contentChunks.size());
        assertThat(last.path("usage").path("prompt_tokens").asInt()).isPositive();
        assertThat(last.path("usage").path("total_tokens").asInt())
                .isEqualTo(last.path("usage").path("prompt_tokens").asInt() + contentChunks.size());
        assertThat(streamed.content()).isNotBlank();
    }

    @Test
    void concatenatedDeltasEqualTheReply() {
        String reply = "Hey you, I missed our little chats! Tell me everything about today, okay?";
        llm.setDefault(Behaviour.instant().withReply(reply));

        LlmHttp.Streamed streamed = LlmHttp.stream(llm, chat().user("hi"));

        assertThat(streamed.content()).isEqualTo(reply);
        assertThat(streamed.chunks().size() - 1).isGreaterThanOrEqualTo(reply.split(" ").length);
        assertThat(streamed.chunks()
                        .get(1)
                        .path("choices")
                        .path(0)
                        .path("delta")
                        .path("content")
                        .asString())
                .startsWith(" ");
    }

    @Test
    void chunksArriveSpreadOverTimeAsScripted() {
        String reply = "one two three four five six seven eight nine ten";
        Duration ttft = Duration.ofMillis(300);
        Duration perToken = Duration.ofMillis(40);
        llm.setDefault(Behaviour.timing(ttft, perToken).withReply(reply));

        LlmHttp.Streamed streamed = LlmHttp.stream(llm, chat().user("tell me a story"));

        List<LlmHttp.Event> content = streamed.events().subList(0, 10);
        assertThat(content.getFirst().arrivedAfterNanos()).isGreaterThanOrEqualTo(ms(280));
        long spread = content.getLast().arrivedAfterNanos() - content.getFirst().arrivedAfterNanos();
        assertThat(spread).isGreaterThanOrEqualTo(ms(9 * 40 - 20));
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < content.size(); i++) {
            gaps.add(content.get(i).arrivedAfterNanos() - content.get(i - 1).arrivedAfterNanos());
        }
        assertThat(gaps.stream().filter(gap -> gap >= ms(20)).count())
                .as("gaps between chunks in ns: %s", gaps)
                .isGreaterThanOrEqualTo(5);
    }

    @Test
    void maxTokensEndsTheStreamWithLength() {
        llm.setDefault(Behaviour.instant().withReply("a b c d e f g h"));

        LlmHttp.Streamed streamed = LlmHttp.stream(llm, chat().maxTokens(4));

        assertThat(streamed.content()).isEqualTo("a b c d");
        assertThat(streamed.chunks()
                        .getLast()
                        .path("choices")
                        .path(0)
                        .path("finish_reason")
                        .asString())
                .isEqualTo("length");
        assertThat(streamed.chunks()
                        .getLast()
                        .path("usage")
                        .path("completion_tokens")
                        .asInt())
                .isEqualTo(4);
        assertThat(streamed.sawDone()).isTrue();
    }

    @Test
    void streamIsChunkedAndTheConnectionIsReusedAfterIt() throws IOException {
        llm.setDefault(Behaviour.instant().withReply("Hello there friend"));
        String body = chat().stream(true).json();
        try (Socket socket = new Socket("127.0.0.1", llm.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            for (int round = 0; round < 2; round++) {
                out.write(ChatCompletionTest.rawPost(body).getBytes(StandardCharsets.UTF_8));
                out.flush();
                assertThat(ChatCompletionTest.readLine(in)).isEqualTo("HTTP/1.1 200 OK");
                Map<String, String> headers = ChatCompletionTest.readHeaders(in);
                assertThat(headers)
                        .containsEntry("transfer-encoding", "chunked")
                        .containsEntry("content-type", "text/event-stream")
                        .doesNotContainKey("content-length");
                StringBuilder events = new StringBuilder();
                while (true) {
                    int size = Integer.parseInt(ChatCompletionTest.readLine(in), 16);
                    if (size == 0) {
                        assertThat(ChatCompletionTest.readLine(in)).isEmpty();
                        break;
                    }
                    events.append(new String(in.readNBytes(size), StandardCharsets.UTF_8));
                    assertThat(ChatCompletionTest.readLine(in)).isEmpty();
                }
                assertThat(events.toString()).startsWith("data: {").endsWith("data: [DONE]\n\n");
            }
        }
    }

    private static long ms(long millis) {
        return Duration.ofMillis(millis).toNanos();
    }
}
