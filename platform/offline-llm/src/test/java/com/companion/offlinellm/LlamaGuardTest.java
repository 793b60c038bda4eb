package com.companion.offlinellm;

import static com.companion.offlinellm.ChatRequests.chat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LlamaGuardTest extends LlmServerTest {

    @Test
    void ordinaryMessageIsSafe() {
        assertThat(LlmHttp.reply(llm, chat().model(ChatRequests.GUARD_MODEL).user("Let's plan a picnic")))
                .isEqualTo("safe");
    }

    @Test
    void markerInTheLastUserMessageMakesItUnsafeWithThatCategory() {
        String reply = LlmHttp.reply(
                llm,
                chat().model(ChatRequests.GUARD_MODEL)
                        .user("hello")
                        .assistant("hi")
                        .user("[unsafe:S4] something"));

        assertThat(reply).isEqualTo("unsafe\nS4");
    }

    @Test
    void severalMarkersListEveryCategory() {
        String reply = LlmHttp.reply(llm, chat().model(ChatRequests.GUARD_MODEL).user("[unsafe:S12] and [unsafe:S3]"));

        assertThat(reply).isEqualTo("unsafe\nS12,S3");
    }

    @Test
    void markerInTheAssistantTurnBeingClassifiedIsUnsafeToo() {
        String reply = LlmHttp.reply(
                llm,
                chat().model(ChatRequests.GUARD_MODEL).user("tell me a story").assistant("[unsafe:S1] ..."));

        assertThat(reply).isEqualTo("unsafe\nS1");
    }

    @Test
    void markerOnlyInAnOlderTurnDoesNotCount() {
        String reply = LlmHttp.reply(
                llm,
                chat().model(ChatRequests.GUARD_MODEL)
                        .user("[unsafe:S4]")
                        .assistant("no")
                        .user("all good now"));

        assertThat(reply).isEqualTo("safe");
    }

    @Test
    void scriptedReplyOverridesTheVerdict() {
        llm.enqueue(Behaviour.instant().withReply("unsafe\nS10"));

        assertThat(LlmHttp.reply(
                        llm, chat().model("meta-llama/Llama-Guard-3-8B").user("hi")))
                .isEqualTo("unsafe\nS10");
    }

    @Test
    void verdictStreamsLikeAnyReply() {
        LlmHttp.Streamed streamed =
                LlmHttp.stream(llm, chat().model(ChatRequests.GUARD_MODEL).user("[unsafe:S4]"));

        assertThat(streamed.content()).isEqualTo("unsafe\nS4");
        assertThat(streamed.sawDone()).isTrue();
    }
}
