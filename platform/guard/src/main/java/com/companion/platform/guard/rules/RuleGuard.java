package com.companion.platform.guard.rules;

import com.companion.platform.guard.Audience;
import com.companion.platform.guard.Category;
import com.companion.platform.guard.ContentGuard;
import com.companion.platform.guard.Flag;
import com.companion.platform.guard.GuardContext;
import com.companion.platform.guard.Normalizer;
import com.companion.platform.guard.Policy;
import com.companion.platform.guard.Stage;
import com.companion.platform.guard.Verdict;
import com.companion.platform.guard.rules.Lexicon.Hit;
import com.companion.platform.guard.rules.Lexicon.Marker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first layer: normalise, find markers, combine them. Never-allowed content is a <em>combination</em> (a minor
 * marker near a sexual marker, a non-consent marker near a sexual marker, a family or animal marker near a sexual
 * marker), so "minor surgery", "forced entry" or "the horse I ride" stay allowed. No network, thread-safe, well under a
 * millisecond for a chat message.
 */
public final class RuleGuard implements ContentGuard {

    /**
     * The rules' revision: a digest of their verdicts on the labelled corpus and the hold-outs, which {@code
     * GuardVersionTest} recomputes, so a change of the rules that changes a verdict fails the build until this is
     * updated (see {@link ContentGuard#version()}).
     */
    public static final String VERSION = "rules/8af8bbeb5cf2";

    /**
     * The note on an allowed verdict of model output that declines what it was asked ({@link #declines}): the learned
     * layer leaves such a reply to the rules, since a refusal is written in the words of what it refuses.
     */
    public static final String DECLINES = "output:declines";

    /**
     * The note on an allowed verdict of a text of at most {@value #FEW_WORDS_MAX} words: too little for the learned
     * layer's category heads, whose reading of one or two words is the reading of the words alone ("private", "I'm 15
     * btw."), so they leave it to the rules. What the conversation before it established still counts.
     */
    public static final String FEW_WORDS = "text:few-words";

    /**
     * The note on a verdict whose text the rules read as someone asking for help about what was done to them or their
     * child: the learned layer then answers a high S3 or S4 reading with support instead of a refusal, as it does S11.
     */
    public static final String HELP_SEEKING = "support:help-seeking";

    /**
     * The note on an input verdict whose speaker says they are under 18 and writes of their own life with nothing
     * sexual, romantic toward the character, or framed as a story in it ("tengo 15 y me gusta una chica de mi clase",
     * "keep it kid friendly, I'm 13"), outside adult mode: the learned layer's S4 head, which reads any minor's age
     * beside a crush or a body as a risk, does not refuse such a message alone. What the character answers is still
     * judged on output, where a reply that courts a minor is refused.
     */
    public static final String OWN_LIFE = "minor:own-life";

    /**
     * The note on a verdict whose text looks after an animal in everyday ways (walks the dog, takes the cat to the vet,
     * feeds the horses, adopts a puppy) or names someone fond of one ("a dog lover", "a cat mom") with nothing sexual,
     * intimate, bodily, forced or framed as a story in it: the learned layer's S3 head, which reads a partner or a lover
     * beside an animal as a risk ("I took my dog to the vet with my girlfriend"), and its S12 head, which reads "a horse
     * lover" as sexual, do not refuse such a text alone.
     */
    public static final String ANIMAL_CARE = "animal:everyday-care";

    /**
     * Looking after an animal: the vet, adopting, fostering, a shelter, pet-sitting, house training, a leash, the dog
     * park, a groomer, shots, allergies, barking.
     */
    private static final Pattern ANIMAL_CARE_WORDS = Pattern.compile("(?<![a-z])(?:vets?|veterinar\\w*"
            + "|adopt(?:s|ed|ing|ion)?|foster\\w*|shelter|pet ?sit\\w*|dog ?sit\\w*|house ?train\\w*|potty train\\w*"
            + "|leash\\w*|dog park|groomer|vaccin\\w*|neuter\\w*|spay\\w*|allerg\\w*|cat ?cafe|litter ?box"
            + "|bark(?:s|ed|ing)?|dog ?walk\\w*)(?![a-z])");

    /**
     * Walking or feeding: care when the animal is named right after ({@link #CARE_OBJECT_WITHIN} characters), so that
     * "she walked into the barn" is not.
     */
    private static final Pattern CARE_VERB =
            Pattern.compile("(?<![a-z])(?:walk(?:s|ed|ing)?|feed(?:s|ing)?|fed)(?![a-z])");

    private static final int CARE_OBJECT_WITHIN = 25;

    /** Right after an animal: someone fond of it or keeping it ({@code animalFancier}). */
    private static final Pattern FANCIER = Pattern.compile(
            "s? ?(?:lovers?|moms?|mums?|mamas?|dads?|owners?|parents?|fans?|enthusiasts?|whisperers?)(?![a-z])");

    /** A speaker who gives their own age under 18: "I'm 14", "tengo 15", "j'ai 14 ans", "ich bin 13", "ho 15 anni". */
    private static final Pattern OWN_MINOR_AGE = Pattern.compile(
            "(?<![a-z])(?:i m|im|i am|tengo|tenho|eu tenho|j ai|jai|ich bin|ho|main|mai)(?: only| just| solo| so| nur)?"
                    + " (?:1[0-7]|[1-9])(?: (?:years? old|yrs? old|yo|y o|anos|ans|jahre(?: alt)?|anni|saal(?: ka| ki)?))?"
                    + "(?![0-9a-z])(?! (?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?|km|miles?|times|feet|ft|cm|kg"
                    + "|lbs?|am|pm|percent|minutos|horas|dias|heures|jours|minuten|stunden|tage|minuti|ore|giorni)(?![a-z]))");

    static final int FEW_WORDS_MAX = 3;

    /**
     * The note on a block of a text with an emoji that the rules read as a word ({@link Normalizer#hasEmojiWords}):
     * the learned layer's models do not read those emoji, so it does not release such a block.
     */
    public static final String EMOJI_WORDS = "text:emoji-words";

    /** Longer replies are not taken for a refusal as a whole. */
    static final int DECLINE_MAX_CHARS = 600;

    static final int DECLINE_MAX_SENTENCES = 4;

