package com.companion.contracts.chat;

import com.companion.contracts.auth.UserPersona;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a prompt knows of the user beyond the recent messages, chosen by chat-service for this user and
 * character. {@code username} is the account's username (null when chat-service does not know it yet);
 * {@code persona} is the user's persona, null when they set none; {@code {{user}}} stands for the
 * persona's name, else the username. {@code pinned} are the facts the user pinned for this character
 * ({@code /memories}), oldest first, always in the prompt. {@code recalled} are older things the user
 * told this character (in any session, outside the recent messages) that are the most like the new
 * message, most alike first. {@code summary} is the session's running summary of what has left the recent
 * window (null until there is one). User-written text: the worker fences it as data.
 */
public record Memory(
        @Nullable String username,
        @Nullable UserPersona persona,
        List<String> pinned,
        List<String> recalled,
        @Nullable String summary) {

    public static final Memory NONE = new Memory(null, null, List.of(), List.of(), null);

    public Memory {
        pinned = List.copyOf(pinned);
        recalled = List.copyOf(recalled);
    }

    /** Without recalled messages or a summary. */
    public Memory(@Nullable String username, @Nullable UserPersona persona, List<String> pinned) {
        this(username, persona, pinned, List.of(), null);
    }
}
