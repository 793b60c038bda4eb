package com.companion.platform.guard.rules;

import com.companion.platform.guard.Conversation;
import com.companion.platform.guard.Normalizer;
import com.companion.platform.guard.rules.Lexicon.Hit;
import com.companion.platform.guard.rules.Lexicon.Marker;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
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
 *
 * <p>A later, explicit statement wins over an earlier cue, but only for the same person:
 *
 * <ul>
 *   <li>an adult telling of their own past ("when I was 15 I was bullied", "my first kiss was in 8th grade") is not a
 *       minor in the scene once the conversation says how old they are now ("I'm 28 now");
 *   <li>a text that gives ages and all of them 18 or over ("she's 19, a sophomore in college", "we're both 18, seniors
 *       in high school") does not make anyone a minor by its school words;
 *   <li>a time skip that gives a third person an adult age ("ten years later she's 25", "present day, Sarah is 29")
 *       ends what the texts before it said about the participants' ages.
 * </ul>
 *
 * An adult age stated for the user does not end what was said about the character: "she's 14" stays, whatever "I'm 30"
 * says.
 */
public final class ConversationRules {

    /** The facts, with the rule ids that established them (for the verdict's reasons). */
    public record Facts(
            List<String> participantMinor,
            List<String> thirdPartyMinor,
            List<String> incapacity,
            List<String> selfHarm,
            List<String> familyRole) {

        static final Facts NONE = new Facts(List.of(), List.of(), List.of(), List.of(), List.of());

        /** A participant was cast as a relative ("roleplay as my stepmom", "we're stepsiblings"). */
        public boolean relativeCast() {
            return !familyRole.isEmpty();
        }

        public boolean minorParticipant() {
            return !participantMinor.isEmpty();
        }

        public boolean minorThirdParty() {
            return !thirdPartyMinor.isEmpty();
        }

        public boolean someoneIncapacitated() {
            return !incapacity.isEmpty();
        }

        /**
         * A recent message spoke of wanting to die or to hurt oneself ("I want to die", "I'm going to end my life"), so
         * that a bare follow-up ("which one is the fastest", "how many should I take", "is that high enough?") asks for a
         * method.
         */
        public boolean selfHarmEarlier() {
            return !selfHarm.isEmpty();
        }
    }

    /** Whose child it is. */
    private static final String POSSESSIVE = "(?:my|our|his|her|their|your)";

    /** The relations of a child to the speaker or to someone else: "son", "stepdaughter", "nephew", "students". */
    private static final String CHILD_RELATION =
            "sons?|daughters?|kids?|child|children|babys?|babies|toddlers?|nephews?"
                    + "|nieces?|grand\\w*|step(?:sons?|daughters?|kids?|child|children)|students?|pupils?|class|brother|sister";

    /** Looking after children: teaching, tutoring, coaching, babysitting. */
    private static final String CARING_FOR = "teach\\w*|tutor\\w*|coach\\w*|babysit\\w*|nanny";

    /** Someone else's child, or the people a teacher or parent looks after: "my son is 8", "teaches 8th grade". */
    private static final Pattern THIRD_PARTY = Pattern.compile("(?<![a-z])(?:" + POSSESSIVE
            + "(?: (?:own|little|baby|younger|youngest|eldest|oldest|older|two|three|step|new|best friends|friends"
            + "|neighbours|neighbors|sisters|brothers|characters?|[0-9]+ (?:yo|year old|years old)))* (?:"
            + CHILD_RELATION
            + "|boy|girl|little ones?|[0-9]+ year old)|(?:have|has|had) (?:a |an |two |three |four |our "
            + "|the )?(?:little |young )?(?:kids?|children|sons?|daughters?|babys?|babies|toddlers?)|the (?:kids"
            + "|children)|" + CARING_FOR + "|(?:mom|mum|mother|dad|father|parent)s? of|pregnant|expecting)(?![a-z])");

    /**
     * For a whole text (the learned layer weighs whole texts): it is about someone else's child, or children a teacher
     * or parent looks after. Narrower than {@link #THIRD_PARTY}, which the rules apply next to each cue: a whole text
     * with "my girl" or "the kids" in it may still be about a participant.
     */
    private static final Pattern SOMEONE_ELSES_CHILD = Pattern.compile("(?<![a-z])(?:" + POSSESSIVE
            + "(?: (?:own|little|baby|younger|youngest|eldest|oldest|older|step|characters?|[0-9]+ (?:yo|year old"
            + "|years old)))* (?:" + CHILD_RELATION + ")|" + CARING_FOR + "|beta|beti|bacch\\w*)(?![a-z])");

    /** Someone awake or sober again, which ends an earlier incapacity: "the next morning", "sobered up", "woke up". */
    private static final Pattern AWAKE_AGAIN =
            Pattern.compile("(?<![a-z])(?:(?:the )?next morning|the following morning"
                    + "|sobered? up|(?:is|was|were|are|now|fully|completely|stone cold) sober|woke up|wakes up|(?:wide|fully)"
                    + " awake|clear ?headed)(?![a-z])");

    /** An age between a possessive and a relation: "my 12 yo son", "our 9 year old daughter". */
    private static final Pattern POSSESSIVE_BEFORE = Pattern.compile("(?<![a-z])" + POSSESSIVE + " $");

    private static final Pattern RELATION_AFTER = Pattern.compile(" (?:(?:little|baby|younger|youngest|eldest|oldest"
            + "|older|step) )?(?:sons?|daughters?|kids?|child|children|nephews?|nieces?|grand\\w*|step\\w*|students?"
            + "|pupils?|brothers?|sisters?|boys?|girls?|babys?|babies|toddlers?|cousins?)(?![a-z])");

    /** The speaker, in a normalised text: "I", "I'm", "me", "my". */
    private static final Pattern FIRST_PERSON = Pattern.compile("(?<![a-z])(?:i|im|me|my|myself)(?![a-z])");

    /** Words that put what is told in the past: "when I was 15", "back in 8th grade", "my first kiss". */
    private static final Pattern PAST = Pattern.compile(
            "(?<![a-z])(?:was|when|back|used to|first|ago|growing up|as a (?:kid|teen|teenager|child))(?![a-z])");

    /** Someone other than the speaker as a subject: then the age may be theirs. */
    private static final Pattern OTHER_SUBJECT = Pattern.compile(
            "(?<![a-z])(?:she|shes|he|hes|her|him|his|they|theyre|them|character|characters|char|persona|you|youre"
                    + "|ur|u)(?![a-z])");

    /** How far around a minor cue the speaker's past is looked for, in normalised characters. */
    private static final int PAST_SELF_BEFORE = 50;

    private static final int PAST_SELF_AFTER = 30;

    private static final String ADULT_NUMBER = "(?:1[89]|[2-9][0-9])(?![0-9])";

    /** The speaker's age now, 18 or over: "I'm 28 now", "now I'm 26", "I am an adult". */
    private static final Pattern ADULT_SELF =
            Pattern.compile("(?<![a-z])(?:(?:im|i am|i m)(?: now| currently| actually)?"
                    + " (?:a |an )?" + ADULT_NUMBER + "|now (?:im|i am|i m) " + ADULT_NUMBER
                    + "|(?:im|i am) (?:an adult|a grown (?:woman|man|up)|grown up))");

    /** A number that is not an age: "she's 20 minutes away", "both 10 feet tall". */
    private static final String NOT_A_QUANTITY =
            "(?! ?(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?|dollars?|bucks"
                    + "|percent|%|miles?|km|kilometers?|feet|foot|ft|inches|pounds?|lbs?|kilos?|kg|times|am|pm|oclock|degrees?"
                    + "|points?|cm|meters?|metres?)(?![a-z]))";

    /** An age given as a number, with the words that make it one: "she's 19", "turned 18", "a 30 yo". */
    private static final Pattern STATED_AGE = Pattern.compile("(?<![a-z0-9])(?:(?:im|i am|shes|she is|hes|he is"
            + "|theyre|they are|youre|you are|were both|both|turned|turning|just turned|aged?|age)"
            + "(?: now| already| finally| just)? (?:a |an )?([0-9]{1,2})(?![0-9])" + NOT_A_QUANTITY
            + "|([0-9]{1,2}) ?(?:yo|y o|yrs? old|years? old|year old)(?![a-z]))");

    /**
     * A jump forward in a story ("ten years later", "present day") with someone other than the speaker given an adult
     * age ("Sarah is 29"), or "now she's 25".
     */
    private static final Pattern TIME_SKIP =
            Pattern.compile("(?<![a-z])(?:years? later|skip(?:s|ping)? (?:ahead|forward)"
                    + "|fast ?forward\\w*|time ?skip|present day|flashback ends|(?:all )?grown up)(?![a-z])");

    private static final Pattern OTHER_ADULT_AGE = Pattern.compile(
            "(?<![a-z])(?:shes|she is|hes|he is|theyre|they are|[a-z]+ is)(?: now)? (?:a |an )?" + ADULT_NUMBER);

    private static final Pattern NOW_OTHER_ADULT_AGE =
            Pattern.compile("(?<![a-z])now (?:shes|she is|hes|he is|theyre|they are) (?:a |an )?" + ADULT_NUMBER);

    /** Minor cues that an adult age in the same text explains: an 18-year-old senior in high school, not a freshman. */
    private static final Pattern LATE_SCHOOL = Pattern.compile("high ?school|seniors?|juniors?");

    private static final Pattern EARLY_HIGH_SCHOOL = Pattern.compile("freshm[ae]n|sophomores?");

    private static final int THIRD_PARTY_LOOKBACK = 40;

    /**
     * What each text established, by its exact text. A conversation is read again for every check (each sentence of a
     * streaming reply, then the whole reply, and each new message of the session while the text stays in its recent
     * window), and a text always establishes the same, so each is scanned once while it is in use: a 200-character reply
     * costs about 300 µs to scan and 3 µs to find here.
     *
     * <p>Bounded by characters, not entries: a worker holds up to 512 conversations at once (about nine texts each, a
     * few hundred characters a text), and a memo of 1,024 texts missed on every check once more than about a hundred
     * conversations were in flight. {@value #SCANNED_CHARS} characters (a few MB) keep several thousand texts; long
     * texts are not kept.
     */
    static final long SCANNED_CHARS = 3_000_000;

    private static final int MAX_SCANNED_TEXT_CHARS = 4_000;

    private static final Cache<String, Found> SCANNED = Caffeine.newBuilder()
            .maximumWeight(SCANNED_CHARS)
            .weigher((String text, Found found) -> text.length())
            .executor(Runnable::run)
            .build();

    /**
     * The rules' scans of the texts they last judged, by their exact text. The message a user sends is judged on its
     * own first and is one of the session's recent texts from the next turn on, as a reply the worker judged is in the
     * worker's next turn: what the conversation reads of it is then built from the scan the check made, not scanned
     * again. Keeping a scan costs one insertion per check; a streaming reply's windows, which never come back as
     * conversation texts, are dropped by size. Measured in one JVM, with and without it in alternate rounds (rules
     * alone, the conversation sets replayed turn by turn with 230-character replies, eight rounds each, this 2-core
     * box): chat's check of a user message 232 → 217 µs, the worker's checks of a reply (each sentence, then the whole)
     * 613 → 562 µs.
     */
    private static final Cache<String, Lexicon.Scan> JUDGED = Caffeine.newBuilder()
            .maximumWeight(SCANNED_CHARS / 3)
            .weigher((String text, Lexicon.Scan scan) -> text.length())
            .executor(Runnable::run)
            .build();

    /**
     * What one text of a conversation established.
     *
     * @param pastSelf minor cues about the speaker's own past: they count only while the conversation gives no adult
     *     age for the speaker now
     * @param adultSelf the text gives the speaker's age now as 18 or over
     * @param timeSkip the text jumps forward and gives someone else an adult age: what texts before it established
     *     about the participants' ages ends
     * @param onlyAdultAges the text gives ages, all 18 or over, and no cue of a minor but late school years
     * @param aboutSomeoneElse the text mentions someone else's child, or children a teacher or parent looks after
     * @param someoneElseIncapacitated someone other than the speaker is asleep, drugged, passed out or saying no, and
     *     nothing after it in the text says they are awake or sober again
     * @param awakeAgain the text says someone is awake or sober again ("the next morning", "sobered up", "wide awake")
     * @param selfHarm the text speaks of wanting to die or to hurt oneself
     * @param familyRole the text casts a participant of the roleplay as a relative
     */
    private record Found(
            List<String> participant,
            List<String> pastSelf,
            List<String> thirdParty,
            List<String> incapacity,
            boolean adultSelf,
            boolean timeSkip,
            boolean onlyAdultAges,
            boolean aboutSomeoneElse,
            boolean someoneElseIncapacitated,
            boolean awakeAgain,
            List<String> selfHarm,
            List<String> familyRole) {}

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
        List<String> familyRole = new ArrayList<>();
        List<Found> found = scanned(conversation);
        boolean adultSelf = found.stream().anyMatch(Found::adultSelf);
        int from = lastTimeSkip(found);
        for (int i = 0; i < found.size(); i++) {
            Found text = found.get(i);
            if (i >= from) {
                participant.addAll(text.participant());
                thirdParty.addAll(text.thirdParty());
                if (!adultSelf) {
                    participant.addAll(text.pastSelf());
                }
            }
            incapacity.addAll(text.incapacity());
            familyRole.addAll(text.familyRole());
        }
        List<String> selfHarm = new ArrayList<>();
        for (String message : conversation.recentMessages()) {
            if (message != null && !message.isBlank()) {
                selfHarm.addAll(found(message).selfHarm());
            }
        }
        return new Facts(
                List.copyOf(participant),
                List.copyOf(thirdParty),
                List.copyOf(incapacity),
                List.copyOf(selfHarm),
                List.copyOf(familyRole));
    }

    /** A number without a single letter: "13", "14:00", "13!!". */
    private static final Pattern NO_LETTERS = Pattern.compile("[^\\p{L}]*\\d[^\\p{L}]*");

    /** A question about someone's age or school year, in the languages the rules read. */
    private static final Pattern AGE_QUESTION = Pattern.compile("how old|(?:your|ur|her|his|their) age|what age"
            + "|\\bage\\s*\\?|\\basl\\b|what grade|which grade|what class|which class|what year are you"
            + "|cuantos anos|cuántos años|quantos anos|quel age|quel âge|wie alt|quanti anni|kitne saal|umar kya");

    /**
     * The conversation's texts (the character text first, then the messages oldest first) that may still say a
     * participant is under 18, for a reader that weighs a whole text (the learned layer's minor-age head): not those
     * about someone else's child (unless the rules read a participant's age in them too), not those that give only
     * adult ages, not those before a time skip to an adult age, not an adult's own past once the conversation gives
     * their age now, and not a number alone that answers no question about an age ("13" told as a count or a time).
     */
    public static List<String> textsThatMayEstablishMinor(Conversation conversation) {
        if (conversation == null || conversation.isEmpty()) {
            return List.of();
        }
        List<String> texts = texts(conversation);
        List<Found> found = texts.stream().map(ConversationRules::found).toList();
        boolean adultSelf = found.stream().anyMatch(Found::adultSelf);
        int from = lastTimeSkip(found);
        List<String> kept = new ArrayList<>();
        for (int i = from; i < found.size(); i++) {
            Found text = found.get(i);
            boolean onlyPastSelf =
                    !text.pastSelf().isEmpty() && text.participant().isEmpty();
            boolean someoneElsesChild =
                    text.aboutSomeoneElse() && text.participant().isEmpty();
            // A number alone ("13", "14:00") is somebody's age only as the answer to a question about one.
            boolean unaskedNumber = NO_LETTERS.matcher(texts.get(i)).matches()
                    && (i == 0
                            || !AGE_QUESTION
                                    .matcher(texts.get(i - 1).toLowerCase(java.util.Locale.ROOT))
                                    .find());
            if (!someoneElsesChild
                    && !unaskedNumber
                    && !text.onlyAdultAges()
                    && !(adultSelf && onlyPastSelf)
                    && !text.timeSkip()) {
                kept.add(texts.get(i));
            }
        }
        return List.copyOf(kept);
    }

    /**
     * Someone other than the speaker was said to be asleep, drugged, passed out or saying no, and no later text (or
     * later words of the same text) says they are awake or sober again: sexual intent now is aimed at someone who cannot
     * consent. Not the speaker's own state ("I was so drunk last night"), and not a victim asking for help.
     */
    public static boolean someoneElseIncapacitated(Conversation conversation) {
        if (conversation == null || conversation.isEmpty()) {
            return false;
        }
        boolean incapacitated = false;
        for (Found text : scanned(conversation)) {
            if (text.awakeAgain()) {
                incapacitated = false;
            }
            if (text.someoneElseIncapacitated()) {
                incapacitated = true;
            }
        }
        return incapacitated;
    }

    private static List<String> texts(Conversation conversation) {
        List<String> texts = new ArrayList<>(conversation.recentMessages().size() + 1);
        texts.add(conversation.characterText());
        texts.addAll(conversation.recentMessages());
        texts.removeIf(raw -> raw == null || raw.isBlank());
        return texts;
    }

    private static List<Found> scanned(Conversation conversation) {
        return texts(conversation).stream().map(ConversationRules::found).toList();
    }

    /** The index of the last text that skips forward to an adult age; 0 when none does. */
    private static int lastTimeSkip(List<Found> found) {
        for (int i = found.size() - 1; i > 0; i--) {
            if (found.get(i).timeSkip()) {
                return i;
            }
        }
        return 0;
    }

    /** Whether the text's scan is kept in the memo. */
    static boolean memoized(String raw) {
        return SCANNED.getIfPresent(raw) != null;
    }

    /** Whether the rules' scan of the text, made when it was judged, is kept for when it is a conversation text. */
    static boolean scanKept(String raw) {
        return JUDGED.getIfPresent(raw) != null;
    }

    /**
     * Keeps the scan the rules made of a text they judged ({@code raw} as given to the check), so that when the text is
     * one of a conversation's recent messages it is not normalised and scanned again.
     */
    static void judged(String raw, String normalized, Map<Marker, List<Hit>> hits) {
        if (raw.length() <= MAX_SCANNED_TEXT_CHARS && SCANNED.getIfPresent(raw) == null) {
            JUDGED.put(raw, new Lexicon.Scan(normalized, hits));
        }
    }

    private static Found found(String raw) {
        if (raw.length() > MAX_SCANNED_TEXT_CHARS) {
            return scan(raw);
        }
        return SCANNED.get(raw, ConversationRules::scan);
    }

    private static Found scan(String raw) {
        Lexicon.Scan judged = JUDGED.getIfPresent(raw);
        if (judged != null) {
            JUDGED.invalidate(raw);
            return found(judged.normalized(), judged.hits());
        }
        String text = Normalizer.normalize(raw);
        return found(text, Lexicon.scan(text));
    }

    private static Found found(String text, Map<Marker, List<Hit>> hits) {
        List<String> participant = new ArrayList<>();
        List<String> pastSelf = new ArrayList<>();
        List<String> thirdParty = new ArrayList<>();
        List<String> incapacity = new ArrayList<>();
        List<Integer> ages = ages(text);
        boolean onlyAdultAges = onlyAdultAges(text, ages, hits.getOrDefault(Marker.MINOR, List.of()));
        for (Hit hit : hits.getOrDefault(Marker.MINOR, List.of())) {
            if (onlyAdultAges) {
                continue;
            }
            if (aboutSomeoneElse(text, hit)) {
                thirdParty.add("context:" + hit.id());
            } else if (aboutTheSpeakersPast(text, hit)) {
                pastSelf.add("context:" + hit.id());
            } else {
                participant.add("context:" + hit.id());
            }
        }
        for (Hit hit : hits.getOrDefault(Marker.CSAM, List.of())) {
            participant.add("context:" + hit.id());
        }
        boolean help = hits.containsKey(Marker.HELP) && hits.containsKey(Marker.VICTIM);
        boolean someoneElseIncapacitated = false;
        if (!help) {
            for (Marker marker : List.of(Marker.NC_INCAPACITY, Marker.NC_SLEEP, Marker.NC_REFUSAL)) {
                for (Hit hit : hits.getOrDefault(marker, List.of())) {
                    incapacity.add("context:" + hit.id());
                    someoneElseIncapacitated |= !aboutTheSpeaker(text, hit)
                            && !AWAKE_AGAIN
                                    .matcher(text)
                                    .region(hit.end(), text.length())
                                    .find();
                }
            }
        }
        boolean timeSkip =
                (TIME_SKIP.matcher(text).find() && OTHER_ADULT_AGE.matcher(text).find()
                                || NOW_OTHER_ADULT_AGE.matcher(text).find())
                        && ages.stream().allMatch(age -> age >= 18)
                        && participant.isEmpty()
                        && hits.getOrDefault(Marker.CSAM, List.of()).isEmpty();
        return new Found(
                List.copyOf(participant),
                List.copyOf(pastSelf),
                List.copyOf(thirdParty),
                List.copyOf(incapacity),
                ADULT_SELF.matcher(text).find(),
                timeSkip,
                onlyAdultAges,
                SOMEONE_ELSES_CHILD.matcher(text).find(),
                someoneElseIncapacitated,
                AWAKE_AGAIN.matcher(text).find(),
                hits.getOrDefault(Marker.SELF_HARM_IDEATION, List.of()).stream()
                        .map(hit -> "context:" + hit.id())
                        .toList(),
                hits.getOrDefault(Marker.FAMILY_ROLE, List.of()).stream()
                        .map(hit -> "context:" + hit.id())
                        .toList());
    }

    private static boolean aboutSomeoneElse(String text, Hit hit) {
        int from = Math.max(0, hit.start() - THIRD_PARTY_LOOKBACK);
        return THIRD_PARTY.matcher(text).region(from, hit.end()).find()
                || POSSESSIVE_BEFORE
                                .matcher(text)
                                .region(Math.max(0, hit.start() - 7), hit.start())
                                .find()
                        && RELATION_AFTER
                                .matcher(text)
                                .region(hit.end(), text.length())
                                .lookingAt();
    }

    /** The speaker is the one the cue is about ("I was so drunk last night"), with nobody else as a subject there. */
    private static boolean aboutTheSpeaker(String text, Hit hit) {
        String around = around(text, hit);
        return FIRST_PERSON.matcher(around).find()
                && !OTHER_SUBJECT.matcher(around).find();
    }

    /**
     * The speaker telling of their own past around the cue ("when I was 15", "in middle school I was", "my first kiss
     * was in 8th grade"), with nobody else as a subject there.
     */
    private static boolean aboutTheSpeakersPast(String text, Hit hit) {
        return aboutTheSpeaker(text, hit) && PAST.matcher(around(text, hit)).find();
    }

    private static String around(String text, Hit hit) {
        return text.substring(
                Math.max(0, hit.start() - PAST_SELF_BEFORE), Math.min(text.length(), hit.end() + PAST_SELF_AFTER));
    }

    /**
     * The text gives at least one age, every age it gives is 18 or over, and its minor cues are only late school years
     * ("she's 19, a sophomore in college", "we're both 18, seniors in high school").
     */
    private static boolean onlyAdultAges(String text, List<Integer> ages, List<Hit> minorHits) {
        if (ages.isEmpty() || ages.stream().anyMatch(age -> age < 18)) {
            return false;
        }
        for (Hit hit : minorHits) {
            String cue = text.substring(hit.start(), hit.end());
            if (!LATE_SCHOOL.matcher(cue).find()
                    || EARLY_HIGH_SCHOOL.matcher(cue).find()) {
                return false;
            }
        }
        return true;
    }

    private static List<Integer> ages(String text) {
        List<Integer> ages = new ArrayList<>();
        Matcher m = STATED_AGE.matcher(text);
        while (m.find()) {
            ages.add(Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2)));
        }
        return ages;
    }
}
