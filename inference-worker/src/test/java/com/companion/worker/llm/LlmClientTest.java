package com.companion.worker.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.companion.offlinellm.Behaviour;
import com.companion.offlinellm.OfflineLlmServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The retry loop's limits, against the offline LLM; the happy paths run end to end in InferenceWorkerIT. */
class LlmClientTest {

    static final OfflineLlmServer llm = OfflineLlmServer.start(0);

    private final List<Integer> restarts = new ArrayList<>();
    private final StreamListener listener = new StreamListener() {
        @Override
        public void onToken(String text) {}

        @Override
        public void onRestart(int attempt) {
            restarts.add(attempt);
        }
    };

    @AfterAll
    static void close() {
        llm.close();
    }

    @BeforeEach
    void reset() {
        llm.reset();
    }

    @Test
    void aStreamThatKeepsBreakingFailsAfterTheRestartBound() {
        llm.enqueue(Behaviour.disconnectAfter(2), Behaviour.disconnectAfter(2), Behaviour.normal());

        assertFailure(client("fine"), Duration.ofSeconds(10), LlmFailure.Reason.STREAM_BROKEN);
        assertThat(restarts).containsExactly(2);
        assertThat(llm.callCount()).isEqualTo(2);
    }

    @Test
    void aRetryAfterBeyondTheDeadlineFailsAtOnce() {
        llm.enqueue(Behaviour.rateLimited(30));
        long start = System.nanoTime();

        assertFailure(client("fine"), Duration.ofSeconds(10), LlmFailure.Reason.RATE_LIMITED);
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("did not wait the 30 s asked for")
                .isLessThan(Duration.ofSeconds(20));
        assertThat(llm.callCount()).isEqualTo(1);
    }

    @Test
    void serverErrorsAreRetriedABoundedNumberOfTimes() {
        llm.setDefault(Behaviour.overloaded());

        assertFailure(client("fine"), Duration.ofSeconds(10), LlmFailure.Reason.UNAVAILABLE);
        assertThat(llm.callCount()).isEqualTo(3);
    }

    @Test
    void whenNoConfiguredModelIsServedTheRequestFails() {
        assertFailure(
                client(OfflineLlmServer.NOUS_HERMES_MIXTRAL), Duration.ofSeconds(10), LlmFailure.Reason.UNAVAILABLE);
        assertThat(llm.callCount()).isEqualTo(1);
    }

    private void assertFailure(LlmClient client, Duration deadline, LlmFailure.Reason reason) {
        assertThatThrownBy(() -> client.generate(List.of(ChatMessage.user("hi")), Deadline.after(deadline), listener))
                .isInstanceOfSatisfying(
                        LlmFailure.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static LlmClient client(String model) {
        LlmProperties base = CompletionCallTest.properties(URI.create(llm.baseUrl()));
        LlmProperties properties = new LlmProperties(
                base.baseUrl(),
                base.apiKey(),
                base.requireApiKey(),
                model,
                List.of(),
                base.modelRecheckInterval(),
                base.maxTokens(),
                base.temperature(),
                base.modelOptions(),
                base.connectTimeout(),
                base.firstTokenTimeout(),
                base.idleTimeout(),
                base.httpVersion(),
                base.retry(),
                base.circuit());
        return new LlmClient(
                new CompletionCall(
                        HttpClient.newHttpClient(),
                        properties,
                        JsonMapper.builder().build(),
                        ObservationRegistry.NOOP),
                new ModelRoster(properties.models(), properties.modelRecheckInterval(), System::nanoTime),
                CircuitBreaker.ofDefaults("test"),
                properties.retry(),
                new SimpleMeterRegistry());
    }
}
