package com.companion.platform.guard.rules;

import com.companion.platform.guard.Conversation;
import com.companion.platform.guard.Normalizer;
import com.companion.platform.guard.rules.Lexicon.Hit;
import com.companion.platform.guard.rules.Lexicon.Marker;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a conversation has already established that changes how the next message reads: an age under 18, or someone
 * unable to consent. A roleplay that gives the character's age as 13 in one message and asks her to undress in the
 * next is one request, not two harmless ones.
 *
 * <p>Whose age it is matters. An age stated about the participants (the user, the character, its narration, the
 * character sheet) taints any sexual intent that follows. An age stated about somebody else's child ("my son is 8",
 * "she teaches 8th grade") taints only sexual intent aimed at a third person ("undress her"), so that a parent who
 * mentioned their child and later flirts with an adult-mode character is not refused.
 */
public final class ConversationRules {

    /** The facts, with the rule ids that established them (for the verdict's reasons). */
    public record Facts(List<String> participantMinor, List<String> thirdPartyMinor, List<String> incapacity) {

        static final Facts NONE = new Facts(List.of(), List.of(), List.of());

        public boolean minorParticipant() {
            return !participantMinor.isEmpty();
        }

        public boolean minorThirdParty() {
            return !thirdPartyMinor.isEmpty();
        }

        public boolean someoneIncapacitated() {
            return !incapacity.isEmpty();
        }
    }

    /** Someone else's child, or the people a teacher or parent looks after: "my son is 8", "teaches 8th grade". */
    private static final Pattern THIRD_PARTY = Pattern.compile(
            "(?<![a-z])(?:(?:my|our|his|her|their|your)(?: (?:own|little|baby|younger|youngest|eldest|oldest|older|two"
                    + "|three|step|new|best friends|friends|neighbours|neighbors|sisters|brothers))*"
                    + " (?:sons?|daughters?|kids?|child|children|babys?|babies|toddlers?|nephews?|nieces?|grand\\w*"
                    + "|students?|pupils?|class|brother|sister|boy|girl|little ones?|[0-9]+ year old)"
                    + "|teach\\w*|tutor\\w*|coach\\w*|babysit\\w*|nanny|(?:mom|mum|mother|dad|father|parent)s? of"
                    + "|pregnant|expecting)(?![a-z])");

    private static final int THIRD_PARTY_LOOKBACK = 40;

    /**
     * What each text established, by its exact text. A conversation is read again for every check (each sentence of a
     * streaming reply, then the whole reply, and each new message of the session while the text stays in its recent
     * window), and a text always establishes the same, so each is scanned once while it is in use. Bounded: the
     * least recently used go first, and long texts are not kept.
     */
    private static final int SCANNED_TEXTS = 1024;

    private static final int MAX_SCANNED_TEXT_CHARS = 4_000;

    private static final Map<String, Found> SCANNED =
            Collections.synchronizedMap(new LinkedHashMap<>(SCANNED_TEXTS * 4 / 3 + 1, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Found> eldest) {
                    return size() > SCANNED_TEXTS;
                }
            });

    /** What one text of a conversation established. */
    private record Found(List<String> participant, List<String> thirdParty, List<String> incapacity) {}

    private ConversationRules() {}

    /**
     * True when the recent messages or the character's own text state that a participant of the roleplay is under 18
     * (an age, a school year or grade, a life stage), so that sexual intent in the next message is sexual content with
     * a minor.
     */
    public static boolean establishesMinor(Conversation conversation) {
        return facts(conversation).minorParticipant();
    }

    /** Scans the character text and the recent messages once. */
    public static Facts facts(Conversation conversation) {
        if (conversation == null || conversation.isEmpty()) {
            return Facts.NONE;
        }
        List<String> participant = new ArrayList<>();
        List<String> thirdParty = new ArrayList<>();
        List<String> incapacity = new ArrayList<>();
        List<String> texts = new ArrayList<>(conversation.recentMessages().size() + 1);
        texts.add(conversation.characterText());
        texts.addAll(conversation.recentMessages());
        for (String raw : texts) {
            if (raw == null || raw.isBlank()) {
                continue;
            }
            Found found = found(raw);
            participant.addAll(found.participant());
            thirdParty.addAll(found.thirdParty());
            incapacity.addAll(found.incapacity());
        }
        return new Facts(List.copyOf(participant), List.copyOf(thirdParty), List.copyOf(incapacity));
    }

    private static Found found(String raw) {
        if (raw.length() > MAX_SCANNED_TEXT_CHARS) {
            return scan(raw);
        }
        Found found = SCANNED.get(raw);
        if (found == null) {
            found = scan(raw);
            SCANNED.put(raw, found);
        }
        return found;
    }

    private static Found scan(String raw) {
        List<String> participant = new ArrayList<>();
        List<String> thirdParty = new ArrayList<>();
        List<String> incapacity = new ArrayList<>();
        String text = Normalizer.normalize(raw);
        Map<Marker, List<Hit>> hits = Lexicon.scan(text);
        for (Hit hit : hits.getOrDefault(Marker.MINOR, List.of())) {
            (aboutSomeoneElse(text, hit) ? thirdParty : participant).add("context:" + hit.id());
        }
        for (Hit hit : hits.getOrDefault(Marker.CSAM, List.of())) {
            participant.add("context:" + hit.id());
        }
        boolean help = hits.containsKey(Marker.HELP) && hits.containsKey(Marker.VICTIM);
        if (!help) {
            for (Marker marker : List.of(Marker.NC_INCAPACITY, Marker.NC_SLEEP, Marker.NC_REFUSAL)) {
                for (Hit hit : hits.getOrDefault(marker, List.of())) {
                    incapacity.add("context:" + hit.id());
                }
            }
        }
        return new Found(List.copyOf(participant), List.copyOf(thirdParty), List.copyOf(incapacity));
    }

    private static boolean aboutSomeoneElse(String text, Hit hit) {
        int from = Math.max(0, hit.start() - THIRD_PARTY_LOOKBACK);
        return THIRD_PARTY.matcher(text).region(from, hit.end()).find();
    }
}
