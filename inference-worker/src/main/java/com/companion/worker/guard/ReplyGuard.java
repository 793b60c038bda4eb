package com.companion.worker.guard;

import com.companion.contracts.character.Persona;
import com.companion.contracts.chat.HistoryMessage;
import com.companion.contracts.chat.MessageRequested;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The content guard as the worker uses it: screens the user's message before the model sees it and
 * the model's text before the user keeps it. Implementations are thread-safe.
 */
public interface ReplyGuard {

    Screening screen(String text, Subject subject);

    /**
     * Screens part of a reply that is still streaming (a window of its latest sentences). Must be cheap
     * and need no network; the whole reply is screened with {@link #screen} once it is complete.
     *
     * @param opensReply the window starts at the reply's first character
     */
    default Screening screenPartial(String text, boolean opensReply, Subject subject) {
        return screen(text, subject);
    }

    /**
     * Screens a user's message that chat-service's guard already allowed ({@code upstream}): only the
     * layers chat-service does not run (a provider's moderation model) judge it again; without such a
     * layer the upstream verdict stands and nothing is computed twice.
     */
    default Screening screenAllowedInput(String text, Subject subject, Screening upstream) {
        return upstream;
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
     * Who the text is for, from the verified request (never from the text itself), and what came before it.
     *
     * @param characterNsfw the character's owner turned its 18+ mode on
     * @param userMessage on output, the message the reply answers
     * @param recentMessages the conversation before the judged text, oldest first: on input the latest
     *     history messages, on output those and the user's message
     * @param characterText the character's name and description as its creator wrote them
     */
    record Subject(
            Stage stage,
            boolean userIsAdult,
            boolean characterNsfw,
            String userMessage,
            List<String> recentMessages,
            String characterText) {

        public Subject {
            recentMessages = List.copyOf(recentMessages);
            characterText = characterText == null ? "" : characterText;
        }

        /** Text judged alone, without a conversation. */
        public Subject(Stage stage, boolean userIsAdult, boolean characterNsfw, String userMessage) {
            this(stage, userIsAdult, characterNsfw, userMessage, List.of(), "");
        }

        /**
         * @param historyMessages how many of the latest history messages the guard sees
         */
        public static Subject of(MessageRequested request, Stage stage, int historyMessages) {
            List<HistoryMessage> history = request.history();
            List<String> recent = new ArrayList<>(historyMessages + 1);
            for (HistoryMessage message :
                    history.subList(Math.max(0, history.size() - historyMessages), history.size())) {
                recent.add(message.content());
            }
            if (stage == Stage.OUTPUT) {
                recent.add(request.userMessage());
            }
            return new Subject(
                    stage,
                    request.userIsAdult(),
                    request.character().nsfwEnabled(),
                    stage == Stage.OUTPUT ? request.userMessage() : null,
                    recent,
                    characterText(request.character()));
        }

        /**
         * Model output written about a conversation rather than in it (a title, a summary), judged with the
         * conversation's latest {@code historyMessages} messages as its context.
         */
        public static Subject aboutConversation(
                Persona character, boolean userIsAdult, List<HistoryMessage> messages, int historyMessages) {
            List<String> recent =
                    messages.subList(Math.max(0, messages.size() - historyMessages), messages.size()).stream()
                            .map(HistoryMessage::content)
                            .toList();
            return new Subject(
                    Stage.OUTPUT, userIsAdult, character.nsfwEnabled(), null, recent, characterText(character));
        }

        private static String characterText(Persona character) {
            return character.description() == null || character.description().isBlank()
                    ? character.name()
                    : character.name() + "\n" + character.description();
        }

        /** Suggestive content is allowed only between an adult user and an 18+ character. */
        public boolean adultMode() {
            return userIsAdult && characterNsfw;
        }
    }
}
