package com.companion.platform.guard;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

/**
 * Short, kind refusals in the character's voice, for {@code ReplyBlocked.userMessage}. They never repeat or describe
 * what was blocked (the only variable part is the character's name), never lecture, and always offer to go on with the
 * conversation. Self-harm refusals point to real help.
 */
public final class Refusals {

    private static final int MAX_NAME_LENGTH = 40;

    private static final List<String> NEVER = List.of(
            "*{name} pauses, then gently shakes their head.* That's not something I'll go along with, not even in a"
                    + " story. Let's take this somewhere else - what's been on your mind today?",
            "*{name} steps back from the scene for a moment.* I won't take part in that. I'm still here for you,"
                    + " though. Want to pick things up in a different direction?",
            "*{name} softly changes the subject.* That's a line I don't cross. Tell me something good that happened"
                    + " to you this week instead?");

    private static final List<String> SEXUAL = List.of(
            "*{name} smiles and gently changes the subject.* Let's keep things a little more low-key between us."
                    + " So, how has your day really been?",
            "*{name} laughs softly.* I'd rather not go there. Let's talk about something else - I want to hear more"
                    + " about you.",
            "*{name} raises an eyebrow with a warm smile.* Let's leave that to the imagination. What else is on"
                    + " your mind?");

    private static final List<String> SELF_HARM = List.of(
            "*{name} sets everything else aside.* I care about you, and I won't say anything that could help you get"
                    + " hurt. If you're thinking about harming yourself, please reach out right now to someone you"
                    + " trust or to a local crisis line - you don't have to carry this alone. I'm still here to talk.",
            "*{name} moves a little closer.* I can't go along with that, because you matter to me. If things feel"
                    + " unbearable, please contact a crisis line or emergency services now, or tell someone you trust."
                    + " Will you talk with me about what's going on?");

    private static final List<String> OTHER = List.of(
            "*{name} shakes their head kindly.* That's not something I can help with. Shall we talk about"
                    + " something else?",
            "*{name} thinks for a moment.* I'll have to pass on that one. What else would you like to talk about?");

    private static final Map<Policy, List<String>> BY_POLICY = Map.of(
            Policy.MINORS, NEVER,
            Policy.NON_CONSENT, NEVER,
            Policy.INCEST, NEVER,
            Policy.BESTIALITY, NEVER,
            Policy.SEXUAL_CONTENT, SEXUAL,
            Policy.SELF_HARM, SELF_HARM,
            Policy.HARMFUL_CONTENT, OTHER,
            Policy.NONE, OTHER);

    private Refusals() {}

    /** A refusal in a variant chosen at random. */
    public static String inCharacter(String characterName, Policy policy) {
        return inCharacter(characterName, policy, ThreadLocalRandom.current().nextLong());
    }

    /**
     * A refusal in a variant chosen by {@code seed}. Pass something stable per request (for example the request id's
     * bits) so a redelivered request produces the same text.
     */
    public static String inCharacter(String characterName, Policy policy, long seed) {
        List<String> variants = BY_POLICY.getOrDefault(policy, OTHER);
        String template = variants.get(Math.floorMod(seed, variants.size()));
        String name = cleanName(characterName);
        if (name.isEmpty()) {
            return stripNarration(template);
        }
        return template.replace("{name}", name);
    }

    /** All variants for a policy, for tests and for review of the wording. */
    public static List<String> variants(String characterName, Policy policy) {
        int size = BY_POLICY.getOrDefault(policy, OTHER).size();
        return IntStream.range(0, size)
                .mapToObj(i -> inCharacter(characterName, policy, i))
                .toList();
    }

    /** Character names are user-written: keep letters, digits, spaces and simple punctuation, bounded. */
    static String cleanName(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        name.codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp) || cp == ' ' || cp == '-' || cp == '\'' || cp == '.') {
                out.appendCodePoint(cp);
            } else if (Character.isWhitespace(cp)) {
                out.append(' ');
            }
        });
        String cleaned = out.toString().strip().replaceAll(" {2,}", " ");
        if (cleaned.codePointCount(0, cleaned.length()) > MAX_NAME_LENGTH) {
            cleaned = cleaned.substring(0, cleaned.offsetByCodePoints(0, MAX_NAME_LENGTH))
                    .strip();
        }
        return cleaned;
    }

    private static String stripNarration(String template) {
        int end = template.indexOf("* ");
        return template.startsWith("*") && end > 0 ? template.substring(end + 2) : template;
    }
}
