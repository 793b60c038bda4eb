package com.companion.offlinellm;

import static com.companion.offlinellm.ChatRequests.chat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BehaviourQueueTest extends LlmServerTest {

    @Test
    void oneShotBehavioursAreConsumedInOrderThenTheDefaultResumes() {
        llm.enqueue(Behaviour.rateLimited(1), Behaviour.overloaded());
        llm.enqueue(Behaviour.instant().withReply("third"));

        assertThat(LlmHttp.chat(llm, chat()).statusCode()).isEqualTo(429);
        assertThat(LlmHttp.chat(llm, chat()).statusCode()).isEqualTo(503);
        assertThat(LlmHttp.reply(llm, chat())).isEqualTo("third");
        assertThat(LlmHttp.chat(llm, chat()).statusCode()).isEqualTo(200);
        assertThat(llm.queuedBehaviours()).isEmpty();
        assertThat(llm.calls()).extracting(RecordedCall::status).containsExactly(429, 503, 200, 200);
    }

    @Test
    void aTargetedBehaviourWaitsForTheCallWithItsMarkerWhateverComesFirst() {
        llm.enqueueFor("[m-42]", Behaviour.error(401));
        llm.enqueue(Behaviour.instant().withReply("untargeted"));

        assertThat(LlmHttp.reply(llm, chat().user("a title request"))).isEqualTo("untargeted");
        assertThat(LlmHttp.chat(llm, chat().user("a summary request")).statusCode())
                .isEqualTo(200);
        assertThat(LlmHttp.chat(llm, chat().user("hello [m-42]")).statusCode()).isEqualTo(401);
        assertThat(LlmHttp.chat(llm, chat().user("hello [m-42]")).statusCode())
                .as("consumed once")
                .isEqualTo(200);
    }

    @Test
    void rejectedRequestsDoNotConsumeQueuedBehaviours() {
        llm.enqueue(Behaviour.rateLimited(2));

        assertThat(LlmHttp.chat(llm, chat().model(OfflineLlmServer.NOUS_HERMES_MIXTRAL))
                        .statusCode())
                .isEqualTo(400);
        assertThat(LlmHttp.chat(llm, chat()).statusCode()).isEqualTo(429);
    }

    @Test
    void defaultBehaviourAppliesToEveryCallUntilChanged() {
        llm.setDefault(Behaviour.error(500));

        assertThat(LlmHttp.chat(llm, chat()).statusCode()).isEqualTo(500);
        assertThat(LlmHttp.chat(llm, chat()).statusCode()).isEqualTo(500);
        assertThat(llm.defaultBehaviour().status()).isEqualTo(500);
    }

    @Test
    void callsRecordModelMessagesStreamFlagAndTime() {
        Instant before = Instant.now();
        LlmHttp.chat(
                llm,
                chat().model("x/one")
                        .system("You are Zoya, a friend companion.")
                        .user("first"));
        LlmHttp.stream(llm, chat().model("x/two").user("second").maxTokens(50));

        assertThat(llm.callCount()).isEqualTo(2);
        RecordedCall first = llm.calls().get(0);
        RecordedCall second = llm.calls().get(1);
        assertThat(first.model()).isEqualTo("x/one");
        assertThat(first.messages())
                .containsExactly(
                        new ChatMessage("system", "You are Zoya, a friend companion."),
                        new ChatMessage("user", "first"));
        assertThat(first.stream()).isFalse();
        assertThat(first.systemPrompt()).hasValue("You are Zoya, a friend companion.");
        assertThat(first.receivedAt()).isBetween(before, Instant.now());
        assertThat(first.temperature()).isEqualTo(0.8);
        assertThat(second.stream()).isTrue();
        assertThat(second.maxTokens()).isEqualTo(50);
        assertThat(second.lastUserMessage()).hasValue("second");
        assertThat(second.receivedAt()).isAfterOrEqualTo(first.receivedAt());
    }

    @Test
    void resetClearsQueueCallsAndRestoresTheStartDefault() {
        llm.setDefault(Behaviour.error(503));
        llm.enqueue(Behaviour.rateLimited(1));
        LlmHttp.chat(llm, chat());

        llm.reset();

        assertThat(llm.calls()).isEmpty();
        assertThat(llm.callCount()).isZero();
        assertThat(llm.queuedBehaviours()).isEmpty();
        assertThat(llm.defaultBehaviour()).isEqualTo(Behaviour.instant());
        assertThat(LlmHttp.chat(llm, chat()).statusCode()).isEqualTo(200);
    }

    @Test
    void behaviourRejectsNonsense() {
        assertThatThrownBy(() -> Behaviour.error(302)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Behaviour.timing(Duration.ofMillis(-1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Behaviour.disconnectAfter(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Behaviour.normal().timeToFirstToken()).isEqualTo(Duration.ofMillis(20));
        assertThat(Behaviour.error(503).errorCodeOrDefault()).isEqualTo("service_unavailable");
        assertThat(Behaviour.modelNotAvailable().errorCodeOrDefault()).isEqualTo("model_not_available");
    }
}