    /**
     * A reply that opens by declining to produce something (after an optional action in asterisks and a "sorry", "no"
     * or "hey"): "I can't write …", "I won't roleplay that", "I'm not going to continue …", "I'm going to step out of
     * the story", "that's not something I …". Declining a thing that is not writing or taking part ("I won't stop", "I
     * can't help myself", "I won't give you a hotline") does not count.
     */
    private static final Pattern DECLINE = Pattern.compile("^(?:\\*[^*\\n]{1,80}\\*\\s*)?"
            + "(?:(?:sorry|i'm sorry|i am sorry|no|nope|hey|hmm|okay|ok|listen|look|oh|honestly"
            + "|nice try(?: with [\\w\\s'-]{1,30}?)?)\\b[\\s,.!:;\u2014\u2013-]*)*"
            + "(?:even (?:in|as|with|if|though|when) [^.!?\\n]{1,40}?[\\s,]+)?"
            + "(?:but\\s+)?(?:i(?:'m| am|'d| would)?\\s+(?:can'?t|cannot|can not|won'?t|will not|not going to|not gonna"
            + "|don'?t|do not|refuse to|have to decline to|rather not)\\s+(?:\\w+\\s+){0,2}?"
            + "(?:write|writing|continue|continuing|roleplay|role-?play|rp|go (?:there|on with|any further|further)"
            + "|create|describe|include|portray|play along|help (?:you )?with|assist with|engage|generate|produce"
            + "|do (?:that|this|those|it|romantic|sexual|anything|any)|take (?:part|this|that))\\b"
            + "|i(?:'m| am|'ll| will| need to| have to)\\s+(?:going to\\s+)?(?:step out of|break|pause) (?:the|our)?\\s*"
            + "(?:story|roleplay|role-play|scene|character)"
            + "|that'?s not something i\\b"
            + "|i'?m not (?:writing|continuing|roleplaying|role-playing|creating|describing|going there|doing (?:that|this))\\b"
            // Spanish, Portuguese, French, German and Italian: "no voy a escribir", "não vou continuar",
            // "je ne vais pas écrire", "das werde ich nicht schreiben", "non posso scrivere".
            + "|no (?:voy a|puedo|pienso|quiero) (?:\\S+\\s+){0,2}?(?:escribir|continuar|seguir|describir|hacer|crear"
            + "|narrar)(?!\\p{L})"
            + "|n[ãa]o (?:vou|posso|consigo|irei|quero) (?:\\S+\\s+){0,2}?(?:escrever|continuar|seguir|descrever|fazer"
            + "|criar|narrar)(?!\\p{L})"
            + "|je (?:ne (?:vais|peux|veux) pas|refuse d[e'] ?) ?(?:\\S+\\s+){0,2}?(?:[ée]crire|continuer|d[ée]crire"
            + "|faire|cr[ée]er|jouer)(?!\\p{L})"
            + "|(?:das |so etwas |dazu )?(?:werde|kann|will) ich (?:nicht|keine)|ich (?:werde|kann|will) (?:das |so etwas"
            + " |dazu |hier )?(?:nicht|keine \\S+) (?:\\S+\\s+){0,2}?(?:schreiben|fortsetzen|beschreiben"
            + "|weiterschreiben|spielen|machen)(?!\\p{L})"
            + "|non (?:posso|voglio|ho intenzione di|scriver[òo]|continuer[òo])(?: (?:\\S+\\s+){0,2}?(?:scrivere"
            + "|continuare|descrivere|fare|creare))?(?!\\p{L}))");

