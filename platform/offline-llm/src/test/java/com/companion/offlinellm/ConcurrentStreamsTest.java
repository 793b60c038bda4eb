package com.companion.offlinellm;

import static com.companion.offlinellm.ChatRequests.chat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrentStreamsTest {

    @Test
    void twoHundredConcurrentStreamsAllComplete() throws Exception {
        int streams = 200;
        try (OfflineLlmServer llm = OfflineLlmServer.builder()
                        .defaultBehaviour(Behaviour.timing(Duration.ofMillis(200), Duration.ofMillis(10)))
                        .start();
                var executor = Executors.newVirtualThreadPerTaskExecutor();
                HttpClient client = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .executor(executor)
                        .build()) {
            List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < streams; i++) {
                responses.add(client.sendAsync(
                        LlmHttp.chatRequest(llm, chat().user("hello number " + i).stream(true)),
                        HttpResponse.BodyHandlers.ofString()));
            }

            CompletableFuture.allOf(responses.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

            assertThat(responses).allSatisfy(future -> {
                HttpResponse<String> response = future.join();
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body())
                        .contains("\"finish_reason\":\"stop\"")
                        .endsWith("data: [DONE]\n\n");
            });
            assertThat(llm.callCount()).isEqualTo(streams);
        }
    }
}
