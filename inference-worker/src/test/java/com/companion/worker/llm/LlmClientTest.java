package com.companion.worker.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.companion.offlinellm.Behaviour;
import com.companion.offlinellm.OfflineLlmServer;
import com.companion.offlinellm.RecordedCall;
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
    void whenNoConfiguredModelIsServedTheRequestFailsNamingTheLastModelCalled() {
        LlmFailure failure = assertFailure(
                client(OfflineLlmServer.NOUS_HERMES_MIXTRAL, OfflineLlmServer.MIXTRAL_8X7B),
                Duration.ofSeconds(10),
                LlmFailure.Reason.UNAVAILABLE);

        assertThat(failure.model()).isEqualTo(OfflineLlmServer.MIXTRAL_8X7B);
        assertThat(llm.calls())
                .extracting(RecordedCall::model)
                .containsExactly(OfflineLlmServer.NOUS_HERMES_MIXTRAL, OfflineLlmServer.MIXTRAL_8X7B);
    }

    @Test
    void aFailureOfTheOnlyModelNamesIt() {
        llm.setDefault(Behaviour.overloaded());

        LlmFailure failure = assertFailure(client("fine"), Duration.ofSeconds(10), LlmFailure.Reason.UNAVAILABLE);

        assertThat(failure.model()).isEqualTo("fine");
    }

    @Test
    void aReplyOfThePreferredModelIsNoFallback() throws Exception {
        LlmReply reply = client("fine", "spare").generate(hi(), Deadline.after(Duration.ofSeconds(10)), listener);

        assertThat(reply.model()).isEqualTo("fine");
        assertThat(reply.fallbackFrom()).isNull();
    }

    @Test
    void aReplyOfAFallbackModelNamesThePreferredModelItStoodInFor() throws Exception {
        LlmClient client = client(OfflineLlmServer.NOUS_HERMES_MIXTRAL, "spare");

        LlmReply first = client.generate(hi(), Deadline.after(Duration.ofSeconds(10)), listener);
        LlmReply skipped = client.generate(hi(), Deadline.after(Duration.ofSeconds(10)), listener);

        assertThat(first.model()).isEqualTo("spare");
        assertThat(first.fallbackFrom()).isEqualTo(OfflineLlmServer.NOUS_HERMES_MIXTRAL);
        assertThat(skipped.fallbackFrom())
                .as("the preferred model, skipped after refusing, is still the one stood in for")
                .isEqualTo(OfflineLlmServer.NOUS_HERMES_MIXTRAL);
        assertThat(llm.calls())
                .extracting(RecordedCall::model)
                .containsExactly(OfflineLlmServer.NOUS_HERMES_MIXTRAL, "spare", "spare");
    }

    private static List<ChatMessage> hi() {
        return List.of(ChatMessage.user("hi"));
    }

    private LlmFailure assertFailure(LlmClient client, Duration deadline, LlmFailure.Reason reason) {
        Throwable thrown = catchThrowable(() -> client.generate(hi(), Deadline.after(deadline), listener));
        assertThat(thrown)
                .isInstanceOfSatisfying(
                        LlmFailure.class, e -> assertThat(e.reason()).isEqualTo(reason));
        return (LlmFailure) thrown;
    }

    private static LlmClient client(String model, String... fallbacks) {
        LlmProperties base = CompletionCallTest.properties(URI.create(llm.baseUrl()));
        LlmProperties properties = new LlmProperties(
                base.baseUrl(),
                base.apiKey(),
                base.requireApiKey(),
                model,
                List.of(fallbacks),
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