    /** And somewhere it points elsewhere or names the line it keeps. */
    private static final Pattern REDIRECT = Pattern.compile("\\b(?:instead|if you(?:'d)? (?:like|want|prefer)"
            + "|happy to|glad to|i'?d love to|i can (?:make|keep|write|help|explain|do)|i could|how about|what about"
            + "|want to|would you like|let'?s|we (?:can|could)|something else|another (?:story|direction|idea|scene)"
            + "|different (?:direction|storyline|story|scene)|off[- ]limits|not something i|even in fiction"
            + "|no matter how|i'?m (?:here|listening)|are you safe|please (?:contact|call|reach)|reach out"
            + "|si quieres|si prefieres|se quiser|se preferir|si tu veux|si tu pr[ée]f[èe]res|wenn du (?:willst|magst"
            + "|m[öo]chtest)|se vuoi|se preferisci|en su lugar|en cambio|em vez disso|[àa] la place|stattdessen|invece"
            + "|te ayudo|posso (?:ajudar|aiutarti)|je peux|ich kann)(?!\\p{L})");

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?\u2026]+(?:\\s|$)");

    /** Distances in normalised characters between the nearest edges of two markers. */
    static final int MINOR_WINDOW = 250;

    static final int MINOR_WEAK_WINDOW = 8;
    static final int MINOR_ROMANCE_WINDOW = 150;
    static final int NON_CONSENT_WINDOW = 120;
    static final int FAMILY_WINDOW = 60;

    /** The most text between a verb and its object's first word: " a ", " my ", " an ", " the ". */
    static final int OBJECT_GAP = 5;

    static final int ANIMAL_WINDOW = 35;
    static final int MINOR_SEXUALISING_WINDOW = 40;
    static final int GENITAL_WINDOW = 30;
    static final int SLEEPER_OBJECT_WINDOW = 14;
    static final int SHORT_REQUEST_WORDS = 2;

    private static final RuleGuard SHARED = new RuleGuard();

    private static final Map<String, Pattern> SLEEPER_OBJECTS = Map.of(
            "you", objects("you|your"),
            "me", objects("me|my"),
            "him", objects("him|his"),
            "them", objects("them|their"),
            "her", objects("her|hers"),
            "anyone", objects("her|him|them|his|their"));

    private static Pattern objects(String alternatives) {
        return Pattern.compile("(?<![a-z])(?:" + alternatives + ")(?![a-z])");
    }

    /** Sexual intent aimed at someone other than the two people talking: "undress her", "the girl". */
    private static final Pattern THIRD_PERSON = Pattern.compile(
            "(?<![a-z])(?:her|hers|him|his|she|shes|he|hes|them|they|theyre|the (?:girl|boy|kid|child|student))(?![a-z])");

    private static final Pattern HUMAN_PARTICIPANTS = Pattern.compile(
            "(?<![a-z])(?:we|us|you and i|you and me|me and you|my (?:wife|husband|girlfriend|boyfriend|partner))(?![a-z])");

    private static final Pattern SLEEP_SUBJECT = Pattern.compile(
            "(?<![a-z])(shes|she|hes|he|theyre|they|youre|you|im|i|wife|girlfriend|gf|girl|woman|sister|mom|daughter"
                    + "|husband|boyfriend|bf|boy|man|guy|brother|dad|son|her|him|them)(?![a-z])");

    private static final Pattern STAFF_AFTER = Pattern.compile(
            " (?:teachers?|teaching (?:assistants?|aides?)|aides?|staff|principals?|nurses?|counsell?ors?|coach(?:es)?"
                    + "|librarians?|secretar(?:y|ies)|administrators?|bus drivers?|janitors?|custodians?|chaplains?"
                    + "|substitutes?)(?![a-z])");
    private static final Pattern STAFF_BEFORE =
            Pattern.compile("(?:teach(?:es|ing)?|taught|coach(?:es|ing)?) (?:at |in )?(?:a |the )?$");
    private static final Pattern CHILD_WORDS = Pattern.compile(
            "(?<![a-z])(?:pupils?|students?|kids?|child|children|boys?|girls?|sons?|daughters?|class(?:es|mates?)?"
                    + "|teens?|teenagers?|minors?|juniors?|freshm[ae]n|sophomores?|toddlers?|babies|infants?)(?![a-z])");

    /**
     * Asking where or how to report abuse material or abuse that one came across: answered (with support), even when
     * the text names the material ("how do I report child porn I found on a forum").
     */
    private static final Pattern REPORTING = Pattern.compile("(?<![a-z])(?:(?:how|where|who) (?:do|can|should|would)"
            + " i (?:report|flag|tell (?:the )?(?:police|authorities))|(?:report|reporting|flag|flagging) (?:it|this|them"
            + "|that|what i (?:found|saw)) to (?:the )?(?:police|ncmec|fbi|cybertip\\w*|authorities|iwf|the site|moderators))"
            + "(?![a-z])");

    /** Sex proposed to the other person: "let's have sex", "I want you", "come here". */
    private static final Pattern SEXTING = Pattern.compile("(?<![a-z])(?:lets|let s|wanna|want to|i want|we should"
            + "|come here|take me|with you|with me|on me|in me)(?![a-z])");

    /** Looking for the material rather than reporting it: "where can I find", "send me", "links". */
    private static final Pattern SEEKING = Pattern.compile("(?<![a-z])(?:(?:where|how) (?:can|do|could|would|to)"
            + " (?:i |we |you )?(?:find|get|download|buy|access|watch|see|view)|send me|share (?:some|it|them|the)|links?"
            + "|(?:want|need|looking for) (?:some|more|it|them))(?![a-z])");

    /** A question or a request: what turns a self-harm method in the user's words into asking for it. */
    private static final Pattern REQUEST = Pattern.compile(
            "(?<![a-z])(?:how|what|whats|which|where|wheres|tell me|give me|show me|list|tips?|ways? to|best|help me"
                    + "|pls|plz|please|methods?|write me|step by step"
                    + "|teach me|explain|should i|can i|could i|do i|would it|will it|is it|exact|need to know|kitni|kitne"
                    + "|kaise|kaunsi|kaun si|konsi|kahan|batao|bata do|tarika|tareeka|como|cuantas|cual|cuales|donde"
                    + "|dime|dame|tell us|give us|show us|help us|hangi|nasil|ne kadar|kac tane|quantos|quantas|qual|quais|onde|me diga|combien|comment|quel|quelle|quels|quelles"
                    + "|dis moi|wie|welche|welcher|welches|wo|sag mir|quanti|quante|quale|quali|dove|dimmi|come posso"
                    + "|come faccio|come si fa)(?![a-z])");

    /**
     * A question about getting out or getting help ("I don't know how to tell anyone", "who should I tell", "how do I
     * stop"): not a request for the method told beside it ("I've been making myself throw up ... I want to stop").
     */
    private static final Pattern HELP_QUESTION = Pattern.compile(
            "(?<![a-z])(?:how (?:do i|to|can i|should i|would i) (?:tell|talk to|ask for help|get help|find help|quit"
                    + "|stop(?: (?:it|this|doing (?:it|this)))?(?! (?:eating|food|my ?self|being))(?![a-z]))"
                    + "|who (?:should|can|do|could) i (?:tell|talk to|ask))(?![a-z])");

    /** Words that give or ask for a procedure, beside {@link #REQUEST}. */
    private static final Pattern INSTRUCTIONS = Pattern.compile(
            "(?<![a-z])(?:steps?|step by step|step one|step two|recipe|instructions?|guide|tutorial|walk me through"
                    + "|ingredients|start by|you ll want to|youll want to|you ll first want to|youll first want to"
                    + "|materials you need|anleitung|instrucciones|instrucoes|paso a paso|passo a passo|etape par etape"
                    + "|schritt fur schritt|istruzioni|recette|receta|receita|rezept|ricetta|ingredienti|ingredientes|zutaten|pasos|schritten|you will need|youll need|you ll need|you ll first need|youll first need|first you|then you|next you)(?![a-z])");

    /** A character sheet's way of giving a procedure: "helps you grow ricin", "teaches users to build ...". */
    private static final Pattern TEACHES = Pattern.compile("(?<![a-z])(?:helps?|helping|teach(?:es|ing)?|shows?"
            + "|showing|walks?) (?:you|users?|people|the user|them|him|her)(?![a-z])");

    public static RuleGuard shared() {
        return SHARED;
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public Verdict check(String text, GuardContext context) {
        if (text == null || text.isBlank()) {
            return Verdict.allow();
        }
        // A model's short refusal names what it refuses ("I can't write a wedding night for a 13-year-old"): only what
        // follows its declining sentences is judged, as the learned layer judges it.
        if (context.stage() == Stage.OUTPUT && declines(text)) {
            String rest = afterDecline(text, true);
            if (rest.length() < text.strip().length()) {
                Verdict verdict = check(rest, context);
                if (verdict.blocked()) {
                    return verdict;
                }
                List<String> notes = new ArrayList<>(verdict.reasons());
                if (!notes.contains(DECLINES)) {
                    notes.add(DECLINES);
                }
                return new Verdict(true, verdict.policy(), verdict.categories(), notes, verdict.flags());
            }
        }
        String normalized = Normalizer.normalize(text);
        if (normalized.isEmpty()) {
            return Verdict.allow();
        }
        Map<Marker, List<Hit>> hits = Lexicon.scan(normalized);
        ConversationRules.judged(text, normalized, hits);
        Verdict verdict =
                new Assessment(normalized, hits, context, ConversationRules.facts(context.conversation())).verdict();
        if (!verdict.allowed()) {
            if (!Normalizer.hasEmojiWords(text)) {
                return verdict;
            }
            List<String> reasons = new ArrayList<>(verdict.reasons());
            reasons.add(EMOJI_WORDS);
            return Verdict.block(verdict.policy(), verdict.categories(), reasons, verdict.flags());
        }
        List<String> notes = new ArrayList<>(verdict.reasons());
        if (context.stage() == Stage.OUTPUT && declines(text)) {
            notes.add(DECLINES);
        }
        if (fewWords(text.strip())) {
            notes.add(FEW_WORDS);
        }
        return notes.size() == verdict.reasons().size()
                ? verdict
                : new Verdict(true, verdict.policy(), verdict.categories(), notes, verdict.flags());
    }

    /**
     * Whether a stripped text has at most {@value #FEW_WORDS_MAX} words: runs of characters between ASCII whitespace
     * (what {@code \s} matches), counted up to one more than that.
     */
    static boolean fewWords(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length() && words <= FEW_WORDS_MAX; i++) {
            boolean space = " \t\n\u000B\f\r".indexOf(text.charAt(i)) >= 0;
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words <= FEW_WORDS_MAX;
    }

    /**
     * Whether a reason names a rule of the Hinglish or Spanish vocabulary. The embedding models read English only, so
     * their reading of such a text says little: a sexual-content block made by one of these words is not released by
     * the learned layer, and a sexual-content block names such a word when there is one.
     */
    public static boolean notEnglish(String reason) {
        String rule = reason.split(" ", 2)[0];
        return rule.contains("hinglish") || rule.contains("spanish") || rule.endsWith("-other");
    }

    /**
     * Whether a reply is a short refusal: it opens by declining ({@link #DECLINE}), offers something else or names
     * the line it keeps, and is at most {@value #DECLINE_MAX_SENTENCES} sentences and {@value #DECLINE_MAX_CHARS}
     * characters.
     */
    static boolean declines(String text) {
        String reply = declineCandidate(text);
        return reply != null
                && SENTENCE_END.matcher(reply).results().count() <= DECLINE_MAX_SENTENCES
                && DECLINE.matcher(reply).find()
                && REDIRECT.matcher(reply).find();
    }

    /**
     * Whether a text opens by declining to write or take part, as {@link #declines} requires, whatever follows: the first
     * sentences of a reply that is still streaming, before the part that offers something else has come.
     */
    public static boolean opensByDeclining(String text) {
        String reply = declineCandidate(text);
        return reply != null && DECLINE.matcher(reply).find();
    }

    /**
     * What a text that opens by declining ({@link #opensByDeclining}) says after the sentence that declines, stripped:
     * "I can't write that. Instead, …" gives "Instead, …". Empty when nothing follows; the whole text, stripped, when it
     * does not open by declining.
     */
    public static String afterDecline(String text) {
        return afterDecline(text, false);
    }

    /**
     * @param atTurn also end the declining sentence where it turns ("I can't write that, but how about this: …"), as
     *     the rules read it; the learned layer, calibrated on whole declining sentences, reads from the next sentence
     */
    public static String afterDecline(String text, boolean atTurn) {
        String stripped = text.strip();
        String reply = declineCandidate(text);
        if (reply == null || reply.length() != stripped.length()) {
            return stripped;
        }
        Matcher decline = DECLINE.matcher(reply);
        if (!decline.find()) {
            return stripped;
        }
        Matcher end = SENTENCE_END.matcher(reply);
        boolean sentenceEnds = end.find(decline.end());
        // "I can't write that, but how about this: …": what follows the turn in the sentence is not the refusal.
        Matcher turn = CLAUSE_TURN.matcher(reply);
        if (atTurn && turn.find(decline.end()) && (!sentenceEnds || turn.start() < end.start())) {
            return stripped.substring(turn.start()).strip();
        }
        if (!sentenceEnds) {
            return "";
        }
        // Sentences that go on declining ("She's a child, and I don't write anything that sexualizes minors.") belong
        // to the refusal; the first one that does not is where the rest begins.
        int from = end.end();
        while (end.find(from)) {
            String sentence = reply.substring(from, end.end());
            if (!STILL_DECLINING.matcher(sentence).find()) {
                break;
            }
            from = end.end();
        }
        return stripped.substring(from).strip();
    }

    /** Where a declining sentence turns to something else: "…, but how about this: …", "…; instead …", "…: …". */
    private static final Pattern CLAUSE_TURN = Pattern.compile(
            "(?<=[,;:\u2014\u2013-]|\\s)(?:but|however|instead|how about|what about|here'?s|here is)\\b|:");

    /** A sentence after the declining one that declines too: "I don't write anything like that, fiction or not." */
    private static final Pattern STILL_DECLINING = Pattern.compile("\\bi(?:'m| am)?\\s+(?:don'?t|do not|won'?t|will not"
            + "|can'?t|cannot|never|am not going to|'m not going to)\\s+(?:\\w+\\s+){0,2}?(?:write|create|produce|generate"
            + "|roleplay|role-play|describe|sexuali[sz]e|depict|continue|go there)\\b");

    /** The text as the refusal patterns read it, or null when it is too long to be a refusal. */
    private static String declineCandidate(String text) {
        String stripped = text.strip();
        if (stripped.length() > DECLINE_MAX_CHARS) {
            return null;
        }
        return stripped.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    }

    private record Violation(Policy policy, List<Category> categories, String reason) {}

    private static final class Assessment {

        private final String text;
        private final Map<Marker, List<Hit>> hits;
        private final GuardContext context;
        private final ConversationRules.Facts before;
        private final List<Violation> violations = new ArrayList<>();
        private final Set<Category> observed = new LinkedHashSet<>();
        private final List<String> notes = new ArrayList<>();
        private boolean support;
        private boolean suspicious;

        Assessment(String text, Map<Marker, List<Hit>> hits, GuardContext context, ConversationRules.Facts before) {
            this.text = text;
            this.hits = hits;
            this.context = context;
            this.before = before;
        }

        Verdict verdict() {
            minors();
            minorsEarlierInConversation();
            nonConsent();
            nonConsentEarlierInConversation();
            incest();
            bestiality();
            selfHarm();
            sexualContent();
            romanceWithAMinor();
            harmful();
            if (has(Marker.DISCLOSURE) || (has(Marker.DISCLOSURE_WEAK) && (has(Marker.MINOR) || has(Marker.FAMILY)))) {
                support = true;
                observed.add(Category.S3);
                notes.add("support:disclosure");
            }
            // Telling of what is done to them and asking whom to tell, with no wish and no story frame: help-seeking
            // ("my stepdad comes into my room at night and it makes me uncomfortable, I don't know who to tell").
            if ((has(Marker.DISCLOSURE) || has(Marker.DISCLOSURE_WEAK))
                    && has(Marker.HELP)
                    && !has(Marker.FRAMING)
                    && !has(Marker.DESIRE)
                    && violations.isEmpty()) {
                support = true;
                notes.add(HELP_SEEKING + " (disclosure)");
            }
            // A parent or teacher asking how to report or handle what is done to a child in their care.
            if (has(Marker.CARER)
                    && has(Marker.CARE_QUESTION)
                    && !has(Marker.FRAMING)
                    && !has(Marker.DESIRE)
                    && !has(Marker.MINOR_SEXUALISING)
                    && violations.isEmpty()
                    && context.stage() == Stage.INPUT) {
                support = true;
                notes.add(HELP_SEEKING + " (carer)");
            }
            if (ownLife()) {
                notes.add(OWN_LIFE);
            }
            if (animalCare()) {
                notes.add(ANIMAL_CARE);
            }
            if (violations.isEmpty()) {
                return allowed();
            }
            violations.sort(Comparator.comparingInt(v -> v.policy().ordinal()));
            Set<Category> categories = new LinkedHashSet<>();
            List<String> reasons = new ArrayList<>();
            for (Violation violation : violations) {
                categories.addAll(violation.categories());
                reasons.add(violation.reason());
            }
            Set<Flag> flags = support ? EnumSet.of(Flag.SUPPORT) : EnumSet.noneOf(Flag.class);
            return Verdict.block(violations.getFirst().policy(), sorted(categories), reasons, flags);
        }

        private Verdict allowed() {
            if (!support && !suspicious) {
                List<String> kept = notes.stream()
                        .filter(note -> note.equals(OWN_LIFE) || note.equals(ANIMAL_CARE))
                        .toList();
                return kept.isEmpty()
                        ? Verdict.allow()
                        : new Verdict(true, Policy.NONE, List.of(), kept, EnumSet.noneOf(Flag.class));
            }
            EnumSet<Flag> flags = EnumSet.noneOf(Flag.class);
            if (support) {
                flags.add(Flag.SUPPORT);
            }
            if (suspicious) {
                flags.add(Flag.SUSPICIOUS);
            }
            return new Verdict(true, Policy.NONE, List.copyOf(observed), notes, flags);
        }

        private static List<Category> sorted(Set<Category> categories) {
            List<Category> list = new ArrayList<>(categories);
            // S4 first (the most severe), then S3, S11, S12: the order analytics expect for the primary category.
            list.sort(Comparator.comparingInt(Assessment::severity));
            return list;
        }

        private static int severity(Category category) {
            return switch (category) {
                case S4 -> 0;
                case S3 -> 1;
                case S11 -> 2;
                case S12 -> 3;
                default -> 4 + category.ordinal();
            };
        }

        // ------------------------------------------------------------ the policies

        private void minors() {
            List<Hit> strong = union(Marker.MINOR, Marker.CSAM);
            strong.removeIf(this::staffTitle);
            List<Hit> sexual =
                    union(Marker.SEXUAL, Marker.INTIMATE, Marker.GRAPHIC_ACT, Marker.GENITAL, Marker.MINOR_PREFERENCE);
            sexual.addAll(body());
            List<String> reasons = new ArrayList<>();
            pair(strong, sexual, MINOR_WINDOW, reasons);
            pair(strong, hits(Marker.MINOR_SEXUALISING), MINOR_SEXUALISING_WINDOW, reasons);
            // A verb that means sex only beside its object ("fuck a 9th grader", "banging a high schooler"): as close
            // as a relative must be to make it incest.
            pair(strong, hits(Marker.IMPLIED_ACT), FAMILY_WINDOW, reasons);
            for (Hit act : hits(Marker.ACT_ON_OBJECT)) {
                strong.stream()
                        .filter(minor -> minor.start() >= act.end() && minor.start() - act.end() <= OBJECT_GAP)
                        .findFirst()
                        .ifPresent(minor -> reasons.add(act.id() + " + " + minor.id() + " as its object"));
            }
            List<Hit> explicit = union(Marker.SEXUAL, Marker.GRAPHIC_ACT, Marker.GENITAL);
            explicit.addAll(body());
            pair(hits(Marker.MINOR_WEAK), explicit, MINOR_WEAK_WINDOW, reasons);
            if (context.adultMode()
                    && (has(Marker.FRAMING) || has(Marker.ROMANTIC_DIRECTED))
                    && near(strong, hits(Marker.ROMANTIC), MINOR_ROMANCE_WINDOW)) {
                reasons.add(first(strong) + " + romance in adult mode");
            }
            boolean csamTerm = has(Marker.CSAM);
            if (csamTerm) {
                reasons.add(first(hits(Marker.CSAM)));
            }
            if (has(Marker.MINOR_TERM) && (has(Marker.FRAMING) || isShort() || !sexual.isEmpty())) {
                reasons.add(first(hits(Marker.MINOR_TERM)) + " + request");
            }
            if (reasons.isEmpty()) {
                if ((!strong.isEmpty() && has(Marker.ROMANTIC)) || has(Marker.MINOR_TERM)) {
                    suspect(Category.S4, "suspect:minor + romance or term");
                }
                return;
            }
            if (exemptAsHelp(csamTerm ? List.of() : sexual) || reporting()) {
                helped(Category.S4, reasons);
                return;
            }
            violations.add(new Violation(Policy.MINORS, List.of(Category.S4), String.join("; ", reasons)));
        }

        /**
         * An age under 18 stated earlier in the conversation, or in the character sheet, and sexual intent now. The
         * same help exemption as within one message: a parent asking how to protect their child is answered.
         */
        private void minorsEarlierInConversation() {
            if (violations.stream().anyMatch(v -> v.policy() == Policy.MINORS)) {
                return;
            }
            List<Hit> sexual = union(
                    Marker.SEXUAL,
                    Marker.INTIMATE,
                    Marker.GRAPHIC_ACT,
                    Marker.GENITAL,
                    Marker.BODY_DIRECTED,
                    Marker.MINOR_SEXUALISING,
                    Marker.MINOR_PREFERENCE);
            sexual.addAll(body());
            if (context.adultMode()) {
                sexual.addAll(hits(Marker.ROMANTIC_DIRECTED));
            }
            if (sexual.isEmpty()) {
                return;
            }
            String reason;
            boolean theirChild = false;
            if (before.minorParticipant()) {
                reason = before.participantMinor().getFirst() + " + " + first(sexual);
            } else if (before.minorThirdParty() && THIRD_PERSON.matcher(text).find()) {
                reason = before.thirdPartyMinor().getFirst() + " + " + first(sexual) + " aimed at them";
                theirChild = true;
            } else {
                return;
            }
            // A parent who named their child earlier is the one asking: the child at risk is already known.
            if (exemptAsHelp(sexual, theirChild)) {
                helped(Category.S4, List.of(reason));
                return;
            }
            violations.add(new Violation(Policy.MINORS, List.of(Category.S4), reason));
        }

        /** Someone asleep, drugged, passed out or saying no earlier in the conversation, and sexual intent at them now. */
        private void nonConsentEarlierInConversation() {
            if (!before.someoneIncapacitated()
                    || violations.stream().anyMatch(v -> v.policy() == Policy.NON_CONSENT)
                    || !THIRD_PERSON.matcher(text).find()) {
                return;
            }
            List<Hit> sexual = union(Marker.SEXUAL, Marker.GRAPHIC_ACT, Marker.GENITAL, Marker.BODY_DIRECTED);
            sexual.addAll(body());
            if (sexual.isEmpty() || exemptAsHelp(sexual)) {
                return;
            }
            violations.add(new Violation(
                    Policy.NON_CONSENT,
                    List.of(Category.S3),
                    before.incapacity().getFirst() + " + " + first(sexual) + " aimed at them"));
        }

        private void nonConsent() {
            List<Hit> sexual =
                    union(Marker.SEXUAL, Marker.INTIMATE, Marker.GRAPHIC_ACT, Marker.GENITAL, Marker.IMPLIED_ACT);
            sexual.addAll(body());
            List<Hit> markers = union(Marker.NC_INCAPACITY, Marker.NC_REFUSAL, Marker.NC_FORCE, Marker.NC_COERCION);
            List<String> reasons = new ArrayList<>();
            pair(markers, sexual, NON_CONSENT_WINDOW, reasons);
            for (Hit sleep : hits(Marker.NC_SLEEP)) {
                Pattern object = sleeperObject(sleep);
                for (Hit act : sexual) {
                    if (gap(sleep, act) <= NON_CONSENT_WINDOW && objectNear(act, object)) {
                        reasons.add(sleep.id() + " + " + act.id() + " on the sleeper");
                        break;
                    }
                }
            }
            if (has(Marker.NC_TERM_OBJECT)) {
                reasons.add(first(hits(Marker.NC_TERM_OBJECT)));
            } else if (has(Marker.NC_TERM)) {
                if (has(Marker.FRAMING) || isShort() || !sexual.isEmpty()) {
                    reasons.add(first(hits(Marker.NC_TERM)) + " + request or sexual context");
                } else {
                    suspect(Category.S3, "suspect:non-consent term");
                }
            }
            if (reasons.isEmpty()) {
                return;
            }
            if (exemptAsHelp(sexual)) {
                helped(Category.S3, reasons);
                return;
            }
            violations.add(new Violation(Policy.NON_CONSENT, List.of(Category.S3), String.join("; ", reasons)));
        }

        private void incest() {
            List<Hit> sexual = acts();
            List<String> reasons = new ArrayList<>();
            pair(hits(Marker.FAMILY), sexual, FAMILY_WINDOW, reasons);
            // A participant cast as a relative, in this text or earlier: sexual intent anywhere after it is incest.
            List<Hit> aimed = new ArrayList<>(sexual);
            aimed.addAll(hits(Marker.BODY_DIRECTED));
            if (!aimed.isEmpty()) {
                if (has(Marker.FAMILY_ROLE)) {
                    reasons.add(first(hits(Marker.FAMILY_ROLE)) + " + " + first(aimed));
                } else if (before.relativeCast()) {
                    reasons.add(before.familyRole().getFirst() + " + " + first(aimed));
                }
            }
            if (has(Marker.FAMILY_TERM)) {
                if (has(Marker.FRAMING) || isShort() || !sexual.isEmpty()) {
                    reasons.add(first(hits(Marker.FAMILY_TERM)) + " + request or sexual context");
                } else {
                    suspect(Category.S3, "suspect:incest term");
                }
            }
            if (reasons.isEmpty()) {
                if (near(hits(Marker.FAMILY), hits(Marker.INTIMATE), FAMILY_WINDOW)) {
                    suspect(Category.S3, "suspect:family + intimate");
                }
                return;
            }
            if (exemptAsHelp(sexual)) {
                helped(Category.S3, reasons);
                return;
            }
            violations.add(new Violation(Policy.INCEST, List.of(Category.S3), String.join("; ", reasons)));
        }

        private void bestiality() {
            List<Hit> sexual = acts();
            List<String> reasons = new ArrayList<>();
            for (Hit animal : hits(Marker.ANIMAL)) {
                for (Hit act : sexual) {
                    if (gap(animal, act) <= ANIMAL_WINDOW && !humansBetween(animal, act)) {
                        reasons.add(animal.id() + " + " + act.id());
                        break;
                    }
                }
            }
            if (has(Marker.ANIMAL_TERM)) {
                if (has(Marker.FRAMING) || isShort() || !sexual.isEmpty()) {
                    reasons.add(first(hits(Marker.ANIMAL_TERM)) + " + request or sexual context");
                } else {
                    suspect(Category.S3, "suspect:bestiality term");
                }
            }
            if (!reasons.isEmpty()) {
                violations.add(new Violation(Policy.BESTIALITY, List.of(Category.S3), String.join("; ", reasons)));
            }
        }

        private void selfHarm() {
            // Standing back from the decision ("nobody would stop you", "it's your choice") is encouragement beside
            // dying said softly ("you deserve peace", "it's okay to stop fighting") or where the conversation is about
            // wanting to die; elsewhere it is only kind words.
            boolean permission = has(Marker.SELF_HARM_PERMISSION)
                    && (has(Marker.SELF_HARM_LEAVING) || has(Marker.SELF_HARM_IDEATION) || before.selfHarmEarlier());
            boolean encouragement = has(Marker.SELF_HARM_ENCOURAGEMENT) || permission;
            // After a message about wanting to die, a bare question about a way, an amount or a height asks for the
            // method: "I want to die ;; I have 40 tablets" then "how many should I take".
            boolean followUp = (has(Marker.SELF_HARM_METHOD_DESCRIPTION) || has(Marker.SELF_HARM_FOLLOW_UP))
                    && before.selfHarmEarlier();
            boolean method = has(Marker.SELF_HARM_METHOD)
                    || (has(Marker.SELF_HARM_METHOD_DESCRIPTION) && has(Marker.SELF_HARM_IDEATION))
                    || followUp;
            // A method asked for is blocked like a method given: the refusal points to help (SUPPORT), and the
            // model is never asked for the means. Telling of it ("I've been hiding it with long sleeves") is not
            // asking: that is answered with support.
            boolean asked = method
                    && (context.stage() == Stage.OUTPUT
                            || followUp
                            || REQUEST.matcher(HELP_QUESTION.matcher(text).replaceAll(" "))
                                    .find());
            if (encouragement || asked) {
                support = true;
                String reason = selfHarmReason(permission, followUp);
                violations.add(new Violation(Policy.SELF_HARM, List.of(Category.S11), reason));
                return;
            }
            if (method || has(Marker.SELF_HARM_IDEATION)) {
                support = true;
                observed.add(Category.S11);
                notes.add("support:" + (method ? "self-harm:method-told" : "self-harm:ideation"));
            }
        }

        /** What made a self-harm block: encouragement, standing back beside dying said softly, or the method asked. */
        private String selfHarmReason(boolean permission, boolean followUp) {
            if (has(Marker.SELF_HARM_ENCOURAGEMENT)) {
                return first(hits(Marker.SELF_HARM_ENCOURAGEMENT));
            }
            String after =
                    before.selfHarmEarlier() ? "after " + before.selfHarm().getFirst() : "";
            if (permission) {
                String beside = has(Marker.SELF_HARM_LEAVING)
                        ? first(hits(Marker.SELF_HARM_LEAVING))
                        : has(Marker.SELF_HARM_IDEATION) ? first(hits(Marker.SELF_HARM_IDEATION)) : after;
                return first(hits(Marker.SELF_HARM_PERMISSION)) + " + " + beside;
            }
            String method = first(
                    union(Marker.SELF_HARM_METHOD, Marker.SELF_HARM_METHOD_DESCRIPTION, Marker.SELF_HARM_FOLLOW_UP));
            return followUp && !has(Marker.SELF_HARM_IDEATION) ? method + " " + after : method;
        }

        /**
         * Hate against a protected group (S10: calling it vermin or a disease, calling for its extermination) in every
         * mode and on its own. Instructions for what kills indiscriminately (S9), for hard drugs (S2), or for hurting
         * a person undetected (S1): blocked in every mode when the text asks for them or gives them ({@link #REQUEST} or an instruction
         * word: "steps", "recipe", "instructions", "guide"). A plan to hurt a person undetected is asking in itself.
         */
        private void harmful() {
            // On output too: a reply that gives the procedure names its steps or what "you'll need"; a story that
            // only tells of a bomb does not.
            boolean asked = REQUEST.matcher(text).find()
                    || INSTRUCTIONS.matcher(text).find()
                    || TEACHES.matcher(text).find();
            if (has(Marker.HATE)) {
                violations.add(new Violation(Policy.HARMFUL_CONTENT, List.of(Category.S10), first(hits(Marker.HATE))));
            }
            if (has(Marker.VIOLENCE_PLAN)) {
                violations.add(
                        new Violation(Policy.HARMFUL_CONTENT, List.of(Category.S1), first(hits(Marker.VIOLENCE_PLAN))));
            } else if (asked && has(Marker.WEAPON_MAKING)) {
                violations.add(
                        new Violation(Policy.HARMFUL_CONTENT, List.of(Category.S9), first(hits(Marker.WEAPON_MAKING))));
            } else if (asked && has(Marker.DRUG_MAKING)) {
                violations.add(
                        new Violation(Policy.HARMFUL_CONTENT, List.of(Category.S2), first(hits(Marker.DRUG_MAKING))));
            }
        }

        private void sexualContent() {
            boolean graphic =
                    has(Marker.GRAPHIC_ACT) || near(hits(Marker.GENITAL), hits(Marker.GENITAL_ACTION), GENITAL_WINDOW);
            if (graphic) {
                String reason = has(Marker.GRAPHIC_ACT) ? first(hits(Marker.GRAPHIC_ACT)) : "graphic:genital + action";
                violations.add(new Violation(Policy.SEXUAL_CONTENT, List.of(Category.S12), reason));
                return;
            }
            if (context.adultMode()) {
                return;
            }
            List<Hit> sexual = union(Marker.SEXUAL, Marker.INTIMATE, Marker.BODY_DIRECTED);
            if (sexual.isEmpty()) {
                return;
            }
            // An adult asking a clean character for the scene without its explicit part ("our wedding night, but fade
            // to black") asks for what a clean character may write.
            boolean nonExplicit =
                    has(Marker.NON_EXPLICIT) && context.audience() == Audience.CLEAN && context.stage() == Stage.INPUT;
            if (exemptAsHelp(sexual) || reporting() || sexualHealth(sexual) || nonExplicit) {
                observed.add(Category.S12);
                return;
            }
            String word = sexual.stream()
                    .map(Hit::id)
                    .filter(RuleGuard::notEnglish)
                    .findFirst()
                    .orElse(first(sexual));
            violations.add(new Violation(Policy.SEXUAL_CONTENT, List.of(Category.S12), word + " outside adult mode"));
        }

        /**
         * A minor's prompt turns romantic roleplay off, whatever the character sheet says; a reply (or a greeting, which
         * is screened as one) that courts the user anyway is not delivered. A minor's own messages about a crush are
         * answered: only the output stage is judged.
         */
        private void romanceWithAMinor() {
            if (context.audience() != Audience.MINOR
                    || context.stage() != Stage.OUTPUT
                    || !has(Marker.ROMANCE_WITH_USER)
                    || violations.stream().anyMatch(v -> v.policy() == Policy.SEXUAL_CONTENT)) {
                return;
            }
            violations.add(new Violation(
                    Policy.SEXUAL_CONTENT,
                    List.of(Category.S12),
                    first(hits(Marker.ROMANCE_WITH_USER)) + " to a minor"));
        }

        /**
         * What makes a family or animal mention incest or bestiality: sexual, graphic or genital words, body words and
         * an implied act; not the bed euphemisms, which a family mention makes innocent ("my sister came to bed").
         */
        private List<Hit> acts() {
            List<Hit> acts = union(Marker.SEXUAL, Marker.GRAPHIC_ACT, Marker.GENITAL, Marker.IMPLIED_ACT);
            acts.addAll(body());
            return acts;
        }

        /** Body words count as sexual, except in medical talk that is not a roleplay or writing request. */
        private List<Hit> body() {
            if (has(Marker.MEDICAL) && !has(Marker.FRAMING)) {
                return List.of();
            }
            return hits(Marker.BODY);
        }

        // ------------------------------------------------------------ help, suspicion

        /**
         * A question or an answer about sexual health ("can you get an STI from oral sex?", "pain during intercourse"):
         * sex named only as the act, no roleplay, nothing aimed at the other person, no wish for it.
         */
        private boolean sexualHealth(List<Hit> sexual) {
            return has(Marker.SEX_HEALTH)
                    && sexual.stream().allMatch(hit -> hit.id().equals("sexual:act"))
                    && !has(Marker.FRAMING)
                    && !has(Marker.DESIRE)
                    && !has(Marker.ROMANTIC_DIRECTED)
                    && !has(Marker.GRAPHIC_ACT)
                    && !SEXTING.matcher(text).find();
        }

        /** See {@link #OWN_LIFE}. */
        private boolean ownLife() {
            return violations.isEmpty()
                    && context.stage() == Stage.INPUT
                    && context.audience() != Audience.ADULT_MODE
                    && OWN_MINOR_AGE.matcher(text).find()
                    && !has(Marker.SEXUAL)
                    && !has(Marker.INTIMATE)
                    && !has(Marker.GRAPHIC_ACT)
                    && !has(Marker.GENITAL)
                    && !has(Marker.BODY)
                    && !has(Marker.BODY_DIRECTED)
                    && !has(Marker.IMPLIED_ACT)
                    && !has(Marker.ROMANTIC_DIRECTED)
                    && !has(Marker.ROMANCE_WITH_USER)
                    && !has(Marker.FRAMING)
                    && !has(Marker.MINOR_PREFERENCE)
                    && !has(Marker.MINOR_SEXUALISING)
                    && !has(Marker.NC_INCAPACITY)
                    && !has(Marker.NC_FORCE)
                    && !has(Marker.NC_COERCION)
                    && !has(Marker.NC_REFUSAL)
                    && !has(Marker.FAMILY_ROLE);
        }

        /** See {@link #ANIMAL_CARE}. */
        private boolean animalCare() {
            return violations.isEmpty()
                    && has(Marker.ANIMAL)
                    && (ANIMAL_CARE_WORDS.matcher(text).find() || animalWalkedOrFed() || animalFancier())
                    && !hasAny(
                            Marker.ANIMAL_TERM,
                            Marker.SEXUAL,
                            Marker.INTIMATE,
                            Marker.GRAPHIC_ACT,
                            Marker.IMPLIED_ACT,
                            Marker.ACT_ON_OBJECT,
                            Marker.GENITAL,
                            Marker.GENITAL_ACTION,
                            Marker.BODY,
                            Marker.BODY_DIRECTED,
                            Marker.SEX_HEALTH,
                            Marker.DESIRE,
                            Marker.FRAMING,
                            Marker.NC_INCAPACITY,
                            Marker.NC_SLEEP,
                            Marker.NC_FORCE,
                            Marker.NC_COERCION,
                            Marker.NC_REFUSAL,
                            Marker.NC_TERM,
                            Marker.MINOR,
                            Marker.MINOR_SEXUALISING);
        }

        /** A walking or feeding verb with an animal named right after it: "walks her two greyhounds". */
        private boolean animalWalkedOrFed() {
            Matcher verb = CARE_VERB.matcher(text);
            while (verb.find()) {
                int end = verb.end();
                if (hits(Marker.ANIMAL).stream()
                        .anyMatch(hit -> hit.start() > end && hit.start() <= end + CARE_OBJECT_WITHIN)) {
                    return true;
                }
            }
            return false;
        }

        /** An animal named as what someone is fond of or keeps: "a dog lover", "a cat mom", "horse fans", "rabbit owner". */
        private boolean animalFancier() {
            return hits(Marker.ANIMAL).stream()
                    .anyMatch(hit -> FANCIER.matcher(text)
                            .region(hit.end(), text.length())
                            .lookingAt());
        }

        /** Asking how to report what one found, with no roleplay, desire or graphic act in it. */
        private boolean reporting() {
            return REPORTING.matcher(text).find()
                    && !SEEKING.matcher(text).find()
                    && !has(Marker.FRAMING)
                    && !has(Marker.DESIRE)
                    && !has(Marker.GRAPHIC_ACT)
                    && !has(Marker.MINOR_PREFERENCE);
        }

        /**
         * A combination is not blocked when the message asks for help about it: a help or disclosure marker and the
         * speaker (or their child) as the one at risk; or a parent, teacher or nurse asking how to respond to or
         * protect a child in their care ("is that normal?", "how do I report it?"; not how to teach or tell the child
         * something); or a question about the law that is not about the speaker's own child or pupil. The last two
         * only without the speaker's own wish or part in it ("I want", "with me", "if I have sex with", "to a 15 year
         * old") or a sexualising word. Never with a roleplay or writing frame or anything graphic. The person is
         * answered and shown resources; the output guard still checks the reply.
         */
        private boolean exemptAsHelp(List<Hit> sexual) {
            return exemptAsHelp(sexual, false);
        }

        /** @param victimKnown the conversation already named the speaker's child as the one at risk */
        private boolean exemptAsHelp(List<Hit> sexual, boolean victimKnown) {
            boolean wanting = has(Marker.DESIRE) || has(Marker.MINOR_SEXUALISING);
            boolean asking = (has(Marker.HELP) && (victimKnown || has(Marker.VICTIM)))
                    || (has(Marker.CARER) && has(Marker.CARE_QUESTION) && !wanting)
                    || (has(Marker.LEGAL_QUESTION) && !has(Marker.CARER) && !wanting);
            return asking
                    && !has(Marker.FRAMING)
                    && !has(Marker.GRAPHIC_ACT)
                    && !near(hits(Marker.GENITAL), hits(Marker.GENITAL_ACTION), GENITAL_WINDOW)
                    && sexual.stream().noneMatch(h -> h.marker() == Marker.MINOR_PREFERENCE);
        }

        private void helped(Category category, List<String> reasons) {
            support = true;
            observed.add(category);
            notes.add(HELP_SEEKING + " (" + String.join("; ", reasons) + ")");
        }

        private void suspect(Category category, String note) {
            suspicious = true;
            observed.add(category);
            notes.add(note);
        }

        // ------------------------------------------------------------ geometry

        private Pattern sleeperObject(Hit sleep) {
            int from = Math.max(0, sleep.start() - 30);
            Matcher m = SLEEP_SUBJECT.matcher(text.substring(from, sleep.start()));
            String subject = null;
            while (m.find()) {
                subject = m.group(1);
            }
            String object = switch (subject == null ? "" : subject) {
                case "you", "youre" -> "you";
                case "i", "im" -> "me";
                case "he", "hes", "husband", "boyfriend", "bf", "boy", "man", "guy", "brother", "dad", "son", "him" ->
                    "him";
                case "they", "theyre", "them" -> "them";
                case "" -> "anyone";
                default -> "her";
            };
            return SLEEPER_OBJECTS.get(object);
        }

        private boolean objectNear(Hit act, Pattern object) {
            int from = Math.max(0, act.start() - SLEEPER_OBJECT_WINDOW);
            int to = Math.min(text.length(), act.end() + SLEEPER_OBJECT_WINDOW);
            return object.matcher(text).region(from, to).find();
        }

        /** "my dog is barking while we make love": the people named between are the participants, not the animal. */
        private boolean humansBetween(Hit a, Hit b) {
            int from = Math.min(a.end(), b.end());
            int to = Math.max(a.start(), b.start());
            return from < to
                    && HUMAN_PARTICIPANTS.matcher(text).region(from, to).find();
        }

        private void pair(List<Hit> left, List<Hit> right, int window, List<String> reasons) {
            for (Hit a : left) {
                for (Hit b : right) {
                    if (gap(a, b) <= window) {
                        reasons.add(a.id() + " + " + b.id());
                        return;
                    }
                }
            }
        }

        private static boolean near(List<Hit> left, List<Hit> right, int window) {
            for (Hit a : left) {
                for (Hit b : right) {
                    if (gap(a, b) <= window) {
                        return true;
                    }
                }
            }
            return false;
        }

        private static int gap(Hit a, Hit b) {
            return Math.max(0, Math.max(a.start(), b.start()) - Math.min(a.end(), b.end()));
        }

        private boolean isShort() {
            int words = 1;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == ' ') {
                    words++;
                }
            }
            return words <= SHORT_REQUEST_WORDS;
        }

        /**
         * A school level or grade that names an adult's job ("a 25-year-old kindergarten teacher", "teaches 8th
         * grade"), in a text that names no child at all: no one under 18 is there. With a pupil, a student, a kid or
         * a class in the text the marker stands, whoever the sexual content is aimed at.
         */
        private boolean staffTitle(Hit hit) {
            if (!hit.id().equals("minor:school") && !hit.id().equals("minor:grade")) {
                return false;
            }
            boolean job =
                    STAFF_AFTER.matcher(text).region(hit.end(), text.length()).lookingAt()
                            || STAFF_BEFORE
                                    .matcher(text.substring(Math.max(0, hit.start() - 30), hit.start()))
                                    .find();
            return job && !CHILD_WORDS.matcher(text).find();
        }

        private boolean has(Marker marker) {
            return hits.containsKey(marker);
        }

        private boolean hasAny(Marker... markers) {
            for (Marker marker : markers) {
                if (has(marker)) {
                    return true;
                }
            }
            return false;
        }

        private List<Hit> hits(Marker marker) {
            return hits.getOrDefault(marker, List.of());
        }

        private List<Hit> union(Marker... markers) {
            List<Hit> all = new ArrayList<>();
            for (Marker marker : markers) {
                all.addAll(hits(marker));
            }
            return all;
        }

        private static String first(List<Hit> hits) {
            return hits.isEmpty() ? "" : hits.getFirst().id();
        }
    }
}
