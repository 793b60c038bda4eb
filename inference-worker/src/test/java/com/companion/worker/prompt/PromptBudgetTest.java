package com.companion.worker.prompt;

import static com.companion.worker.support.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.companion.contracts.chat.Memory;
import com.companion.contracts.chat.MessageRequested;
import com.companion.worker.llm.ChatMessage;
import com.companion.worker.support.Requests;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The prompt's token budget drops what is least needed first: recalled messages, then the summary, then the oldest
 * recent messages; never the rules, the sheet, the pinned notes or the new message.
 */
class PromptBudgetTest {

    private static final PromptProperties PROPERTIES =
            new PromptProperties(30, 16_000, 2_000, 3, 12_000, 4, 2_000, "User");

    private static final String RECALLED = "Last spring I adopted a golden retriever called Biscuit.";
    private static final String SUMMARY = "They talked about Mira's night shifts at the observatory and her sister.";
    private static final String PINNED = "I am allergic to peanuts.";

    private static MessageRequested longConversation() {
        Requests request = request()
                .memory(new Memory("mira", null, List.of(PINNED), List.of(RECALLED), SUMMARY))
                .message("What should we do tonight?");
        for (int i = 1; i <= 10; i++) {
            request.user("Message " + i + " from me, about an ordinary thing that happened at work today.")
                    .assistant("Reply " + i + " from you, kind and curious about what happened at work.");
        }
        return request.build();
    }

    /** The tokens of the whole prompt without a budget, less {@code less}. */
    private static int budgetCutting(int less) {
        return Tokens.of(new PromptBuilder(PROPERTIES).messages(longConversation(), false)) - less;
    }

    private static String all(List<ChatMessage> messages) {
        return String.join("\n", messages.stream().map(ChatMessage::content).toList());
    }

    @Test
    void withRoomEverythingIsSent() {
        List<ChatMessage> messages =
                new PromptBuilder(PROPERTIES, budgetCutting(0)).messages(longConversation(), false);
        assertThat(all(messages)).contains(RECALLED, SUMMARY, PINNED, "Message 1 from me");
        assertThat(messages).hasSize(22);
    }

    @Test
    void recalledMessagesGoFirstThenTheSummaryThenTheOldestRecentMessages() {
        List<ChatMessage> withoutRecall =
                new PromptBuilder(PROPERTIES, budgetCutting(1)).messages(longConversation(), false);
        assertThat(all(withoutRecall)).doesNotContain(RECALLED).contains(SUMMARY, PINNED, "Message 1 from me");
        assertThat(Tokens.of(withoutRecall)).isLessThanOrEqualTo(budgetCutting(1));

        int withoutSummary = Tokens.of(withoutRecall) - 1;
        List<ChatMessage> cut = new PromptBuilder(PROPERTIES, withoutSummary).messages(longConversation(), false);
        assertThat(all(cut)).doesNotContain(RECALLED).doesNotContain(SUMMARY).contains(PINNED, "Message 1 from me");

        int withoutOldest = Tokens.of(cut) - 1;
        List<ChatMessage> shorter = new PromptBuilder(PROPERTIES, withoutOldest).messages(longConversation(), false);
        assertThat(all(shorter)).doesNotContain("Message 1 from me").contains("Reply 1 from you", "Message 10 from me");
        assertThat(shorter).hasSize(21);
        assertThat(Tokens.of(shorter)).isLessThanOrEqualTo(withoutOldest);
    }

    @Test
    void theRulesThePinnedNotesAndTheNewMessageStayWhateverTheBudget() {
        List<ChatMessage> messages = new PromptBuilder(PROPERTIES, 10).messages(longConversation(), false);
        assertThat(messages).hasSize(2);
        assertThat(messages.getFirst().content()).contains(PromptBuilder.RULES_LINE, PINNED);
        assertThat(messages.getLast().content()).isEqualTo("What should we do tonight?");
    }

    @Test
    void theBudgetIsTheSmallestContextOfTheModelsThatMayAnswerLessTheReplyReserve() {
        PromptBudget budget = new PromptBudget(8192, Map.of("small-model", 4096));
        assertThat(budget.promptTokens(List.of("big-model"), 512)).isEqualTo(7680);
        assertThat(budget.promptTokens(List.of("big-model", "small-model"), 512))
                .isEqualTo(3584);
    }

    @Test
    void tokensAreEstimatedPieceByPiece() {
        assertThat(Tokens.of("")).isZero();
        assertThat(Tokens.of("I am here.")).isEqualTo(4);
        assertThat(Tokens.of("extraordinarily")).isEqualTo(3);
        assertThat(Tokens.of("1234567")).isEqualTo(3);
        assertThat(Tokens.of("你好世界")).isEqualTo(4);
    }
}
