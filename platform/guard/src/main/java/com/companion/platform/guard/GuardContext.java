package com.companion.platform.guard;

import java.util.Objects;

/**
 * What the guard needs to know besides the text.
 *
 * @param stage input (the user's message) or output (the assistant's whole reply)
 * @param audience adult mode applies only to an adult user with an adult-mode character
 * @param userMessage on output, the user message the reply answers; only the moderation model reads it (Llama Guard
 *     classifies an assistant turn in the context of the user turn). Null on input or when unknown.
 * @param conversation the session's recent messages and the character's own text; {@link Conversation#NONE} when the
 *     text is judged alone
 */
public record GuardContext(Stage stage, Audience audience, String userMessage, Conversation conversation) {

    public GuardContext {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(audience, "audience");
        conversation = conversation == null ? Conversation.NONE : conversation;
    }

    public GuardContext(Stage stage, Audience audience, String userMessage) {
        this(stage, audience, userMessage, Conversation.NONE);
    }

    /** The same context, judged as part of this conversation. */
    public GuardContext with(Conversation conversation) {
        return new GuardContext(stage, audience, userMessage, conversation);
    }

    public static GuardContext input(Audience audience) {
        return new GuardContext(Stage.INPUT, audience, null);
    }

    public static GuardContext input(boolean userIsAdult, boolean characterAdultMode) {
        return input(Audience.of(userIsAdult, characterAdultMode));
    }

    public static GuardContext output(Audience audience, String userMessage) {
        return new GuardContext(Stage.OUTPUT, audience, userMessage);
    }

    public static GuardContext output(boolean userIsAdult, boolean characterAdultMode, String userMessage) {
        return output(Audience.of(userIsAdult, characterAdultMode), userMessage);
    }

    public boolean adultMode() {
        return audience.adultMode();
    }
}
