package com.companion.worker.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.companion.offlinellm.Behaviour;
import com.companion.offlinellm.Behaviour.StreamFault;
import com.companion.offlinellm.Behaviour.StreamQuirk;
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
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client against every stream shape and error Together sends that a kind test server would not,
 * each scripted in the offline LLM: each ends completed, restarted, fallen back, or in a clean failure.
 */
class StreamShapesTest {

    static final OfflineLlmServer llm = OfflineLlmServer.start(0);
    static final String PREFERRED = "meta-llama/Llama-3.3-70B-Instruct-Turbo";
    static final String FALLBACK = "Qwen/Qwen2.5-7B-Instruct-Turbo";
    static final String REPLY = "Hi there, how was your day today?";

    private final List<String> tokens = new ArrayList<>();
    private final List<Integer> restarts = new ArrayList<>();
    private final StreamListener listener = new StreamListener() {
        @Override
        public void onToken(String text) {
            tokens.add(text);
        }

        @Override
        public void onRestart(int attempt) {
            restarts.add(attempt);
            tokens.clear();
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

    @ParameterizedTest
    @EnumSource(StreamQuirk.class)
    void aQuirkyStreamCompletes(StreamQuirk quirk) throws Exception {
        llm.enqueue(Behaviour.quirky(quirk).withReply(REPLY));

        LlmReply reply = generate(client(PREFERRED, FALLBACK));

        assertThat(reply.text()).isEqualTo(REPLY).isEqualTo(String.join("", tokens));
        assertThat(reply.finishReason()).isEqualTo("stop");
        assertThat(reply.usage().estimated())
                .as("the provider's usage was read")
                .isFalse();
        assertThat(reply.attempts()).isEqualTo(1);
        assertThat(restarts).isEmpty();
    }

    @Test
    void allQuirksTogetherComplete() throws Exception {
        llm.enqueue(Behaviour.quirky(StreamQuirk.values()).withReply(REPLY));

        assertThat(generate(client(PREFERRED)).text()).isEqualTo(REPLY);
    }

    @Test
    void anErrorEventMidStreamRestartsTheReply() throws Exception {
        llm.enqueue(Behaviour.faultAfter(2, StreamFault.ERROR_EVENT).withReply(REPLY), Behaviour.replying(REPLY));

        LlmReply reply = generate(client(PREFERRED));

        assertThat(restarts).containsExactly(2);
        assertThat(reply.attempts()).isEqualTo(2);
        assertThat(reply.text()).isEqualTo(REPLY);
    }

    @Test
    void finishReasonErrorRestartsTheReplyInsteadOfStoringItAsComplete() throws Exception {
        llm.enqueue(Behaviour.faultAfter(3, StreamFault.FINISH_ERROR).withReply(REPLY), Behaviour.replying(REPLY));

        LlmReply reply = generate(client(PREFERRED));

        assertThat(restarts).containsExactly(2);
        assertThat(reply.text()).isEqualTo(REPLY);
        assertThat(reply.finishReason()).isEqualTo("stop");
    }

    @Test
    void anErrorBeforeAnyTokenIsRetriedWithoutARestart() throws Exception {
        llm.enqueue(Behaviour.faultAfter(0, StreamFault.ERROR_EVENT).withReply(REPLY), Behaviour.replying(REPLY));

        LlmReply reply = generate(client(PREFERRED));

        assertThat(restarts).isEmpty();
        assertThat(reply.retries()).isEqualTo(1);
        assertThat(reply.text()).isEqualTo(REPLY);
    }

    @Test
    void aStreamStalledWithPingsIsRestartedAfterTheIdleTimeoutNotTheDeadline() throws Exception {
        llm.enqueue(Behaviour.faultAfter(2, StreamFault.STALL_WITH_PINGS).withReply(REPLY), Behaviour.replying(REPLY));
        long start = System.nanoTime();

        LlmReply reply = generate(client(PREFERRED), Duration.ofSeconds(30));

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(restarts).containsExactly(2);
        assertThat(reply.text()).isEqualTo(REPLY);
        assertThat(took)
                .as("pings do not keep a silent stream alive (idle timeout 2 s, deadline 30 s)")
                .isBetween(Duration.ofMillis(1_900), Duration.ofSeconds(10));
    }

    @Test
    void aStreamThatKeepsEndingInErrorFailsCleanly() {
        llm.setDefault(Behaviour.faultAfter(1, StreamFault.FINISH_ERROR).withReply(REPLY));

        assertFailure(client(PREFERRED), LlmFailure.Reason.STREAM_BROKEN);
        assertThat(llm.callCount()).isEqualTo(2);
    }

    @Test
    void aModelNotAvailableErrorInsideTheStreamFallsBackAndStartsOver() throws Exception {
        llm.enqueue(
                Behaviour.faultAfter(2, StreamFault.NAMED_ERROR_EVENT)
                        .withError(200, "model_not_available", "invalid_request_error", "Unable to access model")
                        .withReply(REPLY),
                Behaviour.replying(REPLY));

        LlmReply reply = generate(client(PREFERRED, FALLBACK));

        assertThat(reply.model()).isEqualTo(FALLBACK);
        assertThat(restarts).containsExactly(2);
        assertThat(reply.text()).isEqualTo(REPLY);
    }

    @Test
    void aStoppedDedicatedEndpointFallsBack() throws Exception {
        llm.enqueue(Behaviour.endpointNotRunning());

        LlmReply reply = generate(client(PREFERRED, FALLBACK));

        assertThat(reply.model()).isEqualTo(FALLBACK);
        assertThat(llm.calls()).extracting(RecordedCall::model).containsExactly(PREFERRED, FALLBACK);
    }

    @Test
    void modelsTogetherNoLongerServesFallBackToAServerlessOne() throws Exception {
        LlmReply reply = generate(client(
                OfflineLlmServer.NOUS_HERMES_MIXTRAL,
                OfflineLlmServer.MIXTRAL_8X22B,
                OfflineLlmServer.MIXTRAL_8X7B,
                PREFERRED));

        assertThat(reply.model()).isEqualTo(PREFERRED);
        assertThat(llm.calls()).extracting(RecordedCall::status).containsExactly(400, 400, 400, 200);
    }

    @Test
    void aDynamicRateLimitWaitsWhatRetryAfterMsAsks() throws Exception {
        llm.enqueue(Behaviour.rateLimited(1)
                .withError(429, null, "dynamic_request_limited", null)
                .withHeaders(Map.of("retry-after-ms", "600")));
        long start = System.nanoTime();

        LlmReply reply = generate(client(PREFERRED));

        assertThat(reply.retries()).isEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("waited the 600 ms asked, not the 10 ms backoff")
                .isGreaterThanOrEqualTo(Duration.ofMillis(600));
    }

    @Test
    void aRateLimitWithOnlyAResetWaitsForTheWindow() throws Exception {
        llm.enqueue(Behaviour.rateLimited(1).withHeaders(Map.of("x-ratelimit-reset", "1")));
        long start = System.nanoTime();

        generate(client(PREFERRED));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aBurstWithinTheDynamicRateIsPacedNotCountedAsAFault() throws Exception {
        llm.enqueue(Behaviour.overloaded()
                .withError(503, null, "dynamic_token_limited", null)
                .withHeaders(Map.of("retry-after", "0.3")));
        CircuitBreaker circuit = CircuitBreaker.ofDefaults("test");

        LlmReply reply = generate(client(circuit, PREFERRED));

        assertThat(reply.retries()).isEqualTo(1);
        assertThat(circuit.getMetrics().getNumberOfFailedCalls()).isZero();
    }

    private LlmReply generate(LlmClient client) throws Exception {
        return generate(client, Duration.ofSeconds(15));
    }

    private LlmReply generate(LlmClient client, Duration deadline) throws Exception {
        return client.generate(List.of(ChatMessage.user("hi")), Deadline.after(deadline), listener);
    }

    private void assertFailure(LlmClient client, LlmFailure.Reason reason) {
        assertThatThrownBy(() -> generate(client))
                .isInstanceOfSatisfying(
                        LlmFailure.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static LlmClient client(String model, String... fallbacks) {
        return client(CircuitBreaker.ofDefaults("test"), model, fallbacks);
    }

    private static LlmClient client(CircuitBreaker circuit, String model, String... fallbacks) {
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
                circuit,
                properties.retry(),
                new SimpleMeterRegistry());
    }
}
