package com.companion.offlinellm;

import static com.companion.offlinellm.ChatRequests.chat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ChatCompletionTest {

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
    void instant() {
        llm.reset();
        llm.setDefault(Behaviour.instant());
    }

    @Test
    void baseUrlPointsAtTheV1ApiOnLoopback() {
        assertThat(llm.port()).isPositive();
        assertThat(llm.baseUrl()).isEqualTo("http://127.0.0.1:" + llm.port() + "/v1");
    }

    @Test
    void nonStreamingAnswerHasTogetherShape() {
        ChatRequests request = chat().system(ChatRequests.systemPrompt("Aria", "girlfriend", "shyness=20, humor=80"))
                .user("How was your day?");
        long before = Instant.now().getEpochSecond();
        HttpResponse<String> response = LlmHttp.chat(llm, request);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(response.headers().firstValueAsLong("content-length"))
                .hasValue(response.body().getBytes(StandardCharsets.UTF_8).length);
        JsonNode body = LlmHttp.json(response.body());
        assertThat(fieldNames(body)).containsExactly("id", "object", "created", "model", "choices", "usage");
        assertThat(body.path("id").asString()).isNotBlank();
        assertThat(body.path("object").asString()).isEqualTo("chat.completion");
        assertThat(body.path("created").asLong())
                .isBetween(before, Instant.now().getEpochSecond());
        assertThat(body.path("model").asString()).isEqualTo(ChatRequests.COMPANION_MODEL);
        assertThat(body.path("choices").size()).isEqualTo(1);
        JsonNode choice = body.path("choices").path(0);
        assertThat(fieldNames(choice)).containsExactly("index", "message", "finish_reason");
        assertThat(choice.path("index").asInt()).isZero();
        assertThat(choice.path("message").path("role").asString()).isEqualTo("assistant");
        assertThat(choice.path("message").path("content").asString()).isNotBlank();
        assertThat(choice.path("finish_reason").asString()).isEqualTo("stop");

        JsonNode usage = body.path("usage");
        int promptChars = request.json().length();
        assertThat(usage.path("prompt_tokens").isInt()).isTrue();
        assertThat(usage.path("prompt_tokens").asInt()).isPositive().isLessThan(promptChars / 4 + 1);
        assertThat(usage.path("completion_tokens").asInt()).isPositive();
        assertThat(usage.path("total_tokens").asInt())
                .isEqualTo(usage.path("prompt_tokens").asInt()
                        + usage.path("completion_tokens").asInt());
    }

    @Test
    void promptTokensAreAboutAQuarterOfTheMessageCharacters() {
        String text = "x".repeat(400);
        JsonNode body = LlmHttp.chatJson(llm, chat().user(text));
        assertThat(body.path("usage").path("prompt_tokens").asInt()).isEqualTo(100);
    }

    @Test
    void maxTokensCutsTheReplyAndSaysLength() {
        llm.setDefault(Behaviour.replying("One two three four five six seven eight nine ten.")
                .withTiming(java.time.Duration.ZERO, java.time.Duration.ZERO));
        JsonNode body = LlmHttp.chatJson(llm, chat().maxTokens(3));

        assertThat(body.path("choices").path(0).path("message").path("content").asString())
                .isEqualTo("One two three");
        assertThat(body.path("choices").path(0).path("finish_reason").asString())
                .isEqualTo("length");
        assertThat(body.path("usage").path("completion_tokens").asInt()).isEqualTo(3);
    }

    @Test
    void scriptedReplyIsAnsweredVerbatim() {
        llm.setDefault(Behaviour.instant().withReply("Exactly this, nothing else."));
        assertThat(LlmHttp.reply(llm, chat())).isEqualTo("Exactly this, nothing else.");
    }

    @Test
    void unknownRequestFieldsAndContentPartsAreAccepted() {
        String body = """
                {"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"hello"}],"name":"u"}],
                 "stream":false,"logprobs":1,"stop":["</s>"],"response_format":{"type":"text"},"safety_model":null}""";
        HttpResponse<String> response = LlmHttp.send(LlmHttp.post(llm, "/v1/chat/completions", body)
                .header("Authorization", "Bearer k")
                .build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(llm.calls().getFirst().messages()).containsExactly(new ChatMessage("user", "hello"));
    }

    @Test
    void oneKeptAliveConnectionServesSeveralRequests() throws IOException {
        String body = chat().user("first").json();
        try (Socket socket = new Socket("127.0.0.1", llm.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            for (int i = 0; i < 3; i++) {
                out.write(rawPost(body).getBytes(StandardCharsets.UTF_8));
                out.flush();
                assertThat(readLine(in)).isEqualTo("HTTP/1.1 200 OK");
                Map<String, String> headers = readHeaders(in);
                assertThat(headers).containsEntry("connection", "keep-alive");
                byte[] content = in.readNBytes(Integer.parseInt(headers.get("content-length")));
                assertThat(LlmHttp.json(new String(content, StandardCharsets.UTF_8))
                                .path("object")
                                .asString())
                        .isEqualTo("chat.completion");
            }
        }
        assertThat(llm.callCount()).isEqualTo(3);
    }

    static String rawPost(String body) {
        return "POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer k\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length
                + "\r\n\r\n" + body;
    }

    /** A CR LF terminated line of a raw HTTP response, without the line end. */
    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("connection closed");
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    static Map<String, String> readHeaders(InputStream in) throws IOException {
        Map<String, String> headers = new HashMap<>();
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            headers.put(
                    line.substring(0, colon).toLowerCase(),
                    line.substring(colon + 1).strip());
        }
        return headers;
    }

    static java.util.List<String> fieldNames(JsonNode node) {
        return node.properties().stream().map(Map.Entry::getKey).toList();
    }
}
