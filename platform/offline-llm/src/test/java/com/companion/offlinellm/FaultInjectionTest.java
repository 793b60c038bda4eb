package com.companion.offlinellm;

import static com.companion.offlinellm.ChatRequests.chat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FaultInjectionTest extends LlmServerTest {

    static final String LONG_REPLY =
            "This is a long enough reply to have many more chunks than we cut after, honestly.";

    @Test
    void disconnectAfterNChunksGivesExactlyNChunksThenAnAbruptEnd() {
        llm.enqueue(Behaviour.instant().withReply(LONG_REPLY).withDisconnectAfterChunks(3));

        LlmHttp.Streamed streamed = LlmHttp.stream(llm, chat());

        assertThat(streamed.status()).isEqualTo(200);
        assertThat(streamed.failure()).as("the stream must end abruptly").isInstanceOf(IOException.class);
        assertThat(streamed.sawDone()).isFalse();
        assertThat(streamed.chunks()).hasSize(3).allSatisfy(chunk -> {
            assertThat(chunk.path("choices").path(0).path("finish_reason").isNull())
                    .isTrue();
            assertThat(chunk.path("usage").isNull()).isTrue();
        });
        assertThat(LONG_REPLY).startsWith(streamed.content());
    }

    @Test
    void disconnectAfterZeroChunksCutsRightAfterTheHeaders() {
        llm.enqueue(Behaviour.disconnectAfter(0).withReply(LONG_REPLY));

        LlmHttp.Streamed streamed = LlmHttp.stream(llm, chat());

        assertThat(streamed.events()).isEmpty();
        assertThat(streamed.failure()).isInstanceOf(IOException.class);
    }

    @Test
    void disconnectAfterAllContentStillWithholdsTheFinishChunkAndDone() {
        llm.enqueue(Behaviour.instant().withReply("just three words").withDisconnectAfterChunks(100));

        LlmHttp.Streamed streamed = LlmHttp.stream(llm, chat());

        assertThat(streamed.content()).isEqualTo("just three words");
        assertThat(streamed.chunks())
                .noneSatisfy(chunk -> assertThat(chunk.path("choices")
                                .path(0)
                                .path("finish_reason")
                                .isNull())
                        .isFalse());
        assertThat(streamed.sawDone()).isFalse();
        assertThat(streamed.failure()).isInstanceOf(IOException.class);
    }

    @Test
    void disconnectOnANonStreamingCallFailsTheRead() {
        llm.enqueue(Behaviour.disconnectAfter(1));

        assertThatThrownBy(() ->
                        LlmHttp.CLIENT.send(LlmHttp.chatRequest(llm, chat()), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void serverKeepsServingAfterACutConnection() {
        llm.enqueue(Behaviour.disconnectAfter(2).withReply(LONG_REPLY));
        LlmHttp.stream(llm, chat());

        LlmHttp.Streamed next = LlmHttp.stream(llm, chat());

        assertThat(next.failure()).isNull();
        assertThat(next.sawDone()).isTrue();
    }

    @Test
    void hangingCallIsHeldUntilTheClientTimesOut() {
        llm.enqueue(Behaviour.hanging());
        HttpRequest request = LlmHttp.post(llm, "/v1/chat/completions", chat().json())
                .header("Authorization", "Bearer k")
                .timeout(Duration.ofMillis(400))
                .build();

        long start = System.nanoTime();
        assertThatThrownBy(() -> LlmHttp.CLIENT.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(System.nanoTime() - start)
                .isGreaterThanOrEqualTo(Duration.ofMillis(400).toNanos());
        assertThat(llm.callCount()).isEqualTo(1);
        assertThat(LlmHttp.chat(llm, chat()).statusCode()).isEqualTo(200);
    }

    @Test
    void closingTheServerReleasesHangingCalls() {
        OfflineLlmServer other =
                OfflineLlmServer.builder().defaultBehaviour(Behaviour.hanging()).start();
        CompletableFuture<HttpResponse<String>> pending = LlmHttp.CLIENT.sendAsync(
                LlmHttp.post(other, "/v1/chat/completions", chat().json())
                        .header("Authorization", "Bearer k")
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(5)).until(() -> other.callCount() == 1);
        assertThat(pending).isNotDone();

        other.close();

        assertThatThrownBy(() -> pending.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IOException.class);
    }
}
