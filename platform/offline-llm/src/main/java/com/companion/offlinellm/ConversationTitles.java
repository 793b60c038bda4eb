package com.companion.offlinellm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Answers the worker's title requests the way a model would: a few of the conversation's most
 * telling words, from what the user wrote, in title case ("Telescope Saturn Rings"). A request is
 * a title request when its system message asks to name a conversation.
 */
final class ConversationTitles {

    private static final Set<String> STOP_WORDS = Set.of(
            "about", "after", "again", "also", "and", "any", "are", "because", "been", "before", "but", "can", "could",
            "did", "does", "doing", "don't", "for", "from", "had", "has", "have", "her", "here", "him", "his", "how",
            "i'm", "into", "its", "it's", "just", "know", "like", "more", "much", "my", "not", "now", "off", "one",
            "our", "out", "really", "she", "should", "some", "that", "the", "their", "them", "then", "there", "these",
            "they", "this", "today", "too", "very", "was", "what", "when", "where", "which", "while", "who", "why",
            "will", "with", "would", "you", "your", "you're", "yes", "okay", "hey", "hello", "please", "thanks", "want",
            "tell", "think", "got", "get", "going", "let's", "well", "yeah");

    static boolean isTitleRequest(List<ChatMessage> messages) {
        return !messages.isEmpty()
                && messages.getFirst().role().equals("system")
                && messages.getFirst().content().startsWith("You name conversations");
    }

    static String title(List<ChatMessage> messages) {
        String conversation = messages.getLast().content();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String line : conversation.split("\n")) {
            if (!line.startsWith("User:")) {
                continue;
            }
            String[] words = line.substring("User:".length()).strip().split("[^\\p{L}'’]+");
            for (int i = 0; i < words.length; i++) {
                String word = words[i].toLowerCase(Locale.ROOT);
                if (word.length() >= 4 && !STOP_WORDS.contains(word)) {
                    // A capital letter inside a sentence marks a name (Saturn, Paris): it counts double.
                    boolean named = i > 0 && Character.isUpperCase(words[i].charAt(0));
                    counts.merge(word, named ? 2 : 1, Integer::sum);
                }
            }
        }
        List<String> words = new ArrayList<>(counts.keySet());
        // Most repeated first, then longer words (more telling); among equals the order of first use.
        words.sort(Comparator.comparing((String word) -> -counts.get(word)).thenComparing(word -> -word.length()));
        List<String> repeated =
                words.stream().filter(word -> counts.get(word) > 1).limit(3).toList();
        List<String> chosen = repeated.size() >= 2 ? repeated : words.subList(0, Math.min(3, words.size()));
        if (chosen.isEmpty()) {
            return "A New Conversation";
        }
        List<String> inOrder = counts.keySet().stream().filter(chosen::contains).toList();
        StringBuilder title = new StringBuilder();
        for (String word : inOrder) {
            if (!title.isEmpty()) {
                title.append(' ');
            }
            title.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return title.toString();
    }

    private ConversationTitles() {}
}
