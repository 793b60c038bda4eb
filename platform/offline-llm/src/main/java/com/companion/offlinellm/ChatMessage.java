package com.companion.offlinellm;

import java.util.Objects;

/** One entry of a chat request's {@code messages}. */
public record ChatMessage(String role, String content) {

    public ChatMessage {
        role = Objects.requireNonNullElse(role, "");
        content = Objects.requireNonNullElse(content, "");
    }
}
