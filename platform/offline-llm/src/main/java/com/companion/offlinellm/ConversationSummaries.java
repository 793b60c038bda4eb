package com.companion.offlinellm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers the worker's summary requests the way a careful model would, deterministically: the previous summary,
 * then what the user said about themselves in the new messages ("The user said: I'm allergic to peanuts. My dog is
 * called Biscuit."), each such sentence once and shortened, the whole held to about a thousand characters (the
 * earliest facts are kept, later ones dropped when it is full). A request is a summary request when its system
 * message asks to summarize conversations; the data is in its last message, the previous summary in
 * {@code <previous_summary>} and the messages as {@code User: ...} lines in {@code <conversation>}.
 */
final class ConversationSummaries {

    static final int MAX_CHARS = 1000;
    static final int MAX_SENTENCE_CHARS = 160;
    static final String LEAD = "The user said:";
    static final String NOTHING = "The user and the character chatted; the user told nothing new about themselves.";

    private static final Pattern PREVIOUS =
            Pattern.compile("<previous_summary>\\s*(.*?)\\s*</previous_summary>", Pattern.DOTALL);
    private static final Pattern CONVERSATION =
            Pattern.compile("<conversation>\\s*(.*?)\\s*</conversation>", Pattern.DOTALL);
    private static final Pattern SENTENCE = Pattern.compile("[^.!?…]+[.!?…]*");
    /** A sentence about the speaker: it starts with, or holds, a first-person subject or possessive. */
    private static final Pattern FIRST_PERSON = Pattern.compile(
            "(?i)(?:^|[\\s,;:(\"'])(?:i|i'm|i’m|i've|i’ve|i'd|i’d|i'll|i’ll|im|my|mine|me)(?=[\\s,.!?;:)\"']|$)");

    static boolean isSummaryRequest(List<ChatMessage> messages) {
        return !messages.isEmpty()
                && messages.getFirst().role().equals("system")
                && messages.getFirst().content().startsWith("You summarize conversations");
    }

    static String summary(List<ChatMessage> messages) {
        String data = messages.getLast().content();
        StringBuilder summary = new StringBuilder();
        Matcher previous = PREVIOUS.matcher(data);
        if (previous.find() && !previous.group(1).isBlank()) {
            summary.append(previous.group(1).strip());
        }
        List<String> facts = new ArrayList<>();
        Matcher conversation = CONVERSATION.matcher(data);
        String lines = conversation.find() ? conversation.group(1) : "";
        for (String line : lines.split("\n")) {
            if (!line.startsWith("User:")) {
                continue;
            }
            Matcher sentences = SENTENCE.matcher(line.substring("User:".length()));
            while (sentences.find()) {
                String sentence = sentences.group().strip();
                if (sentence.endsWith("?") || !FIRST_PERSON.matcher(sentence).find()) {
                    continue;
                }
                String fact = shorten(sentence);
                String known = summary.toString().toLowerCase(Locale.ROOT);
                if (!known.contains(fact.toLowerCase(Locale.ROOT))
                        && facts.stream().noneMatch(f -> f.equalsIgnoreCase(fact))) {
                    facts.add(fact);
                }
            }
        }
        boolean leadWritten = false;
        for (String fact : facts) {
            String piece = (leadWritten ? " " : (summary.isEmpty() ? "" : " ") + LEAD + " ") + fact;
            if (summary.length() + piece.length() > MAX_CHARS) {
                break;
            }
            summary.append(piece);
            leadWritten = true;
        }
        return summary.isEmpty() ? NOTHING : summary.toString();
    }

    /** At most {@link #MAX_SENTENCE_CHARS}, cut at a word, always ending with a full stop. */
    private static String shorten(String sentence) {
        String s = sentence.replaceAll("\\s+", " ").replaceAll("[.!…]+$", "").strip();
        if (s.length() > MAX_SENTENCE_CHARS) {
            int cut = s.lastIndexOf(' ', MAX_SENTENCE_CHARS);
            s = s.substring(0, cut > MAX_SENTENCE_CHARS / 2 ? cut : MAX_SENTENCE_CHARS)
                    .strip();
        }
        return s + ".";
    }

    private ConversationSummaries() {}
}
