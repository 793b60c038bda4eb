package com.companion.offlinellm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationSummariesTest {

    static final String SYSTEM = "You summarize conversations in a chat app, so the character can remember them later.";

    @Test
    void aSummaryRequestIsKnownByItsSystemMessageAndNothingElseIs() {
        assertThat(ConversationSummaries.isSummaryRequest(request(null, "User: hi")))
                .isTrue();
        assertThat(ConversationSummaries.isSummaryRequest(List.of(
                        new ChatMessage("system", "You name conversations in a chat app."),
                        new ChatMessage("user", "x"))))
                .isFalse();
        assertThat(ConversationSummaries.isSummaryRequest(
                        List.of(new ChatMessage("user", "You summarize conversations"))))
                .isFalse();
        assertThat(ConversationSummaries.isSummaryRequest(List.of())).isFalse();
    }

    @Test
    void theUsersSentencesAboutThemselvesAreKeptAndTheRestIsLeftOut() {
        String summary = ConversationSummaries.summary(request(null, """
                User: Hi Asha! My dog is called Biscuit. The weather is nice.
                Asha: I love that name! My favourite dog is a corgi.
                User: What do you think about rain? I'm allergic to peanuts, by the way.
                User: Tomorrow I fly to Lisbon for work!
                """));

        assertThat(summary)
                .isEqualTo("The user said: My dog is called Biscuit. I'm allergic to peanuts, by the way."
                        + " Tomorrow I fly to Lisbon for work.");
        assertThat(summary).doesNotContain("weather", "corgi", "rain");
    }

    @Test
    void thePreviousSummaryIsExtendedAndAFactIsNotRepeated() {
        String summary = ConversationSummaries.summary(request("The user said: My dog is called Biscuit.", """
                User: My dog is called Biscuit.
                User: my sister Priya lives in Pune
                User: my sister Priya lives in Pune
                """));

        assertThat(summary)
                .isEqualTo("The user said: My dog is called Biscuit. The user said: my sister Priya lives in Pune.");
    }

    @Test
    void nothingAboutTheUserGivesThePreviousSummaryOrAPlainSentence() {
        assertThat(ConversationSummaries.summary(request("Ravi likes chess.", "User: Is it raining?\nAsha: No.")))
                .isEqualTo("Ravi likes chess.");
        assertThat(ConversationSummaries.summary(request(null, "User: ok\nAsha: I'm here.")))
                .isEqualTo(ConversationSummaries.NOTHING);
    }

    @Test
    void longSentencesAreShortenedAndTheSummaryIsHeldToItsSizeKeepingTheEarliestFacts() {
        String rambling = "I " + "really ".repeat(60) + "like trains";
        StringBuilder lines = new StringBuilder("User: " + rambling + "\n");
        for (int i = 0; i < 40; i++) {
            lines.append("User: My friend number ")
                    .append(i)
                    .append(" lives in town ")
                    .append(i)
                    .append(".\n");
        }

        String summary = ConversationSummaries.summary(request(null, lines.toString()));

        assertThat(summary).hasSizeLessThanOrEqualTo(ConversationSummaries.MAX_CHARS);
        assertThat(summary).startsWith("The user said: I really").contains("My friend number 0 lives in town 0.");
        assertThat(summary).doesNotContain("number 39");
        assertThat(summary.split("\\. ")[0]).hasSizeLessThanOrEqualTo("The user said: ".length() + 160);
    }

    private static List<ChatMessage> request(String previous, String conversation) {
        String data = (previous == null ? "" : "<previous_summary>\n" + previous + "\n</previous_summary>\n")
                + "<conversation>\n" + conversation.strip() + "\n</conversation>";
        return List.of(new ChatMessage("system", SYSTEM), new ChatMessage("user", data));
    }
}
