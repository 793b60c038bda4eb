package com.companion.platform.guard.rules;

import com.companion.platform.guard.Conversation;

/** What a conversation has already established that changes how the next message reads. */
public final class ConversationRules {

    private ConversationRules() {}

    /**
     * True when the recent messages or the character's own text state that a participant of the roleplay is under 18
     * (an age, a school year or grade), so that sexual intent in the next message is sexual content with a minor.
     */
    public static boolean establishesMinor(Conversation conversation) {
        return false; // implemented with the context rules
    }
}
