package com.companion.offlinellm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The recorded calls hold full prompts: bounded only by count, a long-running server with the local
 * stack's 64 MB heap died of {@code OutOfMemoryError} in a benchmark. They are bounded by bytes too.
 */
class RecordingBudgetTest {

    private static final String BIG_PROMPT = "character sheet line. ".repeat(750); // ~16 KB

    @Test
    void theOldestCallsAreDroppedOnceTheByteBudgetIsFull() {
        try (OfflineLlmServer llm = OfflineLlmServer.builder()
                .defaultBehaviour(Behaviour.timing(Duration.ZERO, Duration.ZERO))
                .maxRecordedBytes(1 << 20)
                .start()) {
            for (int i = 0; i < 100; i++) {
                assertThat(LlmHttp.chat(
                                        llm,
                                        ChatRequests.chat().system(BIG_PROMPT).user("message " + i))
                                .statusCode())
                        .isEqualTo(200);
            }
            assertThat(llm.callCount()).isEqualTo(100);
            assertThat(llm.recordedBytes()).isPositive().isLessThanOrEqualTo(1 << 20);
            List<RecordedCall> kept = llm.calls();
            // 16 KB of characters at two bytes each: about 30 fit in 1 MB.
            assertThat(kept).hasSizeBetween(20, 40);
            assertThat(kept.getLast().lastUserMessage()).contains("message 99");

            llm.reset();
            assertThat(llm.recordedBytes()).isZero();
        }
    }

    @Test
    void aCallLargerThanTheWholeBudgetIsCountedButNotKept() {
        try (OfflineLlmServer llm = OfflineLlmServer.builder()
                .defaultBehaviour(Behaviour.timing(Duration.ZERO, Duration.ZERO))
                .maxRecordedBytes(10_000)
                .start()) {
            LlmHttp.chat(llm, ChatRequests.chat().system(BIG_PROMPT).user("hi"));
            assertThat(llm.callCount()).isEqualTo(1);
            assertThat(llm.calls()).isEmpty();
            assertThat(llm.recordedBytes()).isZero();
        }
    }

    @Test
    void theStandaloneServerKeepsLittleByDefault() {
        try (OfflineLlmServer llm = OfflineLlmMain.start(new String[] {"--port", "0"}, Map.of())) {
            for (int i = 0; i < 5; i++) {
                LlmHttp.chat(llm, ChatRequests.chat().user("hi " + i));
            }
            assertThat(llm.calls()).hasSize(5);
        }
        try (OfflineLlmServer llm = OfflineLlmMain.start(
                new String[] {"--port", "0", "--ttft-ms", "0", "--token-ms", "0", "--max-recorded-calls", "3"},
                Map.of())) {
            for (int i = 0; i < 5; i++) {
                LlmHttp.chat(llm, ChatRequests.chat().user("hi " + i));
            }
            assertThat(llm.calls()).hasSize(3);
            assertThat(llm.calls().getFirst().lastUserMessage()).contains("hi 2");
        }
    }

    /**
     * The local stack's command line, heap and all: 5,000 calls of 16 KB prompts (80 MB of text) in a
     * 64 MB heap. With only the count bound this process exits with OutOfMemoryError.
     */
    @Test
    void theServerOfTheLocalStackSurvivesManyLargePromptsInItsHeap() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process server = new ProcessBuilder(
                        java,
                        "-Xmx64m",
                        "-XX:+UseSerialGC",
                        "-XX:+ExitOnOutOfMemoryError",
                        "-cp",
                        System.getProperty("java.class.path"),
                        OfflineLlmMain.class.getName(),
                        "--port",
                        "0",
                        "--ttft-ms",
                        "0",
                        "--token-ms",
                        "0")
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            Matcher ready =
                    Pattern.compile("ready on http://127\\.0\\.0\\.1:(\\d+)").matcher(out.readLine());
            assertThat(ready.find()).isTrue();
            int port = Integer.parseInt(ready.group(1));
            String body = ChatRequests.chat().system(BIG_PROMPT).user("hello").json();
            HttpRequest chat = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/chat/completions"))
                    .timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + LlmHttp.KEY)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            try (var pool = Executors.newFixedThreadPool(4)) {
                List<Future<Integer>> senders = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    senders.add(pool.submit(() -> {
                        int ok = 0;
                        for (int i = 0; i < 1250 && server.isAlive(); i++) {
                            try {
                                if (LlmHttp.send(chat).statusCode() == 200) {
                                    ok++;
                                }
                            } catch (RuntimeException connectionRefused) {
                                break;
                            }
                        }
                        return ok;
                    }));
                }
                int ok = 0;
                for (Future<Integer> sender : senders) {
                    ok += sender.get(3, TimeUnit.MINUTES);
                }
                assertThat(server.isAlive())
                        .as("the server is alive after %d calls", ok)
                        .isTrue();
                assertThat(ok).isEqualTo(5000);
            }
            HttpResponse<String> health =
                    LlmHttp.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                            .build());
            assertThat(health.statusCode()).isEqualTo(200);
        } finally {
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
