package com.companion.platform.guard;

import java.util.List;
import java.util.Objects;

/**
 * What came before the text being judged, so that a roleplay which states an age in one message and turns sexual in
 * the next is judged as one conversation, not as two harmless messages.
 *
 * @param recentMessages the latest messages of the session before the judged text, oldest first (user and assistant
 *     alike; callers pass at least the last six)
 * @param characterText what the character's creator wrote about the character (name, description, scenario, ...),
 *     where its stated age and traits live; empty when unknown
 */
public record Conversation(List<String> recentMessages, String characterText) {

    public static final Conversation NONE = new Conversation(List.of(), "");

    public Conversation {
        recentMessages = recentMessages.stream().filter(Objects::nonNull).toList();
        characterText = characterText == null ? "" : characterText;
    }

    public static Conversation of(List<String> recentMessages, String characterText) {
        return new Conversation(recentMessages, characterText);
    }

    public boolean isEmpty() {
        return recentMessages.isEmpty() && characterText.isBlank();
    }
}
