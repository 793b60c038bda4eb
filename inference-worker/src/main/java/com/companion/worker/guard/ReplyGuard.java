package com.companion.worker.guard;

import com.companion.contracts.character.Persona;
import java.util.UUID;

/**
 * The content guard as the worker uses it: screens the user's message before the model sees it and
 * the model's text before the user keeps it. Implementations are thread-safe.
 */
public interface ReplyGuard {

    Screening screen(String text, Subject subject);

    /**
     * Screens a reply that is still streaming, before each chunk is sent. Must be cheap (no network);
     * the whole reply is screened with {@link #screen} once it is complete.
     */
    default Screening screenPartial(String text, Subject subject) {
        return screen(text, subject);
    }

    /**
     * What the user sees instead of a reply: a refusal in the character's voice. The same request
     * gets the same wording when it is processed again.
     */
    String refusal(Persona character, Screening screening, UUID requestId);

    enum Stage {
        INPUT,
        OUTPUT;

        /** As {@code ReplyBlocked.stage} carries it. */
        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Who the text is for, from the verified request (never from the text itself).
     *
     * @param characterNsfw the character's owner turned its 18+ mode on
     * @param userMessage on output, the message the reply answers
     */
    record Subject(Stage stage, boolean userIsAdult, boolean characterNsfw, String userMessage) {

        /** Suggestive content is allowed only between an adult user and an 18+ character. */
        public boolean adultMode() {
            return userIsAdult && characterNsfw;
        }
    }
}
