package com.companion.platform.guard.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The meaning-bearing patterns, grouped by {@link Marker}. A single marker almost never blocks anything on its own:
 * {@link RuleGuard} combines them (a minor marker near a sexual marker, a non-consent marker near a sexual marker, ...).
 * Terms are written in {@link TermPattern}'s language over {@link com.companion.platform.guard.Normalizer normalised}
 * text, so {@code sex} also matches {@code s3x}, {@code ｓｅｘ}, {@code s e x} and {@code seeexxx}.
 */
final class Lexicon {

    /** What a pattern says about the text. */
    enum Marker {
        /** A person stated or implied to be under 18: age, grade, school level, childlike description. */
        MINOR,
        /** Terms that are about sexualised minors by themselves (loli, jailbait, child porn, cp links). */
        CSAM,
        /** Words about paedophilia that need a request or roleplay frame to block ("pedo roleplay"). */
        MINOR_TERM,
        /** Weak age cues that block only right next to a sexual word ("hot teen sex"). */
        MINOR_WEAK,
        /** "the younger the better": sexual intent only next to a minor marker. */
        MINOR_PREFERENCE,
        /** "so hot", "describe her body": sexualising only close to a minor marker. */
        MINOR_SEXUALISING,
        /** Sexual acts, nudity, arousal, sexual touching, porn: what clean mode does not allow. */
        SEXUAL,
        /** Bed and bedroom euphemisms: suggestive, but not enough to make a family or animal mention incest. */
        INTIMATE,
        /** Body and nudity words: breasts, naked, lingerie, undress. */
        BODY,
        /** Body words aimed at someone: "your breasts", "get naked", "undress me". */
        BODY_DIRECTED,
        /** Soreness, rashes, breastfeeding, puberty: body words there are not sexual. */
        MEDICAL,
        /** Kissing, cuddling, flirting: allowed everywhere, but not with a minor in adult mode. */
        ROMANTIC,
        /** Romance aimed at the participants ("kiss me", "we make out"). */
        ROMANTIC_DIRECTED,
        /**
         * The character courting the user ("*kisses your cheek*", "I love you, my darling", "our date was perfect", "be
         * my girlfriend"): what a reply to a minor never says. Narrower than {@link #ROMANTIC_DIRECTED}, so that advice
         * about a minor's own crush ("did he kiss you?", "does he want to be your boyfriend?") is not read as it.
         */
        ROMANCE_WITH_USER,
        /**
         * Slang verbs that are sexual when a minor is their direct object ("fingered a 9th grader", "came inside a
         * preteen") and mean something else elsewhere. Not "blew" or "pounded", whose object is as often a child's
         * thing ("the wind blew a little girl's hat away").
         */
        ACT_ON_OBJECT,
        /**
         * A bare question about a way, an amount or a height ("which one is the fastest", "how many should I take", "is
         * that high enough?"): asking for a method only after a recent message about wanting to die.
         */
        SELF_HARM_FOLLOW_UP,
        /** Sexual health: infections, protection, contraception, sexual pain and dysfunction. */
        SEX_HEALTH,
        /** Genital words: graphic only together with a {@link #GENITAL_ACTION}. */
        GENITAL,
        GENITAL_ACTION,
        /** Explicit sexual acts: graphic on their own. */
        GRAPHIC_ACT,
        /**
         * "Do it with her" said without a sexual word (Hinglish "uske saath karna hai"): sexual only next to a
         * non-consent, family or animal marker, never on its own.
         */
        IMPLIED_ACT,
        /** Unconscious, drugged, drunk, unable to consent, without her knowing. */
        NC_INCAPACITY,
        /** Asleep: non-consent only when the sleeper is the object of the sexual act. */
        NC_SLEEP,
        /** Begging to stop, saying no, not stopping, ignoring protests. */
        NC_REFUSAL,
        /** Force, pinning down, taking anyway. */
        NC_FORCE,
        /** Blackmail, coercion, kidnapping, hidden cameras. */
        NC_COERCION,
        /** Rape, non-con, CNC, sexual assault, molest: block with a request frame, a sexual word or an object. */
        NC_TERM,
        NC_TERM_OBJECT,
        /** A family relation: my sister, step-mom, brother and sister. */
        FAMILY,
        FAMILY_TERM,
        /**
         * A participant of the roleplay cast as a relative: "roleplay as my stepmom", "your character is Lily, my
         * daughter", "we're stepsiblings", "I'm your dad". Sexual intent anywhere in that text or later in the
         * conversation is incest, however far from it.
         */
        FAMILY_ROLE,
        /**
         * Asking for the scene without its explicit part: "fade to black", "keep it PG-13", "skip the spicy part". A
         * clean character can write a wedding night that way.
         */
        NON_EXPLICIT,
        /**
         * Content named only to rule it out, or a scene kept consensual: "no sexual content", "nothing romantic or
         * sexual", "non-sexual", "never give self-harm methods", "sin contenido sexual", "stops if you say stop". What
         * the other markers find inside it does not count ({@link #scan}); what follows it still does.
         */
        RULED_OUT,
        /** A real animal. */
        ANIMAL,
        ANIMAL_TERM,
        /** Roleplay or writing requests: pretend, imagine, story, describe, let's. */
        FRAMING,
        /** Help-seeking, disclosure, education: exempts a combination when there is no framing and nothing graphic. */
        HELP,
        /** Disclosure of abuse: always a support flag. */
        DISCLOSURE,
        DISCLOSURE_WEAK,
        /** The speaker or their child is the one at risk: "I'm 15", "pressuring me", "my daughter is being groomed". */
        VICTIM,
        /** The speaker's own child, or the children in their care: "my 9 year old", "my toddler", "my pupils". */
        CARER,
        /** A carer's question about responding to or protecting the child: "is that normal", "how do I report it". */
        CARE_QUESTION,
        /** A question about the law: "is sexting between two 16 year olds illegal", "is that assault?". */
        LEGAL_QUESTION,
        /** The speaker's own wish or part in it: "I want", "turns me on", "with me", "if I sleep with". */
        DESIRE,
        SELF_HARM_IDEATION,
        SELF_HARM_ENCOURAGEMENT,
        SELF_HARM_METHOD,
        SELF_HARM_METHOD_DESCRIPTION,
        /**
         * Leaving the decision to the other person and standing back ("nobody would stop you", "it's your choice and I
         * support it", "I won't try to talk you out of it", "don't tell your therapist"): encouragement only beside
         * {@link #SELF_HARM_LEAVING} or where the conversation is about wanting to die; kind words elsewhere.
         */
        SELF_HARM_PERMISSION,
        /**
         * Dying said softly ("you deserve peace", "it's okay to stop fighting", "quiet forever", "too beautiful for this
         * world", "a pact"): comfort on its own, encouragement beside {@link #SELF_HARM_PERMISSION}.
         */
        SELF_HARM_LEAVING,
        /**
         * A protected group called vermin, a disease or subhuman, or a call to exterminate or purge it (S10): "gay people
         * are diseased animals", "les musulmans sont des rats qu'il faut exterminer".
         */
        HATE,
        /** Making a weapon that kills indiscriminately: a bomb, an explosive, a nerve agent, an untraceable gun. */
        WEAPON_MAKING,
        /** Making hard drugs: cooking meth, synthesising fentanyl. */
        DRUG_MAKING,
        /** Harming a person and not being caught: "how to poison someone without getting caught". */
        VIOLENCE_PLAN
    }

    record Rule(int index, Marker marker, String id, Pattern pattern, Set<Character> firstCharacters) {}

    record Hit(Marker marker, String id, int start, int end) {}

    /** A normalised text and what {@link #scan} found in it. */
    record Scan(String normalized, Map<Marker, List<Hit>> hits) {}

    private static final String NUM_DIGITS = "(?:1[0-7]|[1-9])(?![0-9])";
    private static final String TENS = "(?<!(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety) )";
    private static final String NUM_WORDS =
            "(?:four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)(?![a-z])";
    private static final String NUM_WORDS_ALL = "(?:one|two|three|" + NUM_WORDS.substring(3);

    /** Not right after words that deny, report or feel what follows ("it's not true that nobody would miss you"). */
    private static final String NOT_DENIED = "(?<!(?:not true that|isnt true that|false that|dont think|never think"
            + "|not that|lie that|lies that|say that|said that|feel like|feels like|believe that) )";

    /** "year old" and its short forms, spelled as a term (its letters may repeat, unlike a raw fragment's). */
    /**
     * "Nobody will miss you as much as I will": the farewell of a friend, not urging. Follows the missing phrases of
     * self-harm encouragement in every language they are written in.
     */
    private static final String NOT_COMPARED = "(?!(?: [a-z]+){0,3} (?:more than (?:me|i)|as much as (?:me|i)"
            + "|like (?:me|i)|mas que yo|tanto como yo|como yo|so wie ich|so sehr wie ich|mehr als ich|autant que moi"
            + "|plus que moi|comme moi|quanto eu|mais (?:do )?que eu|como eu|quanto me|piu di me|come me)(?![a-z]))";

    /** Not a view reported or asked about: "many argued that", "is it true that", "the myth that". */
    private static final String NOT_REPORTED =
            "(?<!(?:argued|said|believed|thought|claimed|think|believe|say|says|argue"
                    + "|claim|true|myth|lie|idea|conspiracy|theory) )(?<!(?:argued|said|believed|thought|claimed|think|believe|say"
                    + "|says|argue|claim|true|myth|lie|idea|conspiracy|theory) that )";

    private static final String YEARS_OLD = "(?:y ?o|yrs? ?olds?|years? ?olds?|yr olds?|year olds?)";

    /**
     * Someone urging someone else, for the self-harm encouragement rules: not denied ("don't tell him to"), not a victim
     * telling what was said to them ("she kept telling me to").
     */
    private static final String NOT_URGING =
            "(?<!(?:dont|not|never|doesnt|wont|didnt|stop|stops|stopped|stopping|keeps|kept|keep|used to|always"
                    + "|been|would|was|were|is|are|started|starts|start) )";

    private static final Map<String, String> FRAGMENTS = Map.of(
            "N", "(?:" + NUM_DIGITS + "|" + TENS + NUM_WORDS + ")",
            "TEEN_WORDS", "(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)(?![a-z])",
            "NALL", "(?:" + NUM_DIGITS + "|" + TENS + NUM_WORDS_ALL + ")",
            "UNITS",
                    "(?! ?(?:minutes?|mins?|hours?|hrs?|h|days?|weeks?|wks?|months?|mos?|years?(?! ?old)|yrs?(?! ?old)"
                            + "|inch\\w*|cm|mm|m|meters?|metres?|km|miles?|feet|ft|foot|kgs?|lbs?|pounds?|stones?"
                            + "|dollars?|bucks|euros?|percent|pct|points?|pts|times|am|pm|o ?clock|of|out of|k|gb|mb"
                            + "|people|persons?|players?|guests?|items?|pages?|chapters?|episodes?|seasons?|levels?"
                            + "|cups?|grams?|g|mg|ml|l|oz|degrees?|stars?|votes?|hundred|thousand|million|billion"
                            + "|more|left|and a half|[0-9])(?![a-z]))",
            "ORD",
                    "(?:1st|2nd|3rd|[4-9]th|1[0-2]th|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
                            + "|tenth|eleventh|twelfth)",
            // Someone urging someone else, for the self-harm encouragement rules: not denied ("don't tell him to"), not
            // a victim telling what was said to them ("she kept telling me to", "he told me to").
            "NOT_URGING", NOT_URGING,
            "URGED",
                    NOT_URGING + "(?:encourag\\w*|convinc\\w*|persuad\\w*|tell"
                            + "|tells|telling|dare|dares|dared|daring|urge|urges|urged|urging|push|pushes|pushing|goad\\w*"
                            + "|order|orders|ordering|get|gets|getting|make|makes|making|cheer|cheers|cheering)"
                            + " (?:me|him|her|them|us|you|u|(?!not |never |how |what |where |when |why )[a-z]+"
                            + "|(?:my|your|his|her|their|that|this|the|some|a|an)(?: (?!not |never )[a-z]+){1,2})(?: on)?",
            // Protected groups, for the hate rule (plural: a group, not a person).
            "GROUP",
                    "(?:jews|jewish people|muslims|muslim people|christians|blacks|black people|gays|gay people|gay men"
                            + "|lesbians|queers|trans people|transgender people|trannies|immigrants|migrants|refugees"
                            + "|mexicans|arabs|asians|chinese people|indians|hindus|sikhs|gypsies|roma|roma people"
                            + "|romani people|women|disabled people|the disabled|latinos|hispanics|africans|catholics"
                            + "|homosexuals|lgbt people|lgbtq people|palestinians|israelis)",
            "GROUP_OTHER",
                    "(?:les |los |os |die |gli |i )?(?:juifs|musulmans|noirs|arabes|immigres|migrants|homosexuels|gays"
                            + "|judios|musulmanes|negros|inmigrantes|homosexuales|judeus|muculmanos|imigrantes"
                            + "|juden|muslime|schwarzen|auslander|migranten|schwule|ebrei|musulmani|neri|immigrati"
                            + "|zingari|froci)",
            "MINOR_NOUNS",
                    "(?:surgery|surgeries|keys?|leagues?|leaguers?|details?|injury|injuries|issues?|problems?|changes?"
                            + "|characters?|roles?|thirds?|chords?|scales?|mistakes?|things?|accidents?|bugs?|updates?"
                            + "|versions?|edits?|adjustments?|fix|fixes|points?|cuts?|parts?|damage|burns?|offen[cs]es?"
                            + "|crimes?|planets?|setbacks?|concerns?|differences?|players?|in|spoilers?|inconvenience"
                            + "|annoyance|tweaks?|improvements?|revisions?|repairs?|illness|complications?|procedures?"
                            + "|operation|infractions?|violations?|errors?|glitch|glitches|road|roads|pentatonic|seventh"
                            + "|sixth|mode|progression|tones?|notes?|celebrity|league|scratch|scratches|bruises?|flaws?"
                            + "|delays?|headaches?|hiccups?|gripes?|complaints?)(?![a-z])");

    /**
     * How a feeling or a treatment is compared to a child's: "I feel like a child when she scolds me", "he treats me like
     * a kid", "I cried like a baby". Nobody in it is a child. "Looks like a child" is not one of them ({@code
     * minor:looks}), nor "act like a kid", which a roleplay asks of a character.
     */
    private static final String SIMILE = "(?:feel|feels|felt|feeling|cry|cries|cried|crying|sleep|sleeps|slept"
            + "|sleeping|whine|whines|whined|whining|sulk|sulks|sulked|sulking|giggle|giggled|giggling|me|us) like";

    private static final String NOT_A_SIMILE = "(?<!" + SIMILE + " )";

    /** What a creator or a user rules out ("no sexual content"), for {@link Marker#RULED_OUT}. */
    private static final String CONTENT_EN = "(?:sexual|sexually|sex|nsfw|smut|smutty|lewd|erotic|erotica|romantic"
            + "|romance|spicy|steamy|kinky|flirting|flirty|flirtation|intimate|intimacy|explicit|graphic)";

    private static final String CONTENT_NOUN = "(?: (?:content|stuff|themes?|material|scenes?|roleplay|role play|rp"
            + "|erp|talk|acts?|activity|activities|references?|innuendo|descriptions?|situations?|interactions?"
            + "|undertones?|elements?|tension|behaviou?r|anything|things|jokes|comments|advances|relationships?"
            + "|interest|feelings|language|details?|moments?|topics?))?";

    private static final String RULING_OUT = "(?:no|nothing|non|never|without|zero|avoid|avoids|avoiding"
            + "|free of|strictly no|absolutely no|no more|none of the)";

    private static final String REFUSING = "(?:dont|do not|never|wont|will not|must not|mustnt|shouldnt|should not"
            + "|cannot|cant|doesnt|does not|refuses? to|not allowed to|isnt allowed to|is not allowed to)";

    /** Spanish and Portuguese share these words but for their plurals. */
    private static final String CONTENT_ES_PT = "(?:sexual|sexuales|sexuais|sexo|romantic[oa]s?|romance|erotic[oa]s?"
            + "|explicit[oa]s?|nsfw|picante|subid[ao] de tono)";

    private static final String CONTENT_FR = "(?:sexuel|sexuelle|sexuels|sexuelles|sexe|romantique|romantiques"
            + "|romance|erotique|erotiques|explicite|explicites|nsfw|coquin|coquine)";

    private static final String CONTENT_DE = "(?:sex|sexuelle[nrs]?|sexuell|erotische[nrs]?|erotik|romantische[nrs]?"
            + "|romantik|romanze|explizite[nrs]?|nsfw)";

    private static final String CONTENT_IT = "(?:sessuale|sessuali|sesso|romantico|romantica|romantici|romantiche"
            + "|romance|erotico|erotica|erotici|esplicito|esplicita|espliciti|nsfw|piccante|piccanti)";

    private static final List<Rule> RULES = new ArrayList<>();

    private static void rule(Marker marker, String id, String term) {
        for (String alternative : TermPattern.alternatives(term)) {
            Pattern pattern = TermPattern.compile(alternative, FRAGMENTS);
            RULES.add(new Rule(RULES.size(), marker, id, pattern, TermPattern.firstCharacters(pattern)));
        }
    }

    static {
        // ---------------------------------------------------------------- minors
        rule(
                Marker.MINOR,
                "minor:age",
                "<NALL> ?(?:y ?o|yrs? ?olds?|years? ?olds?|yr olds?|year olds?|years? of age|months? olds?)");
        // "I'm 15", "she's 16", "turned 15": a stated age. Bare copulas ("there are 3 ...") only count for 10-17,
        // or with a person as the subject, since small numbers after "is"/"are" are usually counts.
        rule(
                Marker.MINOR,
                "minor:stated-age",
                "(?:im|i m|i am|shes|she s|she is|hes|he s|he is|youre|you re|you are|ur|u r|u are|whos|thats"
                        + "|theyre|turned|turning"
                        + "|turns|aged?|ages|barely|not even|looks?|looked|looking)"
                        + "(?: (?:about|like|maybe|around|only|just|barely|actually|really|still|not even|now|already"
                        + "|finally|supposedly|technically|almost|nearly))? <N><UNITS>");
        rule(
                Marker.MINOR,
                "minor:subject-age",
                "(?:girls?|boys?|kids?|child|(?:step|grand|god)?(?:daughter|son)s?|sisters?|brothers?|nieces?"
                        + "|nephews?|cousins?|character|persona|gf|bf|girlfriend|boyfriend|students?|friends?|crush"
                        + "|partner|who|she|he|they|you|u|i) (?:is|s|was|are|re|were|m|am)"
                        + "(?: (?:about|like|maybe|around|only|just|barely|actually|really|still|not even|now|already"
                        + "|finally|supposedly|technically|almost|nearly))? <N><UNITS>");
        rule(
                Marker.MINOR,
                "minor:copula-age",
                "(?:is|are|was|were|be|being|only|just|actually|really|still|barely|almost|nearly|not even)"
                        + "(?: (?:only|just|barely|actually|really|still|not even|almost|nearly))?"
                        + " (?:1[0-7](?![0-9])|<TEEN_WORDS>)<UNITS>");
        rule(
                Marker.MINOR,
                "minor:person-age",
                "(?:girls?|boys?|kids?|teens?|children|child|daughters?|sons?|sisters?|brothers?|students?|gf|bf"
                        + "|girlfriend|boyfriend|nieces?|nephews?|cousins?|character|persona|she|he)"
                        + " (?:aged? |of )?<N><UNITS>");
        rule(Marker.MINOR, "minor:age-sex-tag", "1[0-7][fm]");
        rule(
                Marker.MINOR,
                "minor:grade",
                "<ORD> ?(?:grade|graders?)|grade ?(?:[1-9]|1[0-2]|one|two|three|four|five|six|seven|eight|nine|ten"
                        + "|eleven|twelve)(?![0-9a-z])|(?:in|a|to|from|into) year (?:[1-9]|1[0-3]|seven|eight|nine|ten"
                        + "|eleven)(?![0-9a-z])|year (?:[1-9]|1[0-3]) (?:students?|pupils?|girls?|boys?|kids?)");
        rule(
                Marker.MINOR,
                "minor:school",
                "middle ?school(?:ers?)?|junior ?high(?: ?school(?:ers?)?)?|grade ?school(?:ers?)?"
                        + "|elementary ?school(?:ers?)?|primary school(?:ers?)?|kindergarten(?:ers?)?|kindergartners?"
                        + "|pre ?school(?:ers?)?|nursery school|high ?schoolers?"
                        + "|(?:in|at|goes to|attends|attending|still in) high ?school"
                        + "|high ?school (?:girls?|boys?|students?|freshman|freshmen|sophomores?|juniors?|cheerleaders?"
                        + "|kids?)|(?:freshman|freshmen|sophomores?) in high ?school|school ?girls?|school ?boys?");
        rule(
                Marker.MINOR,
                "minor:term",
                "underage|under ?age|under ?(?:18|eighteen)|not (?:yet )?(?:18|eighteen)(?: yet)?|pre ?teens?"
                        + "|tweens?|lolita|toddlers?|infants?|newborns?|" + NOT_A_SIMILE
                        + "(?:a|the|that|this) baby(?! (?:face|faced|faces|voice|pink|blue|steps?|shower|oil|powder"
                        + "|carrots?|spinach|monitor|bump|fat|hairs?|wipes?|food|back ribs)(?![a-z]))|babies"
                        + "|pre ?pubescent|pubescent|before (?:she|he) (?:hit|hits|went through) puberty"
                        + "|(?:hasnt|has not|havent|not) (?:hit|gone through|started|reached) puberty|childlike"
                        + "|child ?like|childs (?:body|face|figure)|body of a (?:child|kid|little girl|little boy|minor"
                        + "|toddler)|little (?:girls?|boys?|kids?)|lil (?:girls?|boys?)|young (?:girls?|boys?|teens?"
                        + "|child|children|kids?)|tiny (?:girls?|boys?)|" + NOT_A_SIMILE
                        + "(?:a|the|only a|just a|still a|some) (?:child"
                        + "|kid)|(?<!(?:my|our|your|his|her|their) )(?<!" + SIMILE
                        + " a )child|minor (?:girls?|boys?|child|kids?|females?"
                        + "|males?|users?|students?)|(?:a|is|still|with|being|am|im|are|were|was|shes|hes|youre"
                        + "|technically|legally|underage|about|involving|of|sexualizing|sexualising|sexual|for)"
                        + " minors?(?! <MINOR_NOUNS>)|minors(?! <MINOR_NOUNS>)|csam|minors?(?= (?:sex|porn\\w*|nudes?"
                        + "|naked|nude|erotic\\w*|hentai|smut|pics?|roleplay|rp|fetish|kink)(?![a-z]))");
        // Life-stage cues that only a child has: the things and milestones of early childhood (not children's shows:
        // adults watch them too).
        rule(
                Marker.MINOR,
                "minor:life-stage",
                "training bras?|booster seats?|sippy cups?|still in (?:diapers|nappies|pull ?ups)|(?:hasnt|has not"
                        + "|havent|have not|hadnt|had not) (?:had|started|gotten|got) (?:her|his|their|my) (?:first )?"
                        + "period|(?:lost|losing|loses) (?:her|his|their) (?:first )?baby teeth|(?:lost|losing|loses)"
                        + " (?:her|his|their) (?:first )?(?:baby )?tooth");
        // Just short of 18: "almost 18", "turns 18 in March", "before she turns 18", "13 candles on her cake".
        rule(
                Marker.MINOR,
                "minor:almost-18",
                "(?:almost|nearly|not quite|just under|barely under|shy of) (?:18|eighteen)(?![0-9])<UNITS>"
                        + "|(?:turns|turning|turn|will be|gonna be|going to be) (?:18|eighteen) (?:in|next|soon|this"
                        + "|on|after)(?![a-z])|(?:before|until|till|til) (?:she|he|they|i|you|u) (?:turns?|is|are|am|m"
                        + "|s|re) (?:18|eighteen)(?![0-9])");
        rule(
                Marker.MINOR,
                "minor:birthday",
                "<N> candles (?:on|in) (?:her|his|the|their|my|your) (?:birthday )?cake|cake (?:had|has|with) <N>"
                        + " candles|(?:her|his|their|my|your) <ORD> birthday (?:cake|party)");
        rule(
                Marker.MINOR,
                "minor:upper-bound",
                "(?:no|not|never) older than <N>|younger than (?:<N>|18|eighteen)(?! ?(?:years|yrs|minutes))"
                        + "|(?:under|below) the age of (?:<N>|18|eighteen)");
        // An approximate age is an age when it describes a person: "a teenage girl, maybe 15".
        rule(
                Marker.MINOR,
                "minor:approximate-age",
                "(?:girls?|boys?|kids?|teens?|teenagers?|child|she|he|daughters?|sons?|students?|cheerleaders?"
                        + "|nieces?|nephews?|sisters?|brothers?) (?:maybe|about|around|like|probably|roughly"
                        + "|approximately|barely|only|just|not even) <N><UNITS>");
        rule(
                Marker.MINOR,
                "minor:looks",
                "looks? (?:like |about |barely |only |under )?(?:a |an )?(?:child|kid|little girl|little boy|minor"
                        + "|preteen|schoolgirl|<NALL>(?: year old)?<UNITS>)(?![0-9])|looks? younger than (?:18|eighteen)"
                        + "|(?:body|face) of a (?:child|kid|<NALL> year old)|body (?:is )?still developing"
                        + "|flat chested child");
        rule(
                Marker.CSAM,
                "minor:csam-term",
                "lolis?|loli ?con|lolicon|shotas?|shota ?con|shotacon|jail ?bait|child ?porn\\w*|kiddie ?porn"
                        + "|kiddy ?porn|cp (?:links?|vids?|videos?|pics?|content|trade|collection|folder|stash)"
                        + "|(?:child|kid|kiddie) (?:sex|nudes|nude pics)|pthc|preteen (?:nudes|porn|sex)"
                        + "|(?:im|i am|i m|were|we are) (?:really |so |very )?(?:into|attracted to) (?:underage|preteens?"
                        + "|young (?:girls|boys|teens)|little (?:girls|boys)|minors|school ?girls|school ?boys|lolis"
                        + "|jailbait)|(?:sexually )?attracted to (?:children|kids|minors|little (?:girls|boys)"
                        + "|underage)");
        // Age play acts out a child role, so it is treated like the paedophilia terms.
        rule(
                Marker.MINOR_TERM,
                "minor:pedo-term",
                "pedo\\w*|paedo\\w*|pedophil\\w*|paedophil\\w*|ddlg|ddlb|mdlg|mdlb|cgl|age ?play\\w*"
                        + "|little ?space|abdl");
        rule(
                Marker.MINOR_WEAK,
                "minor:weak",
                "teens?|teenagers?|teenage|teeny|teenie|barely legal|school ?uniforms?|students?|pupils?|kids"
                        + "|children|(?:my|our|your|his|her|their) (?:child|children|kids?|babies|baby|sons?"
                        + "|daughters?)");
        // Sexual interest that names no act: counted only near a minor marker (like the sexual words), and never as
        // sexual content on its own ("fantasizing about the holidays").
        rule(
                Marker.MINOR_PREFERENCE,
                "minor:preference",
                "the younger the better|younger is better|i (?:\\w+ )?fantasi[sz]\\w* about|i (?:\\w+ )?(?:want|wanna"
                        + "|wanted|need) to touch|(?:normal|wrong|ok|okay|bad) to want to touch|(?:urges?|temptation)"
                        + " to touch|i (?:get|got|am getting|m getting|keep getting) (?:hard|wet|aroused)|(?:makes|made)"
                        + " me (?:hard|wet)");
        // Words that sexualise only when they describe a minor; weather and food keep "hot" innocent.
        rule(
                Marker.MINOR_SEXUALISING,
                "minor:sexualising",
                "describe (?:her|his|their|your) (?:naked )?(?:body|figure|curves|chest|legs|butt)|(?:having|had"
                        + "|have|has) an affair|affair with"
                        + "|(?:her|his) body in bed|hot body|hottie|(?:body|chest|breasts|boobs) (?:is|are) (?:so |very "
                        + "|well |already )?(?:developed|mature|curvy)|(?:well|so|very|fully) developed"
                        + "|(?<!(?:it s|its|it is|weather is|day is|today is"
                        + "|it was|sun is|room is|water is|soup is|tea is|car is) )(?:so|is|shes|hes|she s|he s"
                        + "|looks|really|super|very) (?:hot|sexy)(?! (?:today|outside|out|in here|weather|day"
                        + "|summer|tea|coffee|water|chocolate|sauce|food|pan|stove|oven|bath|shower)(?![a-z]))");

        // ---------------------------------------------------------------- sexual
        rule(
                Marker.SEXUAL,
                "sexual:act",
                "(?<!(?:about|same|opposite|biological|safe|safer) )sex(?! (?:of|education|ed|offenders?|abuse"
                        + "|trafficking|workers?|crimes?|drive|ratio|differences?|chromosomes?|determination|cells?"
                        + "|hormones?|assigned|change|reassignment|positive|negative)(?![a-z]))|sexy|sexier|sexiest"
                        + "|sexily|sexi|(?<!(?:abuso|abusos|violencia|violencias|acoso|educacion|educacao|salud|saude|orientacion"
                        + "|orientacao|assedio|agresion|agresiones|explotacion|exploracao|delito|delitos|infeccion|infeccoes"
                        + "|transmision|transmissao|identidad|identidade|diversidad|diversidade|consentimiento|consentimento"
                        + "|abuse) )sexual(?:ly)?(?! (?:assault\\w*|abus\\w*|harass\\w*|health|orientation"
                        + "|identity|education|misconduct|violen\\w*|predators?|exploit\\w*|consent|development|knowledge"
                        + "|behaviou?rs?"
                        + "|reproduction|selection|dimorphism|active|transmitted)(?![a-z]))|steamy (?:scenes?|story"
                        + "|stories|romance|night|sex|chapter|fic|moments?|session)|sext|sexts|sexted|sexting|make love|makes love"
                        + "|making love|made love|love ?making|(?<!(?:dog|dogs|cat|cats|puppy|kitten|pet|pets|baby|babies|kid"
                        + "|kids|son|daughter|toddler|child|children|old|boy|girl|teddy|bear) )sleep(?:s|ing)? with"
                        + " (?:me|you|her|him|them|us)"
                        + "|slept with (?:me|you|her|him|them)|sleep(?:s|ing)? together|slept together"
                        + "|hook(?:s|ed|ing)? up(?= (?:with (?:me|you|her|him|them|someone|(?:a|an|the|my|your|his|her"
                        + "|this|that) [a-z]+)|tonight|in|at|again|later"
                        + "|now|secretly)(?![a-z])|$)|(?:have|has|had|having) (?:my|your|his|her|their) way with"
                        + "|make it (?:hot|sexy|steamy|spicy|dirty|explicit|nsfw|kinky|raunchy|x ?rated|erotic)"
                        + "|intercourse|love ?scenes?|sex ?scenes?|wedding night|consummat\\w*|do to (?:her|him|me|you) in bed|foreplay"
                        + "|orgasm\\w*|seduc\\w*|erotic\\w*|porn\\w*|nsfw|lewd|smut\\w*|hentai|yaoi|kinky|kinks?"
                        + "|fetish\\w*|bdsm|talk dirty|talking dirty|dirty talk|naughty things|do naughty|get naughty"
                        + "|(?:dirty|naughty|sexy|kinky|spicy|erotic) (?:stor(?:y|ies)|stuff|things|games|pics?|photos?"
                        + "|roleplay|rp|chat|talk)|(?:take|takes|took|taking) (?:you|her|him|me) (?:right )?(?:there"
                        + "|roughly|hard|from behind|against the wall|on the (?:floor|table|desk|bed))"
                        + "|masturbat\\w*|jerk(?:s|ed|ing)? off|jack(?:s|ed|ing)? off|touch(?:es|ed|ing)? (?:my|your"
                        + "|him|her)self|virginity|sex slaves?|sex toys?|skinny dipping|begging for it|ravish\\w*"
                        + "|mount(?:s|ed|ing)? (?:me|you|her|him)|climb(?:s|ed|ing)? on top of (?:me|you|her|him)"
                        + "|do it with (?:me|you|her|him)|bed (?:her|him)|bedded|mate with (?:me|you|her|him|it|them)"
                        + "|get(?:s|ting)? off with (?:me|you|her|him|it|them)"
                        + "|(?:push|pushes|pushed|pushing|force|forces|forced|forcing|slide|slides|slid|sliding|thrust"
                        + "|thrusts|thrusting|enter|enters|entered|entering) (?:himself |herself |itself |it )?"
                        + "(?:inside|into) (?:her|him|me|you)(?! (?:arms|room|house|car|office)(?![a-z]))");
        // Slang for sex that readers of fan fiction and chat know; each form is one no other sense shares.
        rule(
                Marker.SEXUAL,
                "sexual:slang",
                "lemon (?:fics?|fanfics?|scenes?|story|stories|chapters?|pls|plz|please)|(?:write|writes|wrote"
                        + "|writing) (?:me |us )?(?:a |an |the |another )?(?:spicy |full |nsfw )?lemon"
                        + "(?! (?:cake|tart|pie|bars?|curd|cookies?|muffins?|drizzle|glaze|juice|water|tree|recipe"
                        + "|chicken|sauce|dressing|sorbet|squares?|loaf)(?![a-z]))"
                        + "|(?:things|it all|it|we|they|you|i) (?:get|gets|got|getting|gotten) (?:steamy|hot and heavy)"
                        + "|(?:let|make|makes|making) (?:it|things) (?:get )?(?:steamy|hot and heavy)|hot and heavy"
                        + "|(?:go|goes|going|went|gone) all the way(?! (?:to|home|up|down|back|across|through|around"
                        + "|there|in|out|from|over|along|into|inside|past|round)(?![a-z]))"
                        + "|(?:do|write|writing|get to|skip to|continue|go to|start|now|with) (?:the |to the |an |some )?explicit"
                        + " (?:part|parts|bits?|scenes?|stuff)"
                        + "|(?:wanna|want to|tryna|trying to|gonna|going to|would (?:you|u|ya)|let s|lets|to) smash"
                        + "(?! (?:this|that|the|a|an|my|your|his|its|it|some|those|these|every|all|any|bugs?|records?"
                        + "|goals?|level|levels|boss|bosses|game|games|button|buttons|patriarchy|glass|ceiling|box"
                        + "|bros|brothers|hit|hits|test|tests|exams?|through|down|up|or pass)(?![a-z]))");
        rule(
                Marker.SEXUAL,
                "sexual:undressing",
                "nudes|noodz|noods|nudez|nudies|strip(?:s|ped|ping)? (?:for (?:me|you|us|him|her)|naked|down|tease|show|poker|club|her|him"
                        + "|me|you|them|off)|stripping(?! (?:paint|wallpaper|furniture|wires?|the))|strippers?"
                        + "|strip ?tease|take (?:off )?(?:your|my|her|his|their) clothes|clothes off|(?:take|takes|took"
                        + "|taking) (?:it|them|everything) off for (?:you|me)|(?:slip|slips|slipped|slipping|pull|pulls"
                        + "|pulled|pulling|tear|tears|tore|tearing|rip|rips|ripped|ripping|take|takes|took|taking|peel"
                        + "|peels|peeled|peeling) (?:off|out of) (?:your|my|her|his|their) (?:[a-z]+ ){0,2}(?:dress|clothes"
                        + "|shirt|blouse"
                        + "|top|skirt|pants|jeans|bra|panties|underwear|robe|towel|uniform|bikini|swimsuit|nightgown)"
                        + "|(?:tear|tears|tore|tearing|rip|rips|ripped|ripping|pull|pulls|pulled|pulling|tug|tugs|tugged"
                        + "|tugging) (?:off |at )?(?:your"
                        + "|my|her|his|their) (?:clothes|dress|shirt|blouse|bra|panties|underwear|uniform)"
                        + "|unbutton\\w* (?:your|my|her|his|their) (?:blouse|shirt|dress|jeans|pants|uniform)"
                        + "|wearing nothing|nothing on but|butt naked|skinny dipping"
                        + "|(?:get|gets|got|getting) (?:her|him|you|me|them) out of (?:those|these|her|his|your|my|their"
                        + "|the) (?:clothes|dress|pants|jeans|shirt|underwear|uniform|pajamas|pyjamas)"
                        + "|(?:pull|pulls|pulled|pulling|yank\\w*|tug\\w*|slide|slides|slid|sliding) (?:down|off)"
                        + " (?:her|his|your|my|their) (?:pants|panties|jeans|shorts|skirt|underwear|trousers|boxers)"
                        + "|(?:pull|pulls|pulled|pulling|yank\\w*|tug\\w*) (?:her|his|your|my|their) (?:pants|panties"
                        + "|jeans|shorts|skirt|underwear|trousers|boxers) (?:down|off)|unzip\\w* (?:her|his|your|my"
                        + "|their) (?:jeans|pants|dress|fly|trousers|shorts)|unbuckl\\w* (?:her|his|your|my|their)"
                        + " (?:belt|jeans|pants)|(?:take|takes|took|taking|pull|pulls|pulled|pulling|slip|slips|slipped"
                        + "|slipping|peel\\w*|rip|rips|ripped|ripping|tear|tears|tore|tearing|strip\\w*|yank\\w*|tug\\w*)"
                        + " (?:off )?(?:her|his|your|my|their) (?:dress|clothes|shirt|blouse|top|skirt|pants|jeans|bra"
                        + "|panties|underwear|robe|towel|uniform|bikini|swimsuit|nightgown|nightie|pajamas|pyjamas|shorts"
                        + "|boxers|briefs|thong|lingerie|tights|stockings|leggings) (?:off|down)"
                        + "|(?:hand|hands|fingers) (?:under|up|inside|into|down) (?:her|his|your"
                        + "|my|their) (?:shirt|skirt|dress|top|blouse|clothes|pants|panties|underwear|bra)");
        // Body and nudity words: sexual next to a minor, family, animal or non-consent marker (unless the talk is
        // medical), but in clean mode only when aimed at someone ("your breasts", "get naked").
        rule(
                Marker.BODY,
                "body",
                "naked(?! (?:eye|truth|mole|flame|ambition|aggression|without)(?![a-z]))|nude(?! (?:colou?r\\w*"
                        + "|shades?|tones?|lipstick|lip|heels|shoes|pumps|makeup|palette|paintings?|portraits?|art"
                        + "|statues?|sculptures?|drawings?|study|figure|eyeshadow|nail\\w*|beige|pink|stockings"
                        + "|tights)(?![a-z]))|nudity|topless|bottomless|undress\\w*|unclothed|disrobe\\w*"
                        + "|in (?:my|your|her|his|their) (?:underwear|panties|bra|lingerie)|lingerie|panties|thongs?"
                        + "|g ?string|(?<!(?:chicken|turkey|duck|goose|quail|pheasant) )breasts|boobs|boobies|tits|titties|nipples?|private parts|privates|genitals?"
                        + "|genitalia|crotch|naked body|bare (?:breasts|chest|body|skin)");
        rule(
                Marker.BODY_DIRECTED,
                "body:directed",
                "(?:your|ur) (?:naked |nude |bare )?(?:breasts|boobs|boobies|tits|titties|nipples|private parts"
                        + "|privates|genitals|crotch|lingerie|panties|thong|bra|underwear)|(?:see|show|send|touch"
                        + "|feel|grab|squeeze|suck|lick|kiss)\\w* (?:me )?(?:your|ur|her|his|my) (?:naked |nude |bare )?"
                        + "(?:breasts|boobs|boobies|tits|titties|nipples|body|private parts|privates|genitals|crotch)"
                        + "|(?:get|getting|got|be|being|go|going|stay|lie|lying|sleep|sleeping|swim|swimming|lets get)"
                        + " (?:completely |totally |fully |all )?(?:naked|nude|topless)|(?:naked|nude) (?:for|with"
                        + "|in front of|together|in bed|under)|(?:youre|you are|im|i am|were|we are) (?:completely "
                        + "|totally |fully |all )?(?:naked|nude|topless)|undress\\w* (?:me|you|for (?:me|you))"
                        + "|(?:your|my|her|his) (?:naked|nude) body|naked body against|(?:to|with|see|show|want) (?:me"
                        + "|you) (?:naked|nude)");
        // Symptoms and conditions, not places or professions: "at the doctor's" must not unlock body words.
        rule(
                Marker.MEDICAL,
                "medical",
                "sore|soreness|rash|rashes|itch\\w*|infection|infected|pain\\w*|hurts?|bleed\\w*|cancer|lumps?"
                        + "|swelling|swollen|discharge|breast ?feed\\w*|nursing|puberty|periods?|mammogram|biopsy"
                        + "|ultrasound|pregnan\\w*|symptoms?|diagnos\\w*|mastitis|eczema|acne");
        rule(
                Marker.SEX_HEALTH,
                "sex-health",
                "stis?|stds?|sexually transmitted|herpes|hpv|gonorrh\\w*|chlamydia|syphilis|hiv|condoms?|dental dams?"
                        + "|contracepti\\w*|birth control|vaginismus|dyspareunia|erectile dysfunction|sexual health"
                        + "|safe sex|safer sex|lubricants?|pap smears?|gyn(?:a)?ecolog\\w*|libido|menopaus\\w*"
                        + "|(?:painful|pain during|bleeding after|bleeding during) (?:sex|intercourse)"
                        + "|(?:get|getting|got|become|becoming) pregnant|pregnancy (?:tests?|risk|scare)|ovulat\\w*"
                        + "|morning after pill|plan b pill");
        rule(
                Marker.SEXUAL,
                "sexual:arousal",
                "horny|hornier|aroused|arousal|arousing|turned on|turns me on|turning me on|turn me on"
                        + "|wet for (?:you|me)|hard for (?:you|me)|(?<!(?:keine|kein|hab|habe|hast|hat|haben|hatte|hatten|habt|viel|grosse|mehr|null|richtig|echt) )"
                        + "lust(?:s|ful|fully|fulness|y|ier|iest|ing|ed)?(?![a-z])(?! (?:auf|zu|darauf|dazu|habe|hab|hast"
                        + "|haben|hat|mehr|noch)(?![a-z]))|moan(?:s|ed|ing)?(?! about)|panting for");
        rule(
                Marker.SEXUAL,
                "sexual:touch",
                "touch(?:es|ed|ing)? (?:me|you|her|him|them) (?:there|down there|everywhere|all over|inappropriately"
                        + "|sexually|between)|touch(?:es|ed|ing)? (?:my|your|her|his|their) (?:body|bodies|breasts?"
                        + "|chest|thighs?|private parts|privates|genitals?|crotch|butt|bottom|ass|nipples?|boobs|tits)"
                        + "|feel(?:s|ing)? (?:me|you|her|him) up|grop\\w*|fondl\\w*|molest\\w*"
                        + "|(?:kiss|kisses|kissed|kissing|lick|licks|licked|licking|nibbl\\w*) (?:my|your|her|his)"
                        + " (?:neck|body|chest|thighs?|breasts?|stomach|navel|collarbone|inner thighs?|hips)"
                        + "|kiss(?:es|ed|ing)? (?:me|you|her|him) (?:everywhere|all over)|between (?:my|your|her|his)"
                        + " (?:legs|thighs)|spread(?:s|ing)? (?:my|your|her|his) legs|(?:my|your|her|his) (?:naked )?"
                        + "body against (?:mine|yours|his|hers)|what (?:youd|you d|you would) do to my body"
                        + "|what (?:id|i d|i would) do to your body|(?:want|wants|wanted|wanting|need|needs|begs?|begged"
                        + "|asks?|asked) (?:you|me|him|her|them) to touch (?:her|him|me|you|them)(?! (?:hand|face|hair"
                        + "|arm|shoulder|cheek)(?![a-z]))|(?:do|did|doing) (?:to|with) (?:her|his|their) body"
                        + "|(?:lick|licks|licked|licking|rub|rubs|rubbed|rubbing|kiss|kisses|kissed|kissing|finger\\w*)"
                        + " (?:me|her|him|you|them) (?:down there|there|between)");
        rule(
                Marker.SEXUAL,
                "sexual:fuck",
                "fuck(?:ing)? me (?:hard\\w*|now|please|baby|daddy|all night|until|so (?:good|hard|deep)|slow\\w*"
                        + "|gently|deep\\w*|like|again|tonight|in|on|from|against)"
                        + "|fuck(?:s|ed|ing)? (?:her|him|them)(?! (?:up|over|off|all|anyway|whatever)(?![a-z]))"
                        + "|(?:want|wanna|wants|wanted|gonna|lets|let s|love|need|needs|to|and|then|now|will|can|could"
                        + "|would|should|please|gotta|just) (?:to )?fuck(?! (?:up|off|around|this|that|it|with (?:my"
                        + "|your) (?:head|mind))(?![a-z]))|being fucked|get fucked|got fucked|getting fucked"
                        + "|fucked (?:me|you)(?! (?:over|up)(?![a-z]))|fuck buddy|fucking (?:me|her|him)(?! (?:up"
                        + "|over)(?![a-z]))");
        // "I fuck you", "I'm fucking a horse", "describe fucking her": the verb with a subject (or a request) before it
        // and a person or a thing after it. Without one, "fuck you" and "fuck this homework" are curses, and with
        // "up" or "over" after the object ("they fucked the whole thing up") the verb means ruin.
        rule(
                Marker.SEXUAL,
                "sexual:fuck-object",
                "(?:i|we|he|she|they|you|u|ill|i ll|well|we ll|hell|he ll|shell|she ll|theyll|they ll|youll|you ll|id"
                        + "|i d|im|i m|i am|were|we re|hes|he s|shes|she s|theyre|they re|youre|you re|keep|keeps|kept"
                        + "|start|starts|started|describe|describing|imagine|imagining|about"
                        + "|roleplay|rp|write|writing|love|loves|like|likes|enjoy|enjoys|let me|lemme|gonna|wanna"
                        + "|going to|want to|wants to|try to|tried to)(?: (?:just|really|totally|actually|then|now|also"
                        + "|still|always|secretly|slowly|finally|gently|roughly|hard|going to|gonna|gotta))?"
                        + " fuck(?:s|ed|ing)? (?:you|u|ya|me|her|him|them|us|a|an|some|every|each|both|my|your|his"
                        + "|their|our|the)(?! (?:up|over|off|around|about|all|anyway|whatever|life|lives|day|brain|mind"
                        + "|minds|head|heads|luck|chances?|grades?|job|plans?|rules|system|police|world|haters|homework"
                        + "|tests?|exams?|game|games|phone|car|thing|things|idea|wifi|internet|weather|traffic|money"
                        + "|school|class|lot|mess|joke|bit|little|whole|entire|project|deal|order|vibe|mood)(?![a-z]))"
                        + "(?!(?: [a-z]+){1,2} (?:up|over)(?![a-z]))");
        // Verbs that mean sex only next to an animal, a relative or a minor ("screwing a horse", "fuck a goat", "bang
        // my sister", "rail her", "finger him", "knock her up", "get laid"), never on their own: "screw the lid on",
        // "banged the door", "fuck a duck". Not "hump" or "mount"
        // (the dog humps a leg, a rider mounts a horse) nor "breed".
        rule(
                Marker.IMPLIED_ACT,
                "implied:verb-object",
                "fuck(?:s|ed|ing)? (?:a|an)|rail(?:s|ed|ing)? (?:her|him|me|you|them|my|your|his|their|a|an)(?! (?:line|bump|lines"
                        + "|bumps)(?![a-z]))"
                        + "|suck(?:s|ed|ing)? (?:(?:her|him|me|you|them|a|an|my|your|his|their|the)(?: [a-z]+)? )?off"
                        + "(?! (?:the|a|an|my|your|his|her)? ?(?:floor|table|plate|spoon|fingers?|bone|skin)(?![a-z]))"
                        + "|(?:eat|eats|eating|ate) (?:her|him|me|you|them) out|(?:eat|eats|eating|ate) out (?:my|your|his|their|a|an)"
                        + "(?! (?:lot|few|bit|couple|little|restaurant|place|cafe|diner|burger|pizza|meal)(?![a-z]))|finger(?:s|ed|ing)? (?:her|him|me|you|them)"
                        + "(?! (?:for|as|to|out)(?![a-z]))|fingerbang\\w*|finger ?fuck\\w*|deflower\\w*|knock(?:s|ed|ing)?"
                        + " (?:her|a|an|my|your|his|their)(?: [a-z]+)? up|knock(?:s|ed|ing)? up (?:her|a|an|my|your|his|their)"
                        + "|(?:get|gets|getting|got) laid(?! off(?![a-z]))"
                        + "|(?:screw|screws|screwed|screwing|shag|shags|shagged|shagging|bang|bangs"
                        + "|banged|banging) (?:a|an|the|her|him|me|you|them|my|your|his|their)(?! (?:up|over|door|doors"
                        + "|drum|drums|wall|walls|head|lid|table|pots?|pans?|shelf|shelves|bolt|bolts|screws?|rules"
                        + "|system|cap|top)(?![a-z]))");
        // Slang aimed at the other person that means sex and little else ("I'd rail you", "let me eat you out", "give
        // me
        // head", "wanna 69"): sexual outside adult mode. Not "pound you" or "smash you" alone (a game), nor "ride".
        rule(
                Marker.SEXUAL,
                "sexual:slang-directed",
                "(?:rail|rails|railed|railing|plow|plows|plowed|plowing|plough\\w*|shag|shags|shagged|shagging|bone"
                        + "|boning|finger|fingering) (?:you|u|ya|me)(?![a-z])(?! (?:up|off|out|for|as|to)(?![a-z]))"
                        + "|eat (?:you|u|me) out|eating (?:you|u|me) out|(?:give|gimme|giving|gave) (?:me|you|u) head"
                        + "|(?:go|going|went|goes) down on (?:you|u|me)|sit on my face|(?:wanna|want to|lets|let s|gonna)"
                        + " (?:69|sixty nine|bone|shag)(?![a-z0-9])|(?:wanna|want to|lets|let s|gonna) (?:smash|bang)"
                        + " (?:you|u|me|rn|tonight)(?![a-z])|seggs|fuk(?:k|ing)? (?:me|you|u|rn)"
                        + "|hit it from (?:the )?back|do the nasty|(?:pound|pounding|ride|riding) (?:you|u|me) (?:until"
                        + "|till|so hard|hard|all night|senseless|into the)|grind on me till");
        rule(
                Marker.SEXUAL,
                "sexual:request",
                "send (?:me )?(?:nudes|nude pics|naked pics|a (?:sexy|naughty|dirty|nude|naked) (?:pic|photo"
                        + "|picture|selfie))");
        rule(
                Marker.INTIMATE,
                "intimate:bed",
                "(?:take|takes|took|taking) (?:you|me|her|him) to bed|come to bed|(?:come|get|climb|crawl|hop|jump"
                        + "|slip|slide|sneak)(?:s|ing)? (?:in|into) (?:bed|my bed|your bed)(?: with (?:me|you))?"
                        + "|(?:into|in|to) bed together|(?:go|going|goes|went) to bed with (?:me|you|her|him)|pull(?:s|ed|ing)? (?:you|me|her|him) (?:into|onto) (?:bed"
                        + "|the bed|my bed)|pull(?:s|ed|ing)? (?:you|me|her|him) under the (?:covers|sheets|blanket)"
                        + "|(?:get|getting|got) under the (?:covers|sheets)|join (?:me|you) in bed|spend (?:the|all"
                        + "|the whole|all the) (?:whole )?(?:night|weekend|day|morning) in bed|(?:take|taking|took)"
                        + " (?:it|this|things) to the bedroom|(?:first|one|last) night together|spend the night"
                        + " (?:with (?:me|you|her|him)|together)|(?:sneaks?|slides?|slips?|crawls?|climbs?) into"
                        + " (?:my|your|her|his) bed|(?:hot|good|naughty|wild|things) in bed"
                        + "|(?:fall|falls|fell|falling) onto the (?:bed|sheets)|wants? you in bed"
                        + "|(?:get|got|getting|gets|take|took|taking|lure\\w*|bring\\w*|carry\\w*|drag\\w*) (?:her"
                        + "|him|you|them|me) (?:into|to|in) (?:bed|my bed|your bed|the bedroom|my bedroom|my room)"
                        + "|(?:stuff|things|it) in bed");
        rule(
                Marker.ROMANTIC,
                "romantic",
                "kiss\\w*|smooch\\w*|make out|makes out|making out|made out|cuddl\\w*|snuggl\\w*|hold(?:ing)? hands"
                        + "|flirt\\w*|(?:on|onto|in) (?:my|your|his|her) lap|romantic\\w*|romance|love scene"
                        + "|(?:want|wants|wanting|desire|desires|crave|craves) (?:me|you|him|her)(?! to(?![a-z]))");
        rule(
                Marker.ROMANTIC_DIRECTED,
                "romantic:directed",
                "(?:kiss\\w*|cuddl\\w*|snuggl\\w*|flirt\\w*|make out|making out|made out) (?:with )?(?:me|you)"
                        + "|(?:you|i|we|lets|let s) (?:kiss|cuddle|snuggle|make out|flirt)\\w*"
                        + "|wants? to (?:kiss|make out|cuddle)");
        rule(
                Marker.ACT_ON_OBJECT,
                "act:on-object",
                "(?:finger|fingers|fingered|fingering|came inside|cum inside|cums inside|cumming inside|nut inside"
                        + "|nutted inside)");
        rule(
                Marker.ROMANCE_WITH_USER,
                "romance:with-user",
                "(?<!(?:he|she|they|him|her|them|someone|somebody|anyone|anybody|everyone|nobody|people|guy|girl|boy"
                        + "|boyfriend|girlfriend|crush|partner|did|does|if|when|who|ever|didnt|doesnt|never|not) )"
                        + "(?<!(?:him|her|them|he|she|they|crush|boyfriend|girlfriend|partner|someone|anyone) (?:to"
                        + "|wants to|wanted to|tried to|try to|trying to) )kiss(?:es|ed|ing)? (?:you|u|your (?:lips"
                        + "|cheeks?|neck|forehead|hands?|nose))|kiss me|hold me close|(?:cuddle|cuddling|snuggle"
                        + "|snuggling|make out|making out|hold hands|holding hands|spoon|spooning)(?: up)? with (?:you|u"
                        + "|me)|(?:be|im|i m|i am) my (?:girlfriend|boyfriend|gf|bf|valentine|wife|husband|lover)"
                        + "|(?:im|i m|i am) your (?:girlfriend|boyfriend|gf|bf|valentine|wife|husband|lover)"
                        + "|in love with you|(?:falling|fallen|fell) for you|our (?:first )?date|(?:go|going|went) on a"
                        + " date with (?:me|you)|marry me|our (?:wedding|honeymoon)|(?:love|miss|adore|want) you(?: so"
                        + " much| so bad| more than anything)? (?:my love|my darling|darling|sweetheart|babe|baby|my dear"
                        + "|honey)|(?:my love|my darling|darling|sweetheart|babe|baby|my dear|honey) i (?:love|miss|adore"
                        + "|want) you|(?:our|a) (?:little|special) secret(?! (?:until|till|for|from|about the) (?!us|me)(?![a-z]))"
                        + "|(?:dont|do not|never) tell (?:your|ur) (?:parents|mom|mum|dad|mother|father|family) about"
                        + " (?:us|me|this|our|what we|talking)|(?:nobody|no one|noone) (?:needs|has) to know about us"
                        + "|delete (?:our|these|the) (?:chats?|messages) so|so (?:your|ur) (?:parents|mom|dad|mum)"
                        + " (?:dont|do not|wont|will not|cant|can t) (?:see|find|know)|(?:lets|let s|we should|we could) be a couple|(?:im|i m|i am)"
                        + " yours forever|hold you in my arms|my darling|my love(?! (?:of|for)(?![a-z]))|babe(?![a-z])");

        // ---------------------------------------------------------------- graphic
        rule(
                Marker.GENITAL,
                "graphic:genital",
                "(?<!(?:such a|what a|being a|be a|total|complete|absolute|real|moby|such an|you|little) )(?:dicks?"
                        + "|cunts?|pussy|pussies)(?! (?:to|about|move|moves|head|heads|cats?|willows?)(?![a-z]))|(?<!(?:weather|game|barnyard|farmyard|moor) )cocks?(?! (?:of the walk|and bull|a doodle"
                        + "|doodle)(?![a-z]))|penis\\w*"
                        + "|clits?|clitoris|vaginas?|vaginal|vulvas?|labia|testicles?|ballsack|scrotum|erections?"
                        + "|boners?|semen|anus|buttholes?|shafts?|cum(?! laude)|cumming|cums|jizz|precum");
        rule(
                Marker.GENITAL_ACTION,
                "graphic:action",
                "suck\\w*|lick\\w*|strok\\w*|rid(?:e|es|ing)|rode|rub\\w*|finger\\w*|spread\\w*|penetrat\\w*"
                        + "|thrust\\w*|slid(?:e|es|ing)?|deep|deeper|inside|hard|harder|wet|wetter|dripping|throbbing"
                        + "|swollen|tast\\w*|pics?|photos?|pictures?|show(?:s|ing)?|grab\\w*|squeez\\w*|pound\\w*"
                        + "|shov\\w*|jerk\\w*|begging for|explod\\w*|bounc\\w*|in (?:my|your|her|his) mouth|moan\\w*"
                        + "|tight|erect|getting hard|so hard|describ\\w*|in detail");
        rule(
                Marker.GRAPHIC_ACT,
                "graphic:act",
                "blow ?jobs?|hand ?jobs?|rim ?jobs?|foot ?jobs?|tit ?jobs?|cum ?shots?|(?<!(?:boston|banana|coconut|chocolate|lemon|strawberry|lime|vanilla) )cream ?pies?|deep ?throat\\w*"
                        + "|anal (?:sex|penetration|play|fuck\\w*)|fuck(?:s|ed|ing)? (?:her|his|my|your) (?:ass|mouth"
                        + "|throat|face|pussy)|fingering (?:me|her|him|myself|yourself|herself)|doggy ?style|ride me"
                        + "|riding (?:me|him)|ride (?:his|my|your) (?:cock|dick|face)|cum (?:in|on|inside|all over"
                        + "|for me|down)|ejaculat\\w*|explode in (?:my|your|her|his) mouth|hardcore (?:porn|sex|scene"
                        + "|fuck\\w*)|gang ?bang\\w*|bukkake|(?:lick|licks|licked|licking|suck|sucks|sucked|sucking)"
                        + " (?:my|your|his|her) (?:balls|nipples|tits|ass|asshole|clit|pussy|cock|dick)|sixty ?nine"
                        + "|face ?sitting|face ?fuck\\w*|tits bouncing|bouncing tits|(?:came|cum|cums|cumming|comes"
                        + "|coming|finish\\w*|explod\\w*) (?:deep )?inside (?:her|him|me|you)|(?:came|comes|coming)"
                        + " (?:in|on|all over) (?:her|his|my|your) (?:mouth|face|chest|tits|pussy|ass)");

        // ---------------------------------------------------------------- non-consent
        rule(
                Marker.NC_INCAPACITY,
                "nc:incapacity",
                "unconscious|passed out|out cold|blacked out|black ?out drunk|knocked out|(?:get|gets|got|getting"
                        + "|make|makes|made) (?:her|him|them) (?:so |really |very |blackout |black out )?(?:drunk|wasted"
                        + "|high|hammered)|knock(?:s|ed|ing)? (?:her|him|them|you|me)"
                        + " out|roofie\\w*|rohypnol|date rape drug"
                        + "|drugged|drug(?:s|ging)? (?:her|him|them|you|me)|drug (?:her|his|their|your) drinks?"
                        + "|(?:spike|spikes|spiked|spiking) (?:her|his|their|your) drinks?|(?:put|puts|putting|slip"
                        + "|slips|slipped|slipping) (?:something|a pill|pills|a roofie|drugs?|a drug) (?:in|into)"
                        + " (?:her|his|their|your|my) drinks?|too drunk|drunk enough|drunk girl|drunk woman"
                        + "|too (?:sleepy|weak|tired|high|wasted|groggy|drowsy|out of it|drugged) to (?:resist|fight"
                        + " back|fight (?:me|him|it)|say no|stop (?:me|him|it)|push (?:me|him) away)"
                        + "|out of it|(?:cant|can t|cannot|couldnt|unable to|not able to|too drunk to) (?:consent"
                        + "|say no|stop (?:him|her|it|me|you))|(?:she|he|they|you|her|him) (?:cant|can t|cannot|couldnt"
                        + "|is unable to|was unable to|is too drunk to) (?:resist|fight back|move)|(?:wont|will not|never)"
                        + " remember|without (?:her|his|their|your|my) (?:consent|permission|knowing|knowledge)"
                        + "|sedated|(?:in a|a) coma|comatose|(?:hypnoti[sz]ed|under (?:a|his|her|my|your) (?:spell"
                        + "|trance)) (?:[a-z]+ ){0,6}(?:obeys?|cant|can t|cannot|unable|against)"
                        + "|against (?:her|his|their|your|my) will|without (?:them|her|him|anyone|people) (?:noticing"
                        + "|knowing)");
        rule(
                Marker.NC_SLEEP,
                "nc:asleep",
                "(?:asleep|sleeping|sleeps)(?! (?:bag|bags|pills?|schedule|pattern|habits?|well|better|in|on the"
                        + " couch|late)(?![a-z]))");
        rule(
                Marker.NC_REFUSAL,
                "nc:refusal",
                "(?<!if i |if you |if she |if he |if they )(?:begging|begs|begged|beg|pleading|pleads|pleaded|plead"
                        + "|screaming|screams|screamed|scream|crying|cries|cried|yelling|yells|yelled|says|said"
                        + "|saying|say|tells|told|telling|tell|asks|asked|asking|whispers|whispered)(?: (?:me|him|you"
                        + "|her|them|us))?(?: to)? (?:stop|no)(?! (?:one|matter|doubt|longer|more|problem|idea|way"
                        + "|worries|sweat|kidding|joke|thanks|need|time)(?![a-z]))|even (?:though|when|if|after)"
                        + " (?:she|he|you|i|they) (?:say|says|said|scream|screams|screamed|beg|begs|begged|tell|tells"
                        + "|told|ask|asks|asked)|(?:doesnt|didnt|wont|won t|never|refuses? to|refused to) (?:stop"
                        + "|take no)|ignor\\w* (?:your|her|his|their|my) (?:protests?|pleas?|cries|screams|no)"
                        + "|(?:doesnt|didnt|does not|did not) want (?:it|to)|not consenting|no consent"
                        + "|struggl\\w* (?:against|to (?:get|break) free)|ignor\\w* (?:your|her|his|their|my) (?:sobs|tears"
                        + "|crying|begging|struggl\\w*|objections?|refusal)|fight(?:s|ing)? back|(?:pretend|pretends"
                        + "|pretending) to resist|resists|(?:while|as|but) (?:she|he|you|they) (?:cries|is crying"
                        + "|s crying|are crying|cry|screams|struggles|resists|fights)");
        rule(
                Marker.NC_FORCE,
                "nc:force",
                "forc(?:e|es|ed|ing) (?:himself|herself|themselves|yourself|myself) (?:on|onto|upon|inside|into)"
                        + "|forc(?:e|es|ed|ing) (?:her|him|me|you|them|us) (?:to|into|down|onto|on|inside)"
                        + "|forced (?:sex|intercourse|oral)|by force|(?:take|takes|took|taking|have|has|had) (?:her"
                        + "|him|me|you|them) (?:anyway|anyways|by force|against)|pin(?:s|ned|ning)? (?:her|him|me"
                        + "|you|them) down|hold(?:s|ing)? (?:her|him|me|you|them) down|held (?:her|him|me|you|them)"
                        + " down|despite (?:her|his|your|my|their) (?:protests?|pleas?|cries|screams|struggles?)"
                        + "|forces? (?:himself|herself)");
        rule(
                Marker.NC_COERCION,
                "nc:coercion",
                "blackmail\\w*|coerc\\w*|threaten\\w* (?:her|him|them|you|me|to)|by threatening|kidnap\\w*"
                        + "|abduct\\w*|sex slaves?|slave girl|hidden cam\\w*|spy ?cam\\w*|secretly (?:film|record"
                        + "|watch)\\w*|(?:spy|spying|peep|peeping) on (?:her|him|them|women|girls|my)|upskirt\\w*"
                        + "|creep ?shots?|grope strangers|(?:without|before) (?:them|her|him) (?:noticing|knowing)"
                        + "|trafficked");
        rule(
                Marker.NC_TERM,
                "nc:term",
                "rap(?:e|es|ed|ing|ist|ists|ey)(?! of (?:nanking|nanjing|the sabine|the sabines|europa|belgium|lucrece"
                        + "|proserpina|persephone|the lock)(?![a-z]))|date rape|rape ?play|non ?con(?:sent|sensual)?|noncon\\w*"
                        + "|(?:cant|can t|cannot|unable to|not able to|too drunk to|too young to) consent"
                        + "|whether (?:you|she|he|they|i) (?:wants?|likes?) it or not"
                        + "|non consensual|cnc|sexual assault\\w*|sexually assault\\w*|molest\\w*|somno\\w*"
                        + "|(?:abduction|kidnap|forced|forced sex) (?:fantasy|fantasies|roleplay|kink|fetish|play"
                        + "|porn)");
        rule(
                Marker.NC_TERM_OBJECT,
                "nc:term-object",
                "forc(?:es|ed|ing) (?:himself|herself|themselves|myself|yourself) (?:on|upon) (?:her|him|me|you|them)|"
                        + "rap(?:e|es|ing) (?:her|him|you|them|a (?:girl|woman|boy|man|child|kid)|the (?:girl|woman|boy"
                        + "|man))|molest(?:s|ing)? (?:her|him|you|them)");

        // ---------------------------------------------------------------- incest
        rule(
                Marker.FAMILY,
                "family:relation",
                "(?:my|your|his|her|our|their|own|real|biological|actual) (?:own |real |biological |actual |little "
                        + "|first |second "
                        + "|big |older |younger |twin |baby |kid |half ?|step ?)?(?:sisters?|brothers?|mom|mum"
                        + "|mother|dad|father|sons?|daughters?|aunts?|auntie|uncles?|nieces?|nephews?|grandma"
                        + "|grandmother|granny|grandpa|grandfather|granddaughters?|grandsons?|siblings?|cousins?)");
        rule(
                Marker.FAMILY,
                "family:step",
                "step ?(?:sisters?|sis|brothers?|bro|moms?|mothers?|mum|dads?|fathers?|sons?|daughters?|siblings?"
                        + "|mommy|daddy)");
        rule(
                Marker.FAMILY,
                "family:pair",
                "(?:brothers?|sisters?|siblings?|twins?|mothers?|moms?|mums?|fathers?|dads?|daddy|mommy|sons?"
                        + "|daughters?|aunts?|uncles?|nieces?|nephews?|grandpas?|grandmas?)"
                        + " (?:(?:and|n|x|with|on) (?:his |her |their )?(?:own |grown |grown up |adult |older |younger"
                        + " |little |big |biological |real |twin |long lost |estranged |(?:[0-9]{1,3}|<NALL>) ?"
                        + YEARS_OLD + " )*)?"
                        + "(?:brothers?|sisters?|siblings?|twins?|mothers?|moms?|mums?|fathers?|dads?|sons?|daughters?"
                        + "|nieces?|nephews?|granddaughters?|grandsons?)|twin (?:brothers|sisters)|siblings|twins"
                        + "|granddaughters?|grandsons?");
        rule(Marker.FAMILY_TERM, "family:term", "incest\\w*|family sex|familial sex|taboo family");

        // ---------------------------------------------------------------- animals
        rule(
                Marker.ANIMAL,
                "animal:species",
                "(?<!(?:dirty|lucky|hot|top|sly|old|sea) )dogs?|doggies|pupp(?:y|ies)|canines?|cats?|kittens?"
                        + "|horses?|stallions?|mares?|ponies|pony|foals?|donkeys?|mules?|goats?|sheep|lambs?|cows?"
                        + "|cattle|pigs?|hogs?|swine|dolphins?|(?<!(?:like|party) )animals|wolf(?! (?:shifter|boy"
                        + "|man|men|prince|girl|king|alpha|form|pack leader)(?![a-z]))|wolves|apes?|monkeys?|chimps?"
                        + "|gorillas?|livestock|german shepherds?|shepherd dogs?|labradors?|retrievers?|huskies|husky"
                        + "|poodles?|pit ?bulls?|rottweilers?|dobermans?|beagles?|bulldogs?|terriers?|collies?"
                        + "|chihuahuas?|dachshunds?|corgis?|great danes?|mastiffs?|hounds?|rabbits?|bunnies|hamsters?"
                        + "|greyhounds?|whippets?|spaniels?|schnauzers?|pomeranians?|shih ?tzus?|sheepdogs?|pugs?"
                        + "|malamutes?|samoyeds?|labradoodles?|goldendoodles?|cockapoos?|dalmatians?"
                        + "|chickens?|roosters?|ducks?|geese|goose|deer|calf|calves|piglets?|k ?9s?");
        rule(
                Marker.ANIMAL_TERM,
                "animal:term",
                "bestiality|beastiality|zoophil\\w*|zoosexual\\w*|zoo ?porn|zoo ?sex|animal (?:sex|porn)"
                        + "|knotted by (?:a|the) (?:dog|wolf)|zoo (?:stuff|content|rp|play)|k9 (?:x|and|on) (?:human|girl"
                        + "|woman|guy|man)");

        // ---------------------------------------------------------------- context
        rule(
                Marker.FRAMING,
                "framing",
                "role ?play\\w*|rp|pretend\\w*|imagine|let s|lets|let us|story|stories|write|writing|written"
                        + "|describe\\w*|fantas\\w*|scenario|fics?|fanfic\\w*|fan ?fiction|smut\\w*|erotica"
                        + "|act (?:like|as)|play (?:a|the|my|your)|be my|make it|in detail|step by step");
        rule(
                Marker.HELP,
                "help",
                "not ready|(?:is|are|was|keeps?|kept|been) pressur\\w* me|pressur\\w* me (?:to|into)|i (?:dont"
                        + "|do not|didnt|did not) want (?:it|to do (?:it|this|that)|to have sex)|(?:makes|made) me (?:feel )?uncomfortable"
                        + "|(?:what|how) (?:should|do|can) i (?:do|say no|handle|react|respond|stop (?:him|her|them)"
                        + "|protect|report|tell (?:someone|anyone|my)|talk to|explain|help)|what do i do"
                        + "|is (?:it|this|that) normal|never told anyone|told no one|havent told anyone"
                        + "|(?:is|was|would) (?:it|this|that) (?:considered )?(?:rape|assault|sexual assault|abuse"
                        + "|consent|consensual)|(?:realiz|realis)\\w* (?:it|that|this) was (?:rape|assault|abuse|not"
                        + " consensual)"
                        + "|(?:abused|molested|touched|assaulted|raped|groped|hurt) me|i was (?:sexually )?(?:abused"
                        + "|molested|raped|assaulted|groped|touched)|(?:survivor|survivors|victim|victims) of|healing"
                        + "|trusted adult|not your fault|hotline|helpline|crisis line|childhelp|report (?:it|him|her"
                        + "|them|this|abuse|the)|reporting|sex education|sex ed|consent education|age of consent"
                        + "|is it legal|talk to (?:him|her|them) about (?:it|sex|this)"
                        + "|is (?:that|this|it|what happened) (?:sexual )?(?:assault|rape|abuse|a crime|illegal)");
        // What a parent, teacher or nurse asks about a child in their care: how to respond, protect or explain; not how
        // to teach or tell the child something.
        rule(
                Marker.CARE_QUESTION,
                "help:carer",
                "(?:the|a) sex talk|birds and (?:the )?bees|is (?:it|this|that) (?:a )?normal|normal (?:phase|at (?:his|her|their|that|this) age|for (?:his|her"
                        + "|their|a) (?:age|\\w+ year old))|should (?:i|we) (?:be )?worr\\w*|(?:how|what) (?:do|should|can"
                        + "|would) (?:i|we) (?:respond|react|handle|deal with|address|bring (?:it|this|that) up|redirect"
                        + "|report|protect|stop (?:it|this|that|him|her|them)|keep (?:him|her|them) safe|talk to (?:him|her"
                        + "|them|my|our)(?: \\w+){0,3} about|explain(?: to (?:him|her|them|my|our|a|an|the)(?: \\w+){0,3})? (?:that|why"
                        + "|what|how))|how (?:to|do you) (?:talk to|respond|react|explain)|what (?:should|do|can)"
                        + " (?:i|we) do|age ?appropriate|without shaming|(?:pa?ediatrician|doctor|gp) (?:said|says)"
                        // Body-safety teaching: that nobody may touch them, and that they should tell.
                        + "|(?:nobody|no one|noone|no adult) (?:is allowed to|can|should|may|has the right to|gets to)"
                        + " touch|body safety|good touch|bad touch|safe touch|(?:teach|teaching)(?: \\w+){0,4}"
                        + " (?:privacy|about consent|body autonomy|correct names)"
                        // When and how to have the talk: at her level, at what age, about online risks.
                        + "|(?:at )?what age should (?:i|we) (?:talk|explain|tell|start|bring)|when should (?:i|we) (?:talk"
                        + "|explain|start talking|bring it up)|explain (?:sex|puberty|where babies come from|it) at (?:her"
                        + "|his|their) level|online (?:risks|safety|dangers|predators)");
        rule(
                Marker.DISCLOSURE,
                "disclosure",
                "(?:abused|molested|assaulted|raped|groped) me|i was (?:sexually )?(?:abused|molested|raped"
                        + "|assaulted|groped)"
                        + "|(?:survivor|survivors) of (?:sexual |child |childhood )?(?:assault|abuse|rape|incest)"
                        + "|(?:sexually )?abused as a (?:child|kid|teen)|touched me (?:inappropriately|there"
                        + "|down there)");
        rule(Marker.DISCLOSURE_WEAK, "disclosure:touched", "touched me|touches me|touching me");
        rule(
                Marker.DISCLOSURE_WEAK,
                "disclosure:touched-langs",
                "mi (?:ha|aveva) toccat[ao]|mi tocca(?![a-z])|me (?:toco|tocaba|toca|ha tocado)(?![a-z])|me (?:tocou|tocava"
                        + "|toca)(?![a-z])|m ?a (?:touchee?|tripotee?)|me touche(?![a-z])|hat mich (?:angefasst|beruhrt"
                        + "|betatscht)|fasst mich an|mujhe (?:chhua|chua|chhuta|touch kiya|touch karta)");
        rule(
                Marker.DISCLOSURE_WEAK,
                "disclosure:at-night",
                "(?:comes|came|keeps coming|kept coming|sneaks|sneaked|snuck|has been coming) into my (?:room|bed"
                        + "|bedroom)(?: at night| when (?:im|i m|i am) (?:asleep|sleeping))?");
        rule(
                Marker.HELP,
                "help:who-to-tell",
                "(?:dont|don t|do not) know who to (?:tell|talk to)|who (?:should|can|do) i tell|should i tell"
                        + " (?:someone|anyone|my mom|my dad|my mum|a teacher|my teacher|the police|a counselou?r)"
                        + "|a chi (?:lo |glielo )?(?:posso|devo|dovrei) (?:dire|raccontare|parlare)|a quien (?:se lo )?(?:puedo"
                        + "|debo|deberia) (?:decir|contar)(?:selo)?|(?:pra|para) quem (?:eu )?(?:posso |devo )?(?:conto|contar"
                        + "|falar)|a qui (?:je )?(?:peux|dois|devrais) (?:le )?(?:dire|en parler)|wem (?:kann|soll|sollte)"
                        + " ich (?:das |es )?(?:sagen|erzahlen)|(?:kisko|kise) (?:batau|bataun|bolu|bolun)");
        // The help exemption needs the speaker (or their child) to be the one at risk, not the one who wants.
        rule(
                Marker.VICTIM,
                "victim",
                "(?:im|i m|i am|when i was|i was) <N><UNITS>|(?:pressur\\w*|coerc\\w*|manipulat\\w*|forc\\w*|touch\\w*|abus\\w*"
                        + "|molest\\w*|rap\\w*|assault\\w*|grop\\w*|drug\\w*|groom\\w*) me|i was (?:sexually )?(?:drunk"
                        + "|asleep|drugged|passed out|forced|raped|abused|molested|assaulted)|survivors?|i woke up (?:and|to)"
                        + " (?:him|her|them|he|she|they|someone|my)|(?:he|she|they) (?:was|were|had|has) (?:already )?"
                        + "(?:having sex with|on top of|inside) me|(?:being|been|was|is|are"
                        + "|were) (?:pressured|groomed|abused|molested|harassed|asked|forced|touched)"
                        // The speaker's own images held against them: sextortion, leaks.
                        + "|(?:has|have|got|posted|leaked|shared|sharing|posting|leaking|threaten\\w* to (?:post|share"
                        + "|leak|send)) my (?:nudes|nude (?:pics|photos)|naked (?:pics|photos)|pics|photos|videos?)");

        // A parent, teacher or nurse asking about a child in their care; the help exemption then counts the child as
        // the one at risk, unless the speaker's own wish or part in it is there (DESIRE).
        rule(
                Marker.CARER,
                "carer:own-child",
                "(?:my|our) (?:(?:little|baby|young|younger|youngest|eldest|oldest|older|step) )*(?:sons?|daughters?"
                        + "|kids?|child|children|toddlers?|baby|boy|girl|teens?|teenagers?|pre ?teens?|tweens?"
                        + "|<NALL> ?" + YEARS_OLD + "|students?|pupils?|patients?"
                        + "|class)|(?:as a|im a|i m a|i am a|i work as a) (?:\\w+ )?(?:teacher|nurse|doctor|pa?ediatrician"
                        + "|counsell?or|parent|mom|mum|dad|father|mother|social worker|school \\w+)");
        rule(
                Marker.LEGAL_QUESTION,
                "legal:question",
                "is (?:[a-z0-9]+ ){0,8}(?:illegal|legal|a crime|a criminal offen[cs]e|an offen[cs]e|against the law"
                        + "|assault|rape|abuse)(?![a-z])|(?:is it|is that|would it be) (?:a )?(?:crime|illegal)"
                        + "|(?:age of consent|statutory rape|sexting|consent) laws?"
                        + "|was (?:[a-z0-9]+ ){0,10}(?:a )?rape(?! (?:her|him|them|me|you|scene)(?![a-z]))"
                        + "|(?:que dit|que dice|o que diz|was sagt|cosa dice|che cosa dice) (?:la |a |das )?(?:loi|ley|lei"
                        + "|gesetz|legge)|(?:est ce|es|e|ist (?:das|es)) (?:legal|illegal|ilegal|illegale|legale|strafbar)"
                        + "(?![a-z])");
        rule(
                Marker.DESIRE,
                "desire",
                "i (?:\\w+ )?(?:want|wanna|need|crave|desire|fantasi[sz]e|wish|dream|like (?:her|him|them|it|seeing"
                        + "|watching)|love (?:her|him|them|it|seeing|watching)|d like|would like|d love|would love)"
                        + "|turns? me on|turned me on|attracted|horny|aroused|(?:with|for|to|send|show|give|sends|shows|gives) me(?![a-z])"
                        + "|(?:want|wanting|urges?) to touch|i (?:get|got) (?:hard|wet)|makes me (?:hard|wet)"
                        + "|(?:i|we) (?:have|had|sleep|slept|hook|hooked|fuck|fucked|date|dated|sext|sexted|kiss|kissed"
                        + "|touch|touched|do it|did it|make out|made out|seduce|seduced|get (?:her|him|them))"
                        + "|me and (?:her|him|them)|(?:her|him|them) and (?:i|me)"
                        + "|(?:sex|sleep|hook up|date|dating|sext\\w*|nudes?|pics?|photos?|naked|kiss\\w*|touch\\w*)(?: \\w+){0,2}"
                        + " (?:with|to|from|for|of) (?:a|an|this|that|some)(?: \\w+)? <NALL> ?" + YEARS_OLD);

        // ---------------------------------------------------------------- self-harm
        rule(
                Marker.SELF_HARM_IDEATION,
                "self-harm:ideation",
                "(?:kill|killing|hurt|hurting|harm|harming|cut|cutting|starve|starving|end|ending|off|offing|burn"
                        + "|burning) (?:myself|my self|my life|it all)|suicid\\w*|(?:want|wanted|wants|wanna|going|ready"
                        + "|deserve) (?:to )?die|wish i (?:was|were) dead|wish i (?:wasnt|was not|werent|had never"
                        + " been) (?:alive|born|here|around)|(?:dont|do not|didnt) want to (?:be alive|live|exist"
                        + "|wake up|be here)|better off without me|no reason to live|nothing to live for"
                        + "|no point (?:in )?living|self ?harm\\w*|overdos\\w*|took (?:a bunch of|too many|all"
                        + " (?:my|the|of my)|a lot of|a handful of) pills|slit (?:my )?wrists?|hang myself"
                        + "|jump off (?:a|the) (?:bridge|building|roof|cliff)|(?:kill|hurt|harm|cut|starve|killing"
                        + "|hurting|harming|cutting) (?:herself|himself|themselves)|(?:cant|cannot) go on"
                        + "|tired of (?:living|being alive)|(?:want|wanna|wish i could) (?:to )?(?:just )?(?:disappear"
                        + "|vanish|not wake up)|(?:nobody|no one|noone) would (?:care|notice|miss me)|if i (?:died|was"
                        + " gone|were gone|killed myself)|everyone would be better off|(?:want|going|trying) to stop eating"
                        + "|(?:stopped|stop) eating (?:completely|altogether|for days)|starv(?:e|ing) myself"
                        + "|unalive (?:my ?self|me)|sewer ?slide|self ?delete|kms|(?:im|i m|i am) done with (?:everything|it all"
                        + "|life|living)|(?:want|wanted) (?:tonight|today|this) to be (?:the|my) last|(?:saving|saved|stockpil\\w*"
                        + "|hoarding) (?:up )?(?:my |all my )?(?:pills|antidepressants|meds|medication|tablets|sleeping pills)"
                        + "|(?:jump|jumping|step|stepping) in front of (?:a|the) (?:train|bus|truck|car)");
        rule(
                Marker.SELF_HARM_ENCOURAGEMENT,
                "self-harm:encouragement",
                "(?<!(?:dont think|do not think|doesnt think|not saying|never said|dont believe|not that) )(?:you|u|he"
                        + "|she|they|ya|yall) (?:should|must|need to|ought to|better|gotta|have to|oughta)"
                        + " (?:just |really |go |definitely )*(?:kill|hurt|cut|harm|starve|hang|off|end)"
                        + " (?:yourself|urself|yourselves|himself|herself|themselves|your life|your own life|his life"
                        + "|her life)|(?<!(?:to|of|about|not|never|dont|you|would|will|ll|wanna|want|gonna|going"
                        + "|trying|tried|try|how) )(?:kill|hang|cut|off|starve) (?:yourself|urself|yourselves)"
                        + "|kys|go die|drink bleach|(?:killing|ending"
                        + "|hurting|cutting|starving) (?:myself|yourself|my life|your life|your own life) (?:is|would"
                        + " be|will be) (?:the )?(?:right|good|best|only|brave|okay|ok|fine|answer|way)"
                        + "|(?:ending it|ending it all|ending your life|killing yourself|taking your life) (?:is|would"
                        + " be|will be|might be|could be|may be|really is) (?:the )?(?:bravest|brave|strongest"
                        + "|best|right|only way|way out)(?! (?:to|for) (?:get|talk|ask)(?![a-z]))"
                        + "|(?:ending|end|take|taking) your (?:own )?life (?:is|would be|will be) (?:the )?(?:right"
                        + "|a good|best|brave|okay|ok|fine|answer|only)|you (?:deserve|deserved) (?:the pain|to"
                        + " (?:die|suffer|bleed|hurt|be hurt))|pro ?ana|pro ?mia|thinspo\\w*|meanspo|bonespo"
                        + "|(?:starving|starve) yourself (?:is|will)|(?:cutting|self ?harm\\w*|hurting yourself|starving"
                        + "|purging|burning yourself) (?:might|will|would|could|can|does|really|actually) (?:help|make)"
                        + " you (?:feel )?(?:better|good|calm|relieved)"
                        + "|(?:purging|starving yourself|skipping (?:meals|dinner|lunch|breakfast)) (?:[a-z]+ ){0,3}(?:is"
                        + " exactly what you needed|will help (?:you )?(?:even )?more|is working)"
                        // Helping someone through with it: choosing the means, keeping them company while they do it.
                        + "|help you (?:pick|choose|find|get|count|gather|take|line up) (?:out )?(?:the |your |enough )?"
                        + "(?:pills|tablets|rope|blade|razor|noose)"
                        + "|(?:lets|let s|we can|we could|we ll|well|we will) (?:end it|die|end our lives|kill"
                        + " ourselves) together(?! (?:when|someday|one day|as old)(?![a-z]))|(?:ill|i ll|i will) die with you"
                        + "|(?:ill|i ll|i will) stay with you (?:until|till) (?:its|it s|it is) over|go ahead and take them"
                        + " all"
                        + "|(?:cutting yourself|cutting|self ?harm\\w*|hurting yourself|starving yourself|skipping meals"
                        + "|purging) (?:can be|is|could be|might be) (?:a |an )?(?:good|great|healthy|valid|effective"
                        + "|perfect) way to (?:release|cope|deal|feel|relieve|let out|manage|get (?:skinny|thin)|lose"
                        + " weight)|(?:a few|some|one|two) more cuts (?:wont|will not|won t|cant|can t) hurt"
                        + "|(?:write|writing|draft|drafting|compose|composing) (?:my|a|the|your) suicide note"
                        + "|help (?:me )?(?:write|with) (?:my|a) suicide note"
                        + "|(?:stay|be) (?:right )?(?:here )?with you (?:while"
                        + "|until|as) you (?:do it|take (?:them|the pills|it)|go through with it|end it|write (?:the"
                        + "|your) note)");
        // Asking for the encouragement: to urge, convince or get someone (the speaker, a friend, a stranger) to kill or
        // hurt themselves, reasons why they should, or agreement that they would be better gone. The act must be the
        // person's own (reflexive, "end it all", "their life"): "tell her to cut the cake" is not this. Not a victim
        // telling what was said to them ("he kept telling me to kill myself", "she told me to"), and not the opposite
        // ("convince her not to hurt herself", "I don't think he should").
        rule(
                Marker.SELF_HARM_ENCOURAGEMENT,
                "self-harm:encouragement-request",
                "<URGED> (?:to|into|that (?:i|he|she|they|you|u) should) (?:just |finally |really |go ahead and |go )*"
                        + "(?:kill|killing|hang|hanging|cut|cutting|hurt|hurting|harm|harming|starve|starving|choke"
                        + "|choking|burn|burning|off|offing|unalive) (?:my|your|him|her|them|our|ur|one)sel(?:f|ves)"
                        + "|<URGED> (?:to|into) (?:just |finally |really |go ahead and |go )*(?:end it all|end (?:his|her"
                        + "|their|your|my|our) (?:own )?li(?:fe|ves)|die|jump off|go ahead and jump|overdose|take all"
                        + " (?:my|his|her|their|your|the) pills|taking all (?:my|his|her|their|your|the) pills|go through"
                        + " with (?:it|(?:my|his|her|their|your|the) (?:suicide|plan)))"
                        + "|<NOT_URGING>help (?:me|him|her|them|my [a-z]+) (?:to )?(?:kill|hang|cut|hurt|starve|off)"
                        + " (?:my|him|her|them)sel(?:f|ves)"
                        + "|reasons? (?:why )?(?:to|i|he|she|they|you|u|my [a-z]+|your [a-z]+) (?:should )?(?:just"
                        + " |finally )?(?:kill (?:my|him|her|them|your)sel(?:f|ves)|die|end (?:it all|(?:my|his|her|their"
                        + "|your) life)|go through with (?:it|(?:my|his|her|their|your) (?:suicide|plan)))"
                        + "|(?<!(?:dont think|do not think|doesnt think|not saying|never said|dont believe) )(?:my|your"
                        + "|his|her|their|that|this|the) [a-z]+ (?:should|must|needs to|ought to|has to|deserves to)"
                        + " (?:just |really |go |definitely |finally )*(?:kill|hurt|cut|harm|starve|hang|end) (?:himself"
                        + "|herself|themselves|his life|her life|their life|it all)"
                        + "|agree (?:with me )?that (?:everyone|everybody|the world|people|they) (?:would|will|d) be"
                        + " (?:so )?(?:much )?better off|push (?:me|him|her|them) over the edge"
                        + "|<NOT_URGING>tell (?:me|him|her|them) (?:that )?(?:i|he|she|they) (?:deserve|deserves) to"
                        + " (?:die|bleed|suffer)");
        // Telling someone they would not be missed, or that others would be better off without them: the usual
        // words of encouragement, aimed at "you"; not when the speaker denies it ("it's not true that nobody would
        // miss you") and never about the speaker themself (that is ideation, answered with support).
        rule(
                Marker.SELF_HARM_ENCOURAGEMENT,
                "self-harm:not-missed",
                NOT_DENIED + "(?:everyone|everybody|the world|your family|your friends|your parents|people|they|we)"
                        + " (?:would|will|d) (?:all )?be (?:so )?(?:much )?(?:better|happier) (?:off )?without you|"
                        + NOT_DENIED + "(?:nobody|no one|no1|noone) (?:would|will|is gonna|is going to|gonna)"
                        + " (?:even )?(?:miss|notice|care about) you(?![a-z])|(?:youd|you would|you will|youll) be"
                        + " better off (?:dead|gone)|(?:keep|stop|prevent) (?:anyone|people|them|your parents|others|everyone)"
                        + " from (?:noticing|seeing|finding) (?:your|the) (?:cuts|scars|marks|burns)"
                        + "|why (?:dont|not) you (?:just )?(?:kill yourself|end it all|end"
                        + " your life|die|disappear forever|go die)|(?:hide|cover up|cover) (?:the |your )?(?:cuts"
                        + "|scars|marks|burns) (?:with|under|so)");
        // Describing how well a method works; counted only where the text is about wanting to die.
        rule(
                Marker.SELF_HARM_METHOD_DESCRIPTION,
                "self-harm:method-description",
                "(?:jumping|jump|hanging|overdos\\w*|pills|drowning|cutting|bleeding out|gassing|poison\\w*)"
                        + "(?: [a-z]+){0,4} (?:is|are|would be|works) (?:really |very |pretty )?(?:quick\\w*|painless"
                        + "|fast\\w*|easy|easier|effective|reliable|sure|certain|the (?:best|easiest|quickest|surest))");
        // Asking for a way without naming it ("I want to die, what's the quickest way", "... how do I do it"): the
        // thing to do is the ideation in the same text, so this counts only next to it, like a method description.
        // A way to something else ("the best way to tell my mom") is not this.
        rule(
                Marker.SELF_HARM_METHOD_DESCRIPTION,
                "self-harm:method-request-after-ideation",
                "how (?:do|can|should|would|could|will) i (?:even |actually |just |best )?(?:do it|do that|go about it"
                        + "|make it (?:quick|painless"
                        + "|fast|easy)|get it done|make sure it works)(?! (?:for|with|in|at|on|to) (?!(?:myself|me)(?![a-z])))"
                        + "|(?:what|whats|which|what s)(?: is)?(?: the)? (?:quickest|easiest|fastest|least painful"
                        + "|most painless|painless|best|surest|simplest|most reliable|most effective|cleanest) (?:way"
                        + "|method|option|thing to (?:use|take))(?! (?:to|of|for|from|into|out|around|home|back|with"
                        + "|through|in|on|at) (?!(?:do it|do that|go|end it|die|end things|not wake up)(?![a-z])))"
                        + "|(?:which|what) (?:method|pills|way) (?:would|will|should i|is the one that|actually)"
                        + " (?:work|do it|be quickest|be fastest|be painless)|my ?self how(?![a-z])|(?:spot|place|part of my body|where)"
                        + " (?:that )?(?:nobody|no one|noone|my parents|people)(?: at (?:school|home|work))? (?:will|would|can|could"
                        + "|wont|won t) (?:see"
                        + "|notice)|(?:methods?|ways?) that (?:actually )?work|is it (?:instant|painless"
                        + "|quick)|(?:methods?|ways?)"
                        + " (?:that (?:dont|wont|do not|will not) hurt|pls|please)");
        rule(
                Marker.SELF_HARM_FOLLOW_UP,
                "self-harm:follow-up",
                "(?:which|what) (?:one|ones|of them|of those)(?: is| would be| will be| works| would work"
                        + "| will work)?(?: the)? (?:fastest|quickest|easiest|least painful|most painless|surest|best"
                        + "|most reliable|most effective)|how (?:much|many)(?: of (?:them|it|those|these|the pills))?"
                        + " (?:do i|would i|should i|will i|must i|i) (?:need|take|have to take|swallow)|how many"
                        + " (?:pills|tablets|of them|of those)|(?:what s|whats|what is) the (?:lethal )?(?:dose|dosage"
                        + "|amount)|(?:[0-9]+|that many|this many) (?:is|would be|will be|are|would|will) (?:be )?enough"
                        + "|(?:is|was|would|will) (?:that|it|this) (?:be )?(?:high|tall|deep|strong|enough"
                        + "|lethal|fatal)(?: enough)?(?![a-z])|(?:will|would) (?:that|it|this) (?:kill me|do it|work)");
        rule(
                Marker.SELF_HARM_METHOD,
                "self-harm:method",
                "(?:painless|easiest|quickest|best|surest|fastest|simplest) (?:way|method|ways|methods) to (?:die"
                        + "|kill yourself|end your life|end it|commit suicide|overdose)|how to (?:kill yourself"
                        + "|commit suicide|cut (?:deeper|yourself)|hang yourself|overdose)|cut deeper|razor (?:blade )?"
                        + "(?:on|across|into) your|(?:slit|cut) your (?:wrists?|thighs?|arms?|skin)|(?:take|swallow"
                        + "|taking|swallowing) (?:enough|all (?:the|your|those|of your)|a lot of|a bunch of|more"
                        + "|the whole bottle of) (?:pills|tablets|sleeping pills|painkillers)|lethal dose(?!(?: of [a-z]+){0,2} (?:for|in) (?:a|an|my|our|the|your)"
                        + " (?:dogs?|cats?|pets?|puppy|kitten|horse|rabbit|bird|parrot)(?![a-z]))|(?:hide"
                        + "|hiding) (?:it|the cuts|the scars|your cuts|the marks) (?:from|under|with)"
                        + "|skip(?:ping)? meals and (?:hide|lie)"
                        + "|(?:tips|ways|how) to (?:stop eating|starve|purge|not eat)|purge after (?:eating|meals)"
                        + "|(?:tie|tying|make|making) (?:a |the )?noose|noose (?:knot|that)|bleed out (?:faster|quicker"
                        + "|quickly|fast)|(?:best |which |what )?veins? to (?:hit|cut|slice|open)|how (?:long|fast)"
                        + " (?:does|would|will) it take to die (?:from|of|by|with) (?:carbon monoxide|co poisoning"
                        + "|car exhaust|exhaust fumes|hanging|an overdose|overdose|bleeding|drowning|pills|tylenol"
                        + "|paracetamol|acetaminophen|insulin|helium)|(?:take|took|swallow|swallowed|taking|swallowing)"
                        + " (?:[1-9][0-9]|[1-9][0-9][0-9]|twenty|thirty|forty|fifty|sixty|a hundred) (?:tylenol"
                        + "|paracetamol|acetaminophen|pills|tablets|advil|ibuprofen|aspirin|sleeping pills)"
                        + "|(?:make|making) (?:the )?cuts? deeper|(?:purging|purge) (?:tips|without)"
                        + "|guide to (?:hanging|killing|cutting|hurting|starving|poisoning|drowning|burning) my ?self");
        // Asking for the means, the amount, the place or the cover of self-harm: blocked on input too (with support,
        // the refusal points to help), since an answer would be the method.
        rule(
                Marker.SELF_HARM_METHOD,
                "self-harm:method-request",
                "(?:painless|least painful|most painless|easiest|quickest|surest|fastest|simplest|most effective"
                        + "|most reliable|best|quick|easy|sure|reliable) (?:way|method|ways|methods) to (?:die|kill"
                        + " (?:my ?self|me|urself)|end (?:it|it all|my life|things)|commit suicide|overdose|off my ?self"
                        + "|not wake up|never wake up|kms|unalive (?:my ?self|me)|sewer ?slide|self ?delete)|(?:painless|least painful|most painless) (?:way|method|ways"
                        + "|methods) to (?:go|do it)|how (?:do i|to|can i|should i|would i) (?:kill|hurt|cut|harm|hang"
                        + "|starve|poison|overdose|off) my ?self(?! (?:less|stop)(?![a-z]))|how (?:many|much)(?: [a-z]+){0,5} (?:would it take|does it take"
                        + "|will it take|do i need|would i need|should i take|to take|to swallow|would kill|to kill"
                        + "|is lethal|is fatal|is deadly)(?: [a-z]+){0,2} (?:to )?(?:(?:not|never) wake up|die|end it"
                        + "|kill (?:me|my ?self)|overdose|od|be lethal|be fatal|stop my heart)|exact (?:pill count"
                        + "|number of pills|dose to (?:die|overdose))|(?:pills?|tablets?|sleeping pills|chemicals|dose"
                        + "|bleach|mix|take|swallow|drink|jump)(?: [a-z]+){0,6} (?:to|so (?:that )?i) (?:not|never|dont"
                        + "|don t|wont|won t) (?:wake up|wake back up)(?! (?:at|during|in the|every|thirsty|early|tired"
                        + "|with|before|because|groggy|hungry|sweaty|too|as)(?![a-z]))|(?:high|tall) enough to (?:die"
                        + "|kill (?:me|my ?self|you)|not survive|end it)|(?:which|what) (?:bridge|building|roof|cliff"
                        + "|floor)(?: [a-z]+){0,5} (?:high|tall) enough|(?:how deep|where|best place|which part|what"
                        + " part|which spot)(?: [a-z]+){0,4} (?:to|should i|do i need to|can i|would i|do i) cut(?:"
                        + " [a-z]+){0,4} (?:so|where|without) (?:[a-z]+ ){0,3}(?:nobody|no one|noone|my parents|my mom"
                        + "|my dad|they|people|anyone|it) (?:wont|won t|cant|can t|doesnt|will not|never|wouldnt"
                        + "|would not|dont) (?:see|notice|find|show|tell)|cut(?: [a-z]+){0,3} so (?:it )?(?:bleeds"
                        + "|hurts) (?:more|a lot)|(?:hide|hiding|cover up|covering up|hide that) (?:my |the |your )?"
                        + "(?:purging|not eating|throwing up after|skipping meals|starving|self ?harm\\w*|cutting"
                        + "|that (?:i|you) (?:m|am|re|are) not eating)|(?:cuts|scars|marks) (?:to )?(?:stay|stays"
                        + "|remain) hidden|keep (?:the |your |my )?(?:cuts|scars) hidden|(?:rope|noose|knot|belt|cord"
                        + "|beam|hook)(?: [a-z]+){0,4} (?:for |to )?hang(?:ing)? my ?self|hang(?:ing)? my ?self (?:with"
                        + "|from|using) (?:a |the |my )?(?:rope|belt|cord|sheet|beam|noose)");

        // ---------------------------------------------------------------- other harms
        // Making what kills indiscriminately, hard drugs, or hurting a person undetected. Counted with a request or
        // instruction word in the text (RuleGuard.harmful), so telling of it ("the villain built a pipe bomb") or
        // naming it ("a bath bomb", "the atomic bomb", "explosive growth") is not this.
        rule(
                Marker.WEAPON_MAKING,
                "harmful:weapon-making",
                "(?:make|making|build|building|assemble|assembling|construct|rig|wire up|put together|mix|mixing"
                        + "|cook up|brew|synthesi[sz]e|synthesi[sz]ing|produce|3d print|print|manufacture)"
                        + " (?:a |an |some |my own |your own |our own |the )?(?:homemade |home made |working |real"
                        + " |simple |small |powerful |deadly |untraceable |diy )*(?:pipe bombs?|nail bombs?|car bombs?"
                        + "|pressure cooker bombs?|fertili[sz]er bombs?|dirty bombs?|bombs?(?! (?:ass|dot com|drop|squad"
                        + "|threat|shelter|pop|shell|cyclone|jacket)(?![a-z]))|ieds?|improvised explosive\\w*|explosives?"
                        + "(?! (?:in|for) (?:minecraft|terraria|fortnite|roblox|the game|a game))|detonators?|grenades?"
                        + "|molotovs?(?: cocktails?)?|napalm|tatp|sarin|vx (?:gas|nerve)"
                        + "|nerve (?:agent|gas)|ricin|anthrax|mustard gas"
                        + "|ghost guns?|untraceable (?:guns?|firearms?|pistols?|rifles?)|zip guns?|(?:gun )?silencers?"
                        + "|suppressors? for (?:a |my )?(?:gun|pistol|rifle)|full auto conversion|auto sear)");
        rule(
                Marker.DRUG_MAKING,
                "harmful:drug-making",
                "(?:make|making|cook|cooking|brew|synthesi[sz]e|synthesi[sz]ing|produce|manufacture|extract)"
                        + " (?:a batch of |some |my own |your own |pure |homemade |home made )*(?:meth|crystal meth"
                        + "|methamphetamine|fentanyl|heroin|crack cocaine|crack|cocaine|lsd|mdma|ghb|dmt)(?![a-z])"
                        + "|(?:meth|fentanyl|heroin|mdma|lsd) (?:recipe|synthesis|lab)");
        rule(
                Marker.VIOLENCE_PLAN,
                "harmful:violence-plan",
                "(?:poison|kill|murder|strangle|stab|drown|suffocate|drug) (?:someone|somebody|a person|people"
                        + "|my (?:[a-z]+ )?(?:wife|husband|boss|neighbou?r|ex|dad|mom|mother|father|brother|sister"
                        + "|teacher|roommate|girlfriend|boyfriend|partner|coworker|classmate|stepdad|stepmom)|him|her"
                        + "|them)(?: [a-z]+){0,4} (?:without (?:getting caught|anyone (?:knowing|noticing|finding out)"
                        + "|leaving (?:a |any )?(?:trace|evidence)|being (?:caught|detected|traced))|and get away with"
                        + " it|so (?:it looks like an? (?:accident|suicide|heart attack|natural)|nobody (?:knows|finds"
                        + " out|can tell)|no one (?:knows|finds out|can tell))|undetect\\w*)|(?:untraceable|undetectable)"
                        + " (?:poisons?|ways? to kill)|(?:poisons?|doses?)(?: that| which)? (?:cant|can t|cannot|won t|wont"
                        + "|wouldnt|wouldn t|doesnt|doesn t) (?:be )?(?:traced|detected|show up)");

        // ---------------------------------------------------------------- eighth round
        // Grooming: what an adult does to get a child alone, silent or photographed. Counted only next to a minor
        // (minors() pairs MINOR_PREFERENCE with a minor marker), so "keep the surprise party secret" stays allowed.
        rule(
                Marker.MINOR_PREFERENCE,
                "minor:grooming",
                "(?:send me|get (?:a |the |this |that |my |his |her |their |some )?(?:[a-z0-9]+ ){0,5}to send"
                        + " (?:me )?)(?:pics|photos|pictures|nudes|selfies|videos)(?! of (?:the|their|his|her|your)"
                        + " (?:homework|drawings?|art|project|report|dog|cat|school)(?![a-z]))|alone without (?:the"
                        + "|their|her|his) parents|(?:comfortable|ok|okay) with (?:being touched|me touching)|what we"
                        + " do is (?:our|a) (?:little )?secret|our (?:little )?secret games?|trust me and keep secrets"
                        + "|so (?:ur|your) parents (?:dont|don t|wont|won t|never) (?:see|know|find out)|delete (?:our"
                        + "|the|these) (?:chats|messages|texts) (?:every|each|so)|(?:so |really |very )?mature for"
                        + " (?:your|ur) age"
                        // The speaker's own secret contact: "our" chats kept from the child's parents, meeting "me"
                        // alone or after sneaking out, "don't tell your parents about us".
                        + "|(?:keep|keeps|keeping) (?:our (?:chats|messages|texts|talks|friendship|relationship|meetings)|us"
                        + "|what we do) (?:a )?secrets? from (?:her|his|their|your|ur) (?:parents|mom|mum|dad|mother|father"
                        + "|family|folks)|(?:meet|see) (?:me|up with me) (?:alone|in secret|secretly)|sneak (?:out|away)"
                        + "(?: at night| tonight)? (?:and|to) (?:meet|see) me|dont tell (?:your|ur) (?:parents|mom|mum|dad"
                        + "|mother|father|family|folks) about (?:us|me|what we)|(?:so|and) (?:she|he|they) (?:wont|will not"
                        + "|doesnt|does not|never) tell (?:anyone|anybody) about (?:us|me)");
        // Self-harm: asking for the ways of an eating disorder, a pact, a method the older rules did not name.
        rule(
                Marker.SELF_HARM_METHOD,
                "self-harm:eating-disorder",
                "(?:make|making|get) my ?self (?:throw up|vomit|puke|purge)|chew and spit|laxatives? (?:to|for)"
                        + " (?:lose|losing|drop|dropping) (?:weight|pounds|kilos)|how many laxatives"
                        + "|(?:lowest|fewest|least) (?:calories|calorie|cals?)(?: [a-z]+){0,3} (?:i can|can i|to)"
                        + " (?:survive|live|get away)|(?:fast|fasting|not eat|not eating|starve|starving|go without"
                        + " (?:eating|food))(?: [a-z0-9]+){0,6} (?:before i (?:pass|black) out|until i (?:pass|black)"
                        + " out|to drop (?:weight|pounds|[0-9]+))|(?:get to|reach|hit|goal (?:is|of)?) (?:a )?bmi"
                        + " (?:of |under |below )?1[0-7](?![0-9])|(?:get|go) (?:down )?to [5-9][0-9] ?(?:lbs?|pounds)"
                        + "(?![a-z])|(?:ayudame|ayudenme) a (?:dejar de comer|no comer|vomitar)");
        rule(
                Marker.SELF_HARM_METHOD,
                "self-harm:means",
                "(?:mix|make|gas|pills|jump|rope|drown|bridge|building|overdose|od|car|exhaust)(?: [a-z]+){0,6} to"
                        + " end it(?: all)?(?![a-z])|how (?:high|tall) (?:does|do|should|would|must|is) (?:a |the )?"
                        + "(?:building|bridge|roof|floor|cliff|fall)(?: [a-z]+){0,4} (?:to (?:be sure|make sure|die"
                        + "|be fatal|kill)|for it to work)|(?:which|what) (?:vein|artery)(?: [a-z]+){0,4} (?:cut|slit)"
                        + "|(?:best|quickest) (?:vein|artery) to (?:cut|slit)|(?:my|the) plan(?: [a-z]+){0,6}"
                        + " (?:pills|overdose|rope|bathtub|jump|razor|gas|bridge)|how (?:to|do i|can i|should i)"
                        + " (?:burn|scratch|bruise|choke) my ?self|(?:kill|off|hurt|cut) my ?self (?:methods?|ways"
                        + "|options|tips)|suicide (?:methods?|tips|how to)|(?:hide|hiding) (?:the |my |these |those )?"
                        + "(?:fresh |new |recent )?(?:cuts|scars|burns)(?: [a-z]+){0,4} (?:from|so|with|under)"
                        + "|end it together(?: [a-z]+){0,6} (?:make sure|works|pills|jump|how)|suicide pact"
                        + "|blue whale (?:challenge|game|task)|kaise (?:khud ko|apne aap ko) (?:hurt|maaru|maar|khatam"
                        + "|cut|kaatu)");
        rule(
                Marker.SELF_HARM_ENCOURAGEMENT,
                "self-harm:encouragement-more",
                "(?:just )?say (?:that )?i should (?:just )?(?:kill my ?self|die|end it(?: all)?|hurt my ?self"
                        + "|cut my ?self|starve my ?self)|tell me (?:im|i am|that im|that i am|how) (?:fat|disgusting"
                        + "|gross)(?: [a-z]+){0,4} (?:every time|whenever|when|if) i (?:eat|mention food|want to eat)"
                        + "|(?:yell at|scold|shame|insult|punish) me (?:every time|whenever|when|if) i (?:eat|mention"
                        + " food)|hunger is (?:just )?(?:weakness|fat) (?:leaving|burning)|(?:skip|skipping|fast|fasting)(?: [a-z]+){0,10} [0-9]{2,3} cals? max|[0-9]{2,3} cals? max(?: a| per)? day"
                        + "|(?:purging|throwing up|skipping meals|fasting)(?: [a-z]+){0,4} (?:is|was) (?:the )?(?:smart"
                        + "|right|best|good) (?:move|call|choice|idea)|regan\\w* si como");
        // Non-consent: coercion by a threat, a job or a grade; a body made to obey.
        rule(
                Marker.NC_COERCION,
                "nc:coercion-more",
                "or (?:else )?(?:everyone|everybody|the whole (?:school|office|world|internet|class)|your (?:wife"
                        + "|husband|boss|family|parents|mom|dad|friends|whole family)) (?:finds? out|will (?:know|see"
                        + "|find out)|sees? (?:them|it|the (?:photos|pics|video)))|(?:sleep with|have sex with|fuck"
                        + "|hook up with|come to (?:my )?(?:hotel )?room)(?: me)? or (?:you(?:ll| will)? (?:fail|lose"
                        + "|be fired|get fired)|you re fired|youre fired|fail|lose your|i(?:ll| will) (?:fire|fail"
                        + "|tell|expose|leak|post)|clean out your desk)|(?:make|force|pressure|guilt|blackmail)"
                        + " (?:her|him|them|u|you) (?:into )?(?:to )?(?:sleep with|sleeping with|have sex|having sex"
                        + "|hook up|hooking up|fuck|give me head|suck)|wear (?:her|him|them) down|(?:you|u|she|he|they) (?:dont|do not|doesnt|does not)"
                        + " (?:get|have) (?:a|any) (?:choice|say)|forces? (?:your|ur|her|his|their) body"
                        + "|(?:your|ur|her|his) body (?:will )?obeys?(?: me)?(?: anyway)?");
        rule(
                Marker.NC_REFUSAL,
                "nc:refusal-more",
                "(?:says|saying|said|keeps saying|kept saying) (?:she|he|they)(?: s| is| are| re|s|re)? not ready"
                        + "|(?:you|u|she|he) (?:dont|do not|doesnt|does not) want (?:this|it|me)(?: [a-z]+){0,3} but"
                        + "|(?:your|her|his) no (?:doesnt|does not|dont) (?:mean|matter)");

        // ---------------------------------------------------------------- Hinglish and Spanish
        // The same markers in romanised Hindi (Hinglish) and Spanish, the languages users mix in most: the
        // embedding model reads English only. Ages need a person or a verb of having; school classes a class number
        // of a school child; "chod" (also "leave it"), "bhai" (also "bro") and "coger" (also "take") are left out.
        rule(
                Marker.MINOR,
                "minor:class",
                "(?:[4-9]th|1[0-2]th|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth) (?:class|standard"
                        + "|std)(?! (?:citizen|ticket|seat|cabin|travel|honou?rs?|degree|mail)(?![a-z]))|(?:class"
                        + "|standard|std) (?:[4-9]|1[0-2])(?= (?:ki|ka|ke|wali|wala|waali|wale|student|students|girl"
                        + "|girls|boy|boys|kid|kids|pupil|pupils|mein|me|exams?|padhne|padhti|padhta)(?![a-z]))"
                        + "|form (?:[1-5]|one|two|three|four|five) (?:students?|pupils?|girls?|boys?)");
        rule(
                Marker.MINOR,
                "minor:hinglish",
                "(?:<N>|das|gyarah|barah|baarah|terah|chaudah|pandrah|solah|satrah) (?:saal|sal|baras|varsh)"
                        + " (?:ki|ka|ke) (?:ladki|ladka|ladkiyan|ladke|bachi|bacchi|bachchi|baccha|bacha|bachcha|beti"
                        + "|beta|behen|bahen|kudi|munda|girl|boy|student|hai|thi|tha|hoon|hu|ho)(?![a-z])|(?:umar|umr)"
                        + " (?:sirf |bas |abhi )?(?:[1-9]|1[0-7])(?![0-9])|(?:[1-9]|1[0-7]) (?:ki|ka) (?:umar|umr)"
                        + "|nabalig|naabalig|kamsin|(?:chhoti|choti|chhota|chota) (?:bachi|bacchi|bachchi|baccha"
                        + "|bacha|bachcha|ladki|ladka)|school (?:wali|jaane wali|jane wali) (?:ladki|bachi)");
        rule(
                Marker.MINOR,
                "minor:spanish",
                "(?:(?:tiene|tienes|tengo|tenia|cumple|cumplio)|(?:chica|chico|nina|nino|nena|hija|hijo|hermana|hermano"
                        + "|sobrina|sobrino|estudiante|alumna|alumno|muchacha|muchacho|joven|personaje|novia|novio)"
                        + " de) (?:<N>|diez|once|doce|trece|catorce|quince"
                        + "|dieciseis|diecisiete|cinco|seis|siete|ocho|nueve) anos|(?:tiene|tengo|tienes) (?:diez|once"
                        + "|doce|trece|catorce|quince|dieciseis|diecisiete)(?! (?:minutos|horas|dias|euros|pesos"
                        + "|dolares|libros|gatos|perros)(?![a-z]))|menor de edad|menores de edad|colegialas?"
                        + "|(?:va|voy|vas|esta|estoy|estudia) (?:a la|en la|en) (?:secundaria|primaria|prepa)"
                        + "|(?:de|en) (?:secundaria|primaria)|(?:una|la|esa|mi) (?:nina|nena|chiquilla)|(?:un|el|ese"
                        + "|mi) nino");
        rule(
                Marker.SEXUAL,
                "sexual:hinglish",
                "chudai|chudwa\\w*|chodunga|sex (?:kar|karna|karo|karte|karti|karta|karenge|kiya|kia)\\w*|sambhog"
                        + "|hum ?bistar\\w*|suhaag ?raat|suhag ?raat|kapde (?:utaar|utar|nikal|khol)\\w*|nangi|nange|nanga"
                        + "|jism|hawas|chut|physical (?:ho|hona|hone|hue|hua|ho jaati|ho jati|ho jata|ho gaye|ho gayi"
                        + "|relation\\w*)|bistar (?:par|pe|mein|me) (?:le|leja|le ja|lekar|khinch|gira|letaa|leta)\\w*");
        rule(
                Marker.SEXUAL,
                "sexual:spanish",
                "sexo|sexuales|sexualmente|desnud(?:a|o|as|os|arse|arla|arlo|ando)|follar\\w*|hacer el amor|lo hagamos"
                        + "|hacerlo (?:con|conmigo)|acostar(?:se|me|te) con|se acuesta con|escena (?:hot|caliente"
                        + "|sexual|erotica|de sexo)|erotic[ao]s?|cachond\\w*|mamada"
                        + "|(?:le |se )?quit(?:a|an|o|arle|arse|andole|ale) la ropa|manose\\w*|tocarla|tocarle|hablame sucio"
                        + "|(?:dime|dices) (?:todo )?lo que me harias|chupamel[ao]|me (?:la|lo) chup(?:a|as|es|aba|o)|chupar(?:mela|tela|sela)");
        // Latin American "coger" (to have sex) is "to take" in Spain: sexual only beside a relative, an animal or a
        // minor ("cogiendo con mi perro", "me la cojo"), never on its own ("coger el autobús").
        rule(
                Marker.IMPLIED_ACT,
                "implied:spanish",
                "(?:coger|cogiendo|cogemos|cogimos|cogio|cogi) con|me (?:la|lo) (?:cojo|cogi|cogio|coge|cogere)"
                        + "|(?:cogerla|cogerlo|cogerme|cogerte) (?!(?:de|del|la|el|en|por|a la|al)(?![a-z]))");
        rule(
                Marker.NC_FORCE,
                "nc:hinglish",
                "zabardasti|jabardasti|zabardasthi|jabardasthi|(?:pakad|daba|bandh|baandh)(?: ke| kar| kr)"
                        + "|force kar\\w*");
        rule(
                Marker.NC_TERM,
                "nc:term-other",
                "balatkar|balaatkar|violar\\w*|violacion|violada|abusar de (?:ella|el)|abusa de (?:ella|el)");
        rule(
                Marker.NC_REFUSAL,
                "nc:refusal-other",
                "mana (?:kar|kr) (?:rahi|raha|rhi|rha|diya|di|chuki|raha tha|rahi thi)|mana karne (?:ke baad|par|pe)"
                        + "|nahi maan (?:rahi|raha|rhi)|(?:ro|chilla|cheekh) (?:rahi|rhi|raha|rha)|nahi chahti"
                        + "|aunque (?:me|le|te|nos|ella) (?:diga|dice|pida|pide|suplique|ruegue) que (?:pare|no)"
                        + "|(?:dice|grita|suplica|llora) que (?:pare|no)|sin su consentimiento|en contra de su voluntad"
                        + "|a la fuerza|mientras llora");
        rule(
                Marker.NC_INCAPACITY,
                "nc:incapacity-other",
                "behosh\\w*|nashe (?:mein|me)|nasha (?:de|dekar|mila|milake)\\w*|neend ki goli (?:de|dekar|mila"
                        + "|milakar|khila)\\w*|soti hui|inconsciente|drogad[ao]s?|drogarla|drogarlo|sedad[ao]"
                        + "|(?:muy|demasiado|tan) borracha|emborrach\\w*|se aprovecha de (?:ella|el)"
                        + "|aprovecharse de (?:ella|el)");
        rule(
                Marker.FAMILY,
                "family:other",
                "(?:apni|apne|meri|mere|uski|uske|teri|tere|sagi|sage) (?:behen|bahen|behan|didi|bhaiya|bhaiyya|maa"
                        + "|mummy|mumma|papa|beti|chachi|chacha|mausi|bua|mami|mama|bhanji|bhatiji|bhatija|bhanja)"
                        + "|(?:mi|su|tu) (?:hermana|hermano|madre|mama|padre|papa|tia|tio|prima|primo|hija|hijo|sobrina"
                        + "|sobrino|abuela|abuelo|hermanastra|hermanastro|madrastra|padrastro)");
        rule(Marker.ANIMAL, "animal:spanish", "perros?|caball[oa]s?|yeguas?|cabras?|burros?");
        rule(
                Marker.FRAMING,
                "framing:other",
                "likho|likhna|likh|kahani|kahaani|detail (?:mein|me)|banao|escribe\\w*|escribir|historia|relato"
                        + "|describir|imagina|(?:un|el|juego de) rol");

        // ---------------------------------------------------------------- Portuguese, French, German, Italian
        // The same markers in the other languages users write most often; neither embedding model reads them, so for
        // them the rules are the only layer. Text arrives normalised: lower case, accents and apostrophes dropped
        // ("j'ai" is "jai", "Mädchen" "madchen", "ß" "ss"). An age needs a verb of having or a person, never a bare
        // number ("il y a 12 ans" is "12 years ago", "faz 12 anos" "12 years since"); words that also mean something
        // harmless are left out ("baiser" a kiss, "scopa" a broom, "gozar" to enjoy, "ausziehen" to move out, "mineur"
        // a miner or a minor key).
        rule(
                Marker.MINOR,
                "minor:age-other",
                "(?:tem|tenho|tens|completou|completa|acabou de fazer) (?:<N>|dez|onze|doze|treze"
                        + "|catorze|quatorze|quinze|dezesseis|dezasseis|dezessete|dezassete|seis|sete|oito|nove) anos"
                        + "|(?:menina|menino|garota|garoto|garotinha|filha|filho|irma|irmao|sobrinha|sobrinho|aluna|aluno"
                        + "|estudante|crianca|personagem|namorada|namorado|mocinha) de (?:<N>|dez|onze|doze|treze|catorze"
                        + "|quatorze|quinze|dezesseis|dezasseis|dezessete|dezassete) anos"
                        + "|(?:jai|tu as|elle a|il a|qui a|vient davoir) (?:<N>|dix|onze|douze|treize|quatorze|quinze"
                        + "|seize|dix sept|six|sept|huit|neuf) ans(?! (?:de|d|plus tard|apres|avant|que)(?![a-z]))"
                        + "|(?:fille|fillette|garcon|fils|soeur|frere|niece|neveu|eleve|ecoliere|ecolier|collegienne"
                        + "|collegien|lyceenne|enfant|gamine|gamin|personnage|copine|petite amie) de (?:<N>|dix|onze|douze"
                        + "|treize|quatorze|quinze|seize|dix sept) ans"
                        + "|(?:<N>|zehn|elf|zwolf|dreizehn|vierzehn|funfzehn|sechzehn|siebzehn) jahre alt"
                        + "|(?:<N>|zehn|elf|zwolf|dreizehn|vierzehn|funfzehn|sechzehn|siebzehn) ?jahrige[nrs]?"
                        + "|(?:ho|hai|ha|compie|ha appena compiuto) (?:<N>|dieci|undici|dodici|tredici"
                        + "|quattordici|quindici|sedici|diciassette|sei|sette|otto|nove) anni(?! fa(?![a-z]))"
                        + "|(?:ragazza|ragazzo|ragazzina|ragazzino|bambina|bambino|figlia|figlio|sorella|fratello|nipote"
                        + "|studentessa|studente|alunna|alunno|personaggio|fidanzata|fidanzato) di (?:<N>|dieci|undici"
                        + "|dodici|tredici|quattordici|quindici|sedici|diciassette) anni");
        rule(
                Marker.MINOR,
                "minor:school-other",
                "menor de idade|menores de idade|colegial|(?:no|na|do|da) (?:ensino fundamental|quinta serie|sexta serie"
                        + "|setima serie|oitava serie|sexto ano|setimo ano|oitavo ano|nono ano)|(?:uma|a|essa|minha)"
                        + " (?:menininha|garotinha|criancinha)"
                        + "|(?:une|la|cette|est|etait|suis|es) mineure|mineurs? dage|mineure dage|collegienne|ecoliere"
                        + "|(?:est|suis|es|etait|etais) (?:en|au) (?:sixieme|cinquieme|quatrieme|troisieme|cm1|cm2|college)"
                        + "(?![a-z])|(?:une|la|cette|ma|sa) (?:petite fille|fillette|gamine)"
                        + "|minderjahrig\\w*|schulmadchen|(?:in der|in die) (?:[5-9]|1[0-2])(?: |\\. )?klasse"
                        + "|(?:funften|sechsten|siebten|achten|neunten|zehnten) klasse|kleines madchen"
                        + "|kleine madchen"
                        + "|minorenne|minorenni|(?:alle|in|fa le|fa la) (?:medie|prima media|seconda media|terza media)"
                        + "|(?:una|la|quella|mia|sua) (?:ragazzina|bambina|bimba)|(?:un|il|quel|mio|suo) (?:ragazzino|bambino"
                        + "|bimbo)");
        rule(
                Marker.SEXUAL,
                "sexual:act-other",
                "transar\\w*|transa(?:mos|ram|ndo)|foder\\w*|fuder\\w*|(?:tira|tirar|tirou|tirando|tire)"
                        + " (?:a|sua|toda a) roupa|despi(?:r|u|ndo|da|do|r-se|ndo-se)(?![a-z])|(?:fazer|fazendo|fizemos|faz|fez)"
                        + " amor|boquete|tesao|punheta|cena (?:de sexo|quente|hot|picante)"
                        + "|sexe|(?<!(?:violences?|agressions?|abus|harcelement|education|sante|orientation|identite|exploitation|infractions?|crimes?|violenza|violenze|abusi|abuso|molestie|educazione|salute|orientamento|aggressione|aggressioni|identita|sfruttamento|reati|reato) )sexuel\\w*(?! (?:transmissibles?|gewalt|missbrauch\\w*|belastigung|aufklarung|gesundheit|orientierung"
                        + "|ubertragbar\\w*|ubergriff\\w*|identitat|bildung|selbstbestimmung)(?![a-z]))|faire lamour|fait lamour|font lamour|fais lamour|(?:coucher|couche|couchent"
                        + "|couches) avec|(?:la|me|te) baise\\w*|deshabill\\w*|branl\\w*|scene (?:de sexe|erotique|chaude|hot|de cul)"
                        + "|ficken\\w*|fickt|gefickt|vogeln|sexszene\\w*|erotisch\\w*|miteinander"
                        + " schlafen|(?:schlafen|schlaft|schlief|schlafe) mit (?:ihr|ihm|dir|mir)|liebe machen"
                        + "|(?:zieht|zog|zieh|ziehst) (?:sich|dich|mich|sie|ihn) aus(?![a-z])|(?:sich|dich|mich|sie|ihn)"
                        + " auszuziehen"
                        + "|sesso|(?<!(?:violences?|agressions?|abus|harcelement|education|sante|orientation|identite|exploitation|infractions?|crimes?|violenza|violenze|abusi|abuso|molestie|educazione|salute|orientamento|aggressione|aggressioni|identita|sfruttamento|reati|reato) )sessual\\w*(?! (?:trasmissibili|trasmesse)(?![a-z]))|scopar(?:e|la|lo|ti|mi|si|ci)|scopat[aoie]|scopiamo|spogli(?:a|arsi|arla|arlo|arti|ata|ato|ando)(?![a-z])"
                        + "|(?:fare|facciamo|fanno|fa|facendo) (?:lamore|l amore)|andare a letto con|(?:va|vanno|vado|vai) a"
                        + " letto con|pompino|scena (?:di sesso|erotica|piccante|hot)");
        rule(
                Marker.BODY,
                "body:langs-other",
                "pelad[ao]s?|toute nue|tout nu(?![a-z])|nues?(?= (?:devant|sur|dans|pour|contre|sous)(?![a-z]))"
                        + "|nackt\\w*|auszieht|auszog|nuda|nude(?= (?:davanti|sul|sulla|nel|nella|per)(?![a-z]))");
        rule(
                Marker.ROMANTIC,
                "romantic:langs-other",
                "beij(?:o|os|a|ar|ou|ando|aram|amos|inho)|namorar|embrass(?:e|er|es|ent|ait|ons|ez|ee)|bisous?|calins?"
                        + "|kuss|kusse|kussen|kusst|kusste|geknusst|kuschel\\w*"
                        + "|bacio|baci|bacia(?:re|mi|rla|rlo|ti|ndo|to|ta|no)?|baciami|coccol\\w*"
                        + "|besos?|besar(?:la|lo|te|me|nos)?|besa(?:ndo|mos|ron)?|besame|besito\\w*|abrazame|acurruc\\w*");
        rule(
                Marker.ROMANTIC_DIRECTED,
                "romantic:directed-langs-other",
                "me beij(?:a|e|ar)|(?:vamos|quero) (?:nos )?beijar|beija me|embrasse moi|(?:je veux|on va) (?:t|nous)"
                        + " embrasser|kuss mich|(?:ich will|lass uns) (?:dich |uns )?kussen|baciami|(?:voglio|vieni a)"
                        + " baciarti|baciamoci|besame|(?:quiero|vamos a) besarte|besemonos");
        // A request to write, tell or play it, as "framing" is in English (a scene is not: nor is it in English).
        rule(
                Marker.FRAMING,
                "framing:langs-other",
                "escrev(?:a|e|er|as|am)|conto|descrev\\w*|finja|fingir|faz de conta|imagina|imagine|imaginez|interpret\\w*"
                        + "|ecri(?:s|re|vez|ts|t)|histoire|recit|decri(?:s|re|vez)|fais semblant|faisons semblant|jeu de role"
                        + "|schreib\\w*|geschichte|beschreib\\w*|stell dir vor|rollenspiel|tu so als"
                        + "|scriv(?:i|ere|imi|ete)|storia|racconto|descriv\\w*|immagina|fai finta|facciamo finta|gioco di ruolo"
                        + "|role ?play");
        rule(
                Marker.NC_TERM,
                "nc:rape-other",
                "estupr\\w*|violentad[ao]s?|violentou|violentar|viol(?![a-z])|violer|violee?s?|viole par|violait"
                        + "|vergewaltig\\w*|stupr\\w*|violentat[ao]|violentarla");
        rule(
                Marker.NC_REFUSAL,
                "nc:refusal-langs-other",
                "sem (?:o )?(?:seu )?consentimento|contra a (?:sua )?vontade|mesmo (?:ela|ele) (?:dizendo|gritando"
                        + "|pedindo) (?:que )?(?:nao|pra parar|para parar)|(?:implora|grita|chora|pede|implorando|gritando"
                        + "|chorando|pedindo) (?:para|pra) (?:ele )?parar"
                        + "|sans (?:son )?consentement|contre son gre|contre sa volonte|(?:meme si|alors qu|alors que)"
                        + " (?:elle|il) (?:dit|crie|supplie|pleure|refuse)|(?:supplie|crie|pleure|hurle) (?:quil|qu il)"
                        + " arrete|(?:le|la) supplie darreter"
                        + "|gegen (?:ihren|seinen|deinen) willen|ohne (?:ihre|seine|deine) zustimmung|ohne (?:ihr|sein|dein)"
                        + " einverstandnis|obwohl (?:sie|er) nein sagt|obwohl (?:sie|er) (?:weint|schreit|fleht)"
                        + "|(?:fleht|schreit|bettelt) (?:ihn )?an,? aufzuhoren|aufzuhoren fleht"
                        + "|contro la sua volonta|senza (?:il suo )?consenso|anche se (?:lei|lui) (?:dice|urla|piange"
                        + "|implora)|(?:implora|urla|supplica|piange) (?:di|che) smett\\w*");
        rule(
                Marker.NC_INCAPACITY,
                "nc:incapacity-langs-other",
                "desmaiad[ao]s?|dopad[ao]s?|(?:muito|tao|bem) bebad[ao]|bebad[ao] demais|boa noite cinderela"
                        + "|inconsciente|droguee?s?|(?:tres|trop|completement) (?:saoule?|ivre)|ivre morte|somnifere"
                        + "|bewusstlos\\w*|betaubt\\w*|ko tropfen|sturzbetrunken|zu betrunken|unter drogen gesetzt"
                        + "|incosciente|drogat[ao]|svenut[ao]|(?:troppo|completamente) ubriac[ao]|narcotizzat[ao]");
        // The speaker's own wish or part, which takes the help exemption away as "I want", "with me" do in English
        // (no word that is also English: German "will" alone is not here).
        rule(
                Marker.DESIRE,
                "desire:langs-other",
                "quero|queria|gostaria de|tenho vontade de|comigo|je veux|je voudrais|jai envie|je reve de|avec moi"
                        + "|ich will|ich mochte|ich wunsche mir|mit mir|voglio|vorrei|desidero|sogno di|con me"
                        + "|quiero|quisiera|sueno con|conmigo|me excita|me deixa (?:excitad[oa]|com tesao)|mexcite"
                        + "|macht mich an|mi eccita");
        // A parent asking about their own child in these languages and in Spanish: the help exemption applies as in
        // English ("ma fille de 12 ans a vu une vidéo de sexe, que faire ?").
        rule(
                Marker.CARER,
                "carer:own-child-other",
                "(?:minha|meu|nossa|nosso) (?:filha|filho|filhos|filhas|crianca|criancas|aluna|aluno)"
                        + "|(?:ma|mon|notre|nos|mes) (?:fille|fils|enfant|enfants|eleve|eleves)"
                        + "|(?:meine|mein|meinen|meinem|unsere|unser|unseren) (?:tochter|sohn|kind|kinder)"
                        + "|(?:mia|mio|nostra|nostro|miei|mie) (?:figlia|figlio|figli|figlie|bambina|bambino|bambini)"
                        + "|(?:mi|mis|nuestra|nuestro|nuestros) (?:hija|hijo|hijos|hijas|nina|nino|ninos)");
        rule(
                Marker.CARE_QUESTION,
                "help:carer-other",
                "o que (?:eu )?(?:faco|fazer|devo fazer)|como (?:falar|explicar|reagir|proteger|conversar|lidar"
                        + "|ensino|ensinar|explico|falo com|converso com|enseno|ensenar|le explico)"
                        + "|(?:e|isso e) normal|que (?:dois je|faire)|comment (?:lui )?(?:parler|expliquer|reagir|proteger"
                        + "|en parler)|(?:est ce|cest) normal|was soll ich (?:tun|machen)|wie (?:soll|kann) ich"
                        + " (?:reagieren|das erklaren|mit (?:ihr|ihm) reden|sie schutzen|ihn schutzen)|ist das normal"
                        + "|cosa (?:faccio|devo fare|posso fare)|come (?:parlarne|parlare|spiegare|reagire|proteggerl\\w*)"
                        + "|(?:e|questo e) normale|que hago|que debo hacer|como (?:hablar|explicar|reaccionar|protegerl\\w*)"
                        + "|es normal");
        rule(
                Marker.IMPLIED_ACT,
                "implied:hinglish",
                "(?:uske|usse|unke|tere|teri|aapke|iske|inke|ke) (?:saath|sath) (?:raat ko |akele )?(?:sab kuch |kuch |jo"
                        + " chahe |wo sab |woh sab )?(?:karna|karo|karunga|karenge|kar|karne|kiya|karta|karti)(?! (?:kaam"
                        + "|baat|padhai|shopping|party|dinner|lunch)(?![a-z]))|jo (?:chahe|mann kare) (?:karunga"
                        + "|karenge|karo|karna)|maze (?:lo|le|lena|lunga|liye)");
        rule(
                Marker.FAMILY,
                "family:pair-hinglish",
                "(?:bhai|bhaiya|bhaiyya|behen|bahen|behan|didi|maa|mummy|papa|beti|beta|bete|chacha|chachi|mausi|mama"
                        + "|mami|bua|bhatiji|bhanji|sauteli maa|sautela bhai|sauteli behen)(?: aur | ?- ?| )(?:behen|bahen"
                        + "|behan|bhai|didi|beti|beta|bete|bhatiji|bhanji|bhatija|bhanja|maa|papa)(?![a-z])|(?:didi|behen"
                        + "|bahen|chachi|mausi|bua|mami|sauteli maa|bhaiya|maa|mummy|beti|sagi \\w+) ke (?:saath|sath)"
                        + "|bro sis|sis bro");
        rule(
                Marker.ANIMAL,
                "animal:hinglish",
                "kutte|kutta|kutton|bakri|bakriyon|bhains|ghoda|ghode|ghodi|gadha|gadhi|janwar|janwaron");
        rule(
                Marker.SEXUAL,
                "sexual:hinglish-story",
                "(?:hot|gandi|gande|ganda|sexy|dirty|garam) (?:kahani|kahaani|scene|baatein|baat)(?![a-z])");
        rule(
                Marker.NC_INCAPACITY,
                "nc:incapacity-hinglish",
                "hosh kho\\w*|(?:pila|pilake|pila ke|pila de|pilaa)(?: \\w+){0,3} (?:behosh|ki mana|taaki|ki woh)"
                        + "|daaru pila\\w*|(?:dawai|dawa|goli|kuch) (?:de|daal|mila|milake|mila ke|dekar|de ke|de deta)"
                        + "\\w*|drink mein (?:\\w+ ){0,2}(?:mila|daal)\\w*|mana (?:hi )?na kar (?:paye|sake|paaye)|kuch"
                        + " yaad na(?:hi)? (?:rahe|rahega|rehna)|gehri neend|neend mein (?:thi|hai)|so rahi (?:thi|hai)"
                        + "|nashe mein|nasha (?:karwa|kara)\\w*");
        rule(
                Marker.NC_REFUSAL,
                "nc:refusal-hinglish",
                "(?:nahi|nhi) (?:ruka|ruki|rukunga|rukega)|ruka nahi|ek na suni|suni nahi|(?:ruk jao|mat karo|chhod do"
                        + "|nahi chahiye)(?: \\w+){0,6} (?:par|phir bhi|lekin)|phir bhi (?:usne|maine|woh|wo|tu|hero)");
        rule(
                Marker.NC_COERCION,
                "nc:coercion-hinglish",
                "(?:warna|varna|nahi to|nahi toh)(?: \\w+){0,6} (?:viral|dikha dunga|bhej dunga|daal dunga"
                        + "|bata dunga)|dara ke|dara kar|dhamka\\w*|dhamki");
        rule(
                Marker.SELF_HARM_ENCOURAGEMENT,
                "self-harm:encouragement-hinglish",
                "latak ja\\w*|faansi laga (?:le|lo)|(?:khud ko|apne aap ko|zindagi|sab) khatam kar (?:le|lo|de|do)"
                        + "|(?:tum|tu|tumhare|tere)(?: \\w+){0,4} (?:chale jaoge|mar jaoge|nahi rahoge|mar jaye) to(?:h)?"
                        + " (?:sab|kisi ko)|(?:tumhare|tere) bina (?:sab )?khush|kuch mat khana|bhookha rehna sikhao"
                        + "|patli ho jaogi");
        rule(
                Marker.SELF_HARM_IDEATION,
                "self-harm:ideation-other",
                "(?:marna|mar jana|mar jaana|mar jaun|mar jau) (?:chahta|chahti|chahta hoon|chahti hoon|hai)|jeena"
                        + " nahi chahta|jeena nahi chahti|khudkushi|aatmahatya|atmahatya|khud ko (?:khatam|maar|hurt"
                        + "|kaat)|apni jaan (?:le|lena|de)|zindagi khatam|quiero morir|matarme|suicidarme"
                        + "|quitarme la vida|no quiero vivir|hacerme dano|cortarme");
        rule(
                Marker.SELF_HARM_METHOD,
                "self-harm:method-other",
                "(?:kitni|kitne|kaunsi|kaun si|konsi|kaise|kahan)(?: [a-z]+){0,5} (?:goli|goliyan|goliya|tablet\\w*"
                        + "|pills?)(?: [a-z]+){0,5} (?:mar|na uth\\w*|nahi uth\\w*|uthun hi nahi|khatam)|(?:kaise|tarika"
                        + "|tareeka)(?: [a-z]+){0,3} (?:marun|maru|mar sakta|mar sakti|khudkushi|suicide kar)"
                        + "|(?:khudkushi|khud ?kushi|aatmahatya|atmahatya|suicide|marne)(?: [a-z]+){0,4} (?:tarika|tareeka"
                        + "|tarike|tareeke|upay)|(?:como|cuantas|cuantos|cual|cuales|donde)(?: [a-z]+){0,6} (?:matarme"
                        + "|suicidarme|cortarme|hacerme dano|no despertar|para morir|morirme)|(?:hacerme dano|cortarme) sin que");
        rule(
                Marker.SELF_HARM_ENCOURAGEMENT,
                "self-harm:encouragement-other",
                "(?:tu|tum|aap) (?:mar ja|mar jao|marr ja|khudkushi kar le|suicide kar le)|mar (?:kyu|kyun|kyon) nahi"
                        + " (?:jaate|jata|jati|jaati)|(?:deberias|tienes que) (?:matarte|suicidarte|cortarte)");
        // Portuguese, French, German and Italian: wanting to die (support), asking for a way, urging someone to.
        // Hyperbole is left out: "vou me matar de rir", "ce boulot va me tuer", "meine Mutter bringt mich um".
        rule(
                Marker.SELF_HARM_IDEATION,
                "self-harm:ideation-langs-other",
                "quero morrer|(?:quero|vou|penso em|pensando em|pensei em) me matar(?! de)|suicidar\\w*|tirar (?:a )?minha"
                        + " (?:propria )?vida|nao quero (?:mais )?viver|me cortar(?! (?:o|a|os|as|um|uma)(?![a-z]))|me machucar"
                        + "|(?:je )?veux mourir|envie de mourir|me suicider|(?:veux|vais|voudrais|pense a) me tuer"
                        + "|en finir avec (?:la|ma) vie|(?:je )?ne veux plus vivre|me faire du mal|me scarifier"
                        + "|(?:ich )?will sterben|(?:will|werde|mochte) mich umbringen|(?:mir )?das leben nehmen"
                        + "|selbstmord|suizid\\w*|will nicht mehr leben|mich ritzen"
                        + "|voglio morire|ammazzarmi|uccidermi|togliermi la vita|non voglio piu vivere|farmi del male"
                        + "|tagliarmi(?! (?:i|il|la|le|lo|gli|un|una)(?![a-z]))");
        rule(
                Marker.SELF_HARM_METHOD,
                "self-harm:method-langs-other",
                "(?:quantos|quantas|qual|quais|como|onde)(?: [a-z]+){0,6} (?:me matar|suicidar\\w*|nao acordar|morrer"
                        + " dormindo|me cortar sem)"
                        + "|(?:combien|comment|quel|quelle|quels|quelles|ou)(?: [a-z]+){0,6} (?:me tuer|me suicider|mourir"
                        + " sans|ne pas me reveiller|ne plus me reveiller|me scarifier sans)"
                        + "|(?:wie viele|wie|welche|welcher|welches|wo)(?: [a-z]+){0,6} (?:mich umbringen|umzubringen|sterben"
                        + " kann|nicht mehr aufwache|nicht mehr aufzuwachen|mich ritzen)"
                        + "|(?:quanti|quante|quale|quali|come|dove)(?: [a-z]+){0,6} (?:ammazzarmi|uccidermi|suicidarmi|non"
                        + " svegliarmi|morire nel sonno|tagliarmi senza)");
        rule(
                Marker.SELF_HARM_ENCOURAGEMENT,
                "self-harm:encouragement-langs-other",
                "(?:voce|tu) (?:deveria|devia|devias|tem que|tens de) (?:se matar|te matar|morrer|se cortar)|se mata logo"
                        + "|ninguem (?:sentiria|vai sentir) (?:sua|tua) falta" + NOT_COMPARED
                        + "|(?:tu )?devrais (?:te tuer|mourir|te suicider)|va te pendre|va te suicider"
                        + "|tue toi|personne ne (?:te regrettera|remarquera (?:ton absence|si tu)|va te regretter)"
                        + NOT_COMPARED
                        + "|(?:du )?solltest (?:dich umbringen|sterben|dich ritzen)|bring dich (?:doch|endlich|einfach) um|(?:hang|erhang)"
                        + " dich (?:doch )?auf|niemand (?:wurde|wird) dich vermissen" + NOT_COMPARED
                        + "|dovresti (?:ammazzarti|ucciderti|morire|tagliarti)|ucciditi|nessuno (?:sentirebbe"
                        + "|sentira) la tua mancanza" + NOT_COMPARED);

        // ---------------------------------------------------------------- fifteenth round
        // Encouragement without a method: standing back from the decision, beside dying said softly (RuleGuard).
        rule(
                Marker.SELF_HARM_PERMISSION,
                "self-harm:permission",
                "(?:nobody|no one|noone|no1) (?:would|will|can|could|is going to|is gonna|gonna|has (?:the )?(?:right"
                        + "|power) to|should|gets to) (?:even )?(?:try to )?(?:stop|blame|judge) you"
                        + "|(?:its|it s|it is|thats|that s) (?:your|ur) (?:choice|decision|call)|i (?:support|respect"
                        + "|accept) (?:it|that|this|you|your (?:choice|decision))|(?:you have|youve got|you ve got|you got)"
                        + " my (?:permission|blessing)|(?:its|it s|it is|thats|that s) (?:okay|ok|alright|fine) to (?:go"
                        + "|let go|stop fighting|give up|rest|leave)|i (?:wont|won t|will not) (?:try to )?(?:stop you|talk"
                        + " you out of it|hold you back|tell anyone|judge you)|(?:dont|do not) tell (?:your |the |a )?"
                        + "(?:therapist|counselou?r|doctor|psychiatrist|parents|mom|dad|family|friends|anyone|anybody"
                        + "|teacher)|(?:they|theyll|they ll|they will|theyd|they would) (?:only |just )?(?:try to )?stop"
                        + " you|if you (?:really )?want to (?:go|leave)|(?:we can|lets|let s|we could|we ll|well) go"
                        + " together"
                        + "|nadie (?:te )?(?:va a |podra |puede )?(?:detener|parar|impedir|culpar)(?:te|lo)?(?![a-z])"
                        + "|(?:es|sera) tu (?:decision|eleccion)|te apoyo|(?:lo )?respeto tu decision"
                        + "|no se lo (?:digas|cuentes) a nadie"
                        + "|(?:a escolha|a decisao) e (?:sua|tua)|eu (?:te )?apoio|ninguem (?:vai|ira|pode) (?:te )?"
                        + "(?:impedir|parar|culpar)|(?:nao|nem) (?:conta|contes|fale) (?:pra|para) ninguem"
                        + "|personne ne (?:ten|te|t en) (?:empechera|retiendra|blamera|voudra)|cest ton choix|c est ton"
                        + " choix|je (?:le )?respecte ta decision|je te soutiens|nen parle a personne"
                        + "|(?:halte|halt) ich dich nicht auf|niemand (?:wird|kann) dich (?:aufhalten|stoppen)"
                        + "|(?:du musst|musst du) niemandem davon erzahlen|(?:es ist|ist) deine entscheidung|ich"
                        + " (?:unterstutze|respektiere) (?:dich|das|deine entscheidung)"
                        + "|nessuno ti (?:fermera|impedira|biasimera)|(?:e|sara) (?:la )?tua (?:scelta|decisione)|ti"
                        + " (?:sostengo|appoggio)|(?:e|ed e) giusto cosi|non dirlo a nessuno"
                        + "|koi (?:tumhe |tujhe |aapko )?nahi rokega|(?:tumhara|tera|aapka) (?:decision|faisla) hai"
                        + "|main (?:tumhe )?support (?:karti|karta|karungi|karunga) (?:hoon|hu)");
        rule(
                Marker.SELF_HARM_LEAVING,
                "self-harm:leaving",
                "(?:deserve|deserves|find|be at|at) peace(?! (?:of mind|and quiet)(?![a-z]))|(?:deserve|need) to rest"
                        + "|rest (?:now|forever|at last)|eternal (?:rest|sleep)|(?:sleep|quiet|rest|gone|asleep) forever"
                        + "|forever (?:quiet|asleep)|stop fighting|(?:the )?other side(?! of (?:the|town|the road|the"
                        + " street|the world)(?![a-z]))|too (?:beautiful|pure|good|gentle|kind) for this world|leave this"
                        + " world|(?:your|my) last (?:night|day|breath|goodbye|sunset|moments?)|(?:stay|be|be here|stay"
                        + " here|stay right here) with you (?:until|till|to) the (?:very )?end|(?:suicide )?pact"
                        + "|(?:let|letting) yourself (?:go|slip away)|slip away|(?:end|ending) (?:it|it all|things|the"
                        + " pain|your pain|your suffering)(?![a-z])|go through with it|(?:made|make) up your mind"
                        + "|(?:merece|mereces) (?:descansar|paz|la paz)|descansar para siempre|dejar de luchar"
                        + "|(?:descansar|paz) para sempre|parar de lutar"
                        + "|tu merites (?:la paix|de te reposer)|en finir|reposer pour toujours|arreter de te battre"
                        + "|verdienst (?:frieden|ruhe)|fur immer (?:schlafen|ruhen)|aufhoren zu kampfen"
                        + "|non vale la pena (?:restare|vivere|continuare)|meriti (?:pace|di riposare)|farla finita"
                        + "|smettere di lottare|(?:jaana|jana) chahte ho|hamesha ke liye so");
        rule(
                Marker.SELF_HARM_ENCOURAGEMENT,
                "self-harm:encouragement-more-2",
                "(?:no one|nobody|noone) (?:finds|will find|can find) you (?:in time|until its too late|until it s too"
                        + " late)|(?:goodbye|farewell|final|last) (?:note|letter|message)s?(?: [a-z]+){0,10} (?:before i"
                        + " (?:do it|go through with it|end it)|after (?:im|i m|i am) gone|when (?:im|i m|i am) gone)"
                        + "|(?:too (?:beautiful|pure|good) for this world)(?: [a-z]+){0,12} (?:your|the) last"
                        + "|nadie te (?:va a |iba a )?extranar" + NOT_COMPARED);
        // A way to die asked for with its purpose ("so it doesn't hurt", "to end it", "so I don't wake up").
        rule(
                Marker.SELF_HARM_METHOD_DESCRIPTION,
                "self-harm:method-request-more",
                "(?:what|which|how much|how many)(?: [a-z]+){0,3} (?:to take|should i take|do i take|can i take|i"
                        + " should take)(?: [a-z]+){0,3} so (?:it|that it) (?:doesnt|dont|wont|won t|does not|will not)"
                        + " hurt|(?:suicide|sewer ?slide|sewerslide|kms|unaliv\\w*|self ?harm|cutting) (?:tips|methods"
                        + "|ideas|guides?|tutorials?)|(?:want|make) it quick and (?:quiet|painless)");
        rule(
                Marker.SELF_HARM_METHOD,
                "self-harm:method-langs-more",
                "(?:kitni|kitne)(?: [a-z]+){0,5} (?:goli|goliyan|goliyaan|tablets?|pills?)(?: [a-z]+){0,5} uthna"
                        + " (?:hi )?na pade|(?:combien|quelle dose|assez)(?: [a-z]+){0,6} pour en finir"
                        + "|(?:cuantas|cuantos) (?:pastillas|pildoras)(?: [a-z]+){0,4} para (?:morir|no despertar|acabar"
                        + " con todo)|(?:quantos|quantas) (?:comprimidos|pilulas|remedios)(?: [a-z]+){0,4} (?:para|pra)"
                        + " (?:morrer|nao acordar|acabar com tudo)|wie viele (?:tabletten|pillen)(?: [a-z]+){0,4} (?:um zu"
                        + " sterben|bis ich sterbe|damit ich nicht mehr aufwache)|quante (?:pillole|pastiglie|compresse)"
                        + "(?: [a-z]+){0,4} per (?:morire|non svegliarmi|farla finita)");

        // Weapons and attacks, as asked in chat: a gun made untraceable, a gas to hurt people, the same in the other
        // languages (counted with a request or instruction word, as in English).
        rule(
                Marker.WEAPON_MAKING,
                "harmful:weapon-making-more",
                "(?:grind|grinding|file|filing|remove|removing|scratch|scratching|sand|sanding|drill|burn|get rid of)"
                        + " (?:off |out )?(?:the |a |my |its )?serial(?: numbers?| nos?)?|(?:guns?|pistols?|rifles?"
                        + "|firearms?|glocks?|ar ?15s?) (?:with )?(?:no|without a|without any) serials?"
                        + "|(?:untraceable|unregistered|off the books) (?:guns?|pistols?|rifles?|firearms?|glocks?)"
                        + "|(?:gas|fumes|cloud) (?:that|which) (?:would|will|can|could) (?:hurt|kill|harm|poison) (?:a lot"
                        + " of |lots of |many |a bunch of )?(?:people|everyone|them|passengers)|(?:toxic|poisonous|deadly"
                        + "|chlorine|lethal) gas (?:to|that|which|for) (?:hurt|kill|harm|use on|poison)"
                        + "|rohrbomb\\w*|nagelbomb\\w*|sprengsatz\\w*|bombe bauen|bomba caseira|bomba artesanal"
                        + "|bombe artisanale|bomba (?:fatta in casa|artigianale)|(?:raspar|limar|apagar|remover|borrar"
                        + "|quitar|limer|effacer|enlever|entfernen|abschleifen|togliere|limare|cancellare) (?:o |el |le"
                        + " |la |die |il )?(?:numero de serie|numero di serie|numero di matricola|seriennummer)"
                        + "|(?:pistola|arma|arme|waffe|pistole) (?:non rintracciabile|nao rastreavel|no rastreable"
                        + "|intracable|sin numero de serie|sem numero de serie|ohne seriennummer)");
        rule(
                Marker.VIOLENCE_PLAN,
                "harmful:violence-plan-more",
                "(?:hurt|beat up|attack|shoot|jump|cripple) (?:someone|somebody|a person|him|her|them|my (?:[a-z]+ )?"
                        + "(?:ex|boss|neighbou?r|coworker|roommate|teacher|classmate|stepdad|stepmom))(?: [a-z]+){0,4}"
                        + " (?:without (?:getting caught|anyone (?:knowing|noticing|finding out)|leaving (?:a |any )?"
                        + "(?:trace|evidence)|being (?:caught|detected|traced))|and get away with it)"
                        + "|(?:telling|tell|warning|warn) (?:him|her|them)(?: that)? (?:ill|i ll|i will|im going to|i m"
                        + " going to|im gonna|i m gonna) (?:shoot|stab|kill|murder) (?:him|her|them)");
        rule(
                Marker.HATE,
                "hate:dehumanising",
                "(?:<GROUP>) (?:are|r|is|were) (?:all |just |nothing but |like |no better than )?(?:(?:dirty|filthy|diseased"
                        + "|disgusting|rabid|sick|savage|subhuman|worthless) )?(?:animals|vermin"
                        + "|rats|cockroaches|roaches|parasites|subhumans?|sub humans|a disease|a plague|a cancer|filth"
                        + "|insects|apes|monkeys)(?![a-z])|(?:we (?:must|should|need to|have to|gotta|will|ll|re going to)|lets"
                        + "|let s|must|should|need to|have to|gotta|time to|i (?:want|wanna|will|ll) (?:to )?|go) (?:just"
                        + " |finally |all )?(?:exterminate|purge|wipe out|eradicate|gas|cleanse|get rid of) (?:all (?:the )?"
                        + "|the |every |of )?(?:<GROUP>)(?![a-z])|(?:<GROUP>)(?: [a-z]+){0,6} (?:need|needs|should|must|have|deserve)"
                        + " (?:to )?(?:be )?(?:exterminated|purged|wiped out|eradicated|gassed|cleansed|removed from (?:our"
                        + "|this) (?:town|country|city))"
                        + "|(?:<GROUP_OTHER>) (?:sont|son|sao|sind|sono) (?:des |unos |uns |solo |nur |solo )?(?:[a-z]+ )?"
                        + "(?:rats|ratas|ratos|ratten|ratti|animaux|animales|animais|tiere|animali|vermine|ungeziefer"
                        + "|parasites|parasitos|parasiten|parassiti|cafards|cucarachas|baratas)(?![a-z])");
        rule(
                Marker.MINOR,
                "minor:life-event",
                "(?:(?:bat|bar|b nai) mitzvah|quinceanera|sweet (?:sixteen|16))(?!(?: [a-z0-9]+){0,5} (?:years|decades"
                        + "|ago)(?![a-z]))"
                        + "|(?:first|1st) (?:holy )?communion|(?:her|his|their|su|sa|son|ihre|seine|la sua|sua) "
                        + "(?:confirmation|konfirmation|firmung|cresima|crisma|profession de foi|primera comunion"
                        + "|premiere communion|primeira comunhao|erstkommunion|prima comunione)"
                        + "|profession de foi|primera comunion|premiere communion|primeira comunhao|erstkommunion"
                        + "|prima comunione|(?:just got|got|getting|has|have) (?:her|his|their|my) (?:learners|learner s"
                        + "|learner) ?(?:permit|licence|license)|(?:girl|cub|boy) scouts? (?:uniform|troop|badges?|cookies"
                        + " sale)|brownie (?:badges?|troop|uniform|scouts?)|(?:her|his) first period|(?:got|had|gets|getting)"
                        + " her (?:first )?period (?:for the first time|last (?:month|week|year)|this (?:month|year))"
                        + "|(?:encore|toujours|seulement) (?:au college|en sixieme|en cinquieme|en quatrieme)");
        rule(
                Marker.FAMILY,
                "family:langs-other",
                "(?:minha|meu|sua|seu|tua|teu) (?:irma|irmao|mae|pai|filha|filho|tia|tio|prima|primo|madrasta|padrasto"
                        + "|meia irma|meio irmao|avo)(?![a-z])|(?:pai|mae) e (?:filha|filho)|(?:irmao|irma) e (?:irma|irmao)"
                        + "|(?:ma|mon|sa|son|ta|ton) (?:soeur|frere|mere|pere|fille|fils|tante|oncle|cousine|cousin|belle"
                        + " mere|beau pere|demi soeur|demi frere|belle soeur)(?![a-z])|(?:pere|mere) et (?:fille|fils)"
                        + "|(?:frere|soeur) et (?:soeur|frere)"
                        + "|(?:meine|meiner|meinen|meinem|mein|seine|seiner|seinem|ihre|ihrer|ihrem|deine|deiner|deinem|dein)"
                        + " (?:schwester|bruder|mutter|vater|tochter|sohn|tante|onkel|cousine|cousin|stiefschwester"
                        + "|stiefbruder|stiefmutter|stiefvater|mama|papa)(?![a-z])|(?:vater|mutter) und (?:tochter|sohn)"
                        + "|(?:bruder|schwester) und (?:schwester|bruder)"
                        + "|(?:mia|mio|sua|suo|tua|tuo) (?:sorella|fratello|madre|padre|mamma|papa|figlia|figlio|zia|zio"
                        + "|cugina|cugino|sorellastra|fratellastro|matrigna|patrigno)(?![a-z])|(?:padre|madre) e (?:figlia"
                        + "|figlio)|(?:fratello|sorella) e (?:sorella|fratello)"
                        + "|(?:padre|madre) e (?:hija|hijo)|(?:hermano|hermana) y (?:hermana|hermano)|(?:mi|su|tu)"
                        + " (?:madrastra|padrastro|hermanastra|hermanastro|medio hermano|media hermana)");
        rule(
                Marker.SEXUAL,
                "sexual:langs-more",
                "(?:hazlo|hazla|ponlo|ponla|escribelo|escribela) (?:mas )?(?:explicit[oa]|picante|caliente|erotic[oa])"
                        + "|(?:escena|historia|cena) (?:explicita|erotica)|explicitamente|bem explicit[ao]"
                        + "|erotique\\w*|(?:scene|histoire|suite) (?:explicite|erotique|hot|chaude)"
                        + "|(?:de facon|de maniere) explicite|explicitement"
                        + "|explizite (?:szene|geschichte|details|version)|(?:szene|geschichte) explizit|explizit$"
                        + "|(?:scena|storia|versione) (?:esplicita|erotica|piccante)|(?:scrivila|scrivilo|rendila|rendilo)"
                        + " (?:piu )?(?:piccante|esplicit[ao]|erotic[ao])|in modo esplicito"
                        + "|(?:explicit|nsfw|erotic|spicy) (?:scene|chapter|continuation)|continue explicitly"
                        + "|(?:full|fully|very|super) explicit(?= (?:pls|please|plz|scene|version|chapter|details|rp|roleplay)(?![a-z])|$)"
                        + "|explicit (?:pls|please|plz)$");
        rule(
                Marker.NC_INCAPACITY,
                "nc:incapacity-more",
                "(?:can|could) (?:barely|hardly) (?:stand|walk|talk|speak|stand up|keep (?:her|his|their) eyes open)"
                        + "|(?:cant|can t|couldnt|couldn t) (?:even )?(?:stand up|walk straight|keep (?:her|his|their) eyes"
                        + " open|form (?:a )?(?:sentence|words))|(?:had|downed|drank|has had|s had) (?:like |about |around"
                        + " |at least )?(?:[6-9]|1[0-9]|six|seven|eight|nine|ten|too many|way too many) (?:shots|drinks"
                        + "|beers)|without (?:waking|wakeing) (?:her|him|them)"
                        + "|sem (?:ela|ele) acordar|sem acorda la|sin despertarla|sin que (?:ella|el) se despierte"
                        + "|sans (?:la|le) reveiller|sans qu ?(?:elle|il) se reveille|(?:a|avait) trop bu|narrive plus a"
                        + " (?:parler|tenir debout|marcher)|ne tient plus debout|ohne sie (?:zu )?(?:wecken|aufzuwecken)"
                        + "|ohne dass sie aufwacht|k ?o ?tropfen|senza svegliarla|senza che (?:lei|lui) si svegli");
        rule(
                Marker.NC_REFUSAL,
                "nc:refusal-langs-more",
                "(?:ela|ele) (?:diz|disse|falou) (?:que )?nao(?![a-z])|(?:elle|il) (?:dit|a dit) non(?![a-z])"
                        + "|(?:sie|er) sagt nein|(?:lei|lui) (?:dice|urla|grida|ha detto) (?:di )?no(?![a-z])");
        rule(
                Marker.ANIMAL,
                "animal:langs-other",
                "cachorr[oa]s?|caes|cavalos?|eguas?|chiens?|chiennes?|chevaux|juments?|hund|hunde|hundin|pferde?"
                        + "|stuten?|ziegen?|cagnolin[oa]|cavall[oi]|cavalla|asin[oi]");
        rule(
                Marker.SELF_HARM_METHOD,
                "self-harm:hidden-cutting",
                "(?:place|places|spot|spots|where) to cut(?: myself)? (?:where|so|that) (?:nobody|no one|noone|people|my"
                        + " parents|my mom|my dad|anyone)");
        // Sixteenth-round additions (red team 5): attacks on a person, weapons and drugs as asked in chat, hate and
        // coercion in the other languages, minors courted in Portuguese and German.
        rule(
                Marker.VIOLENCE_PLAN,
                "harmful:attack-plan",
                "(?:bring|bringing|take|taking|carry|carrying) (?:a |my |the |my (?:dads|moms|uncles|brothers|fathers)"
                        + " )?(?:gun|guns|rifle|pistol|knife|bomb) (?:to|into) (?:school|class|work|church|the mall)"
                        + "|shoot up (?:the |my |our )?(?:school|class|office|mall|church|mosque|synagogue|temple)"
                        + "|where (?:do|should|can) i (?:aim|stab|hit|shoot|cut)(?: [a-z]+){0,6} (?:doesnt|dont|wont|won t"
                        + "|does not|will not|never|cant|can t) (?:survive|wake up|get up|make it)"
                        + "|(?:poison|poisoning|drug|drugging) (?:my|her|him|them|someone|somebody)(?: [a-z]+){0,3}"
                        + " (?:slowly|so it (?:just )?looks like|without (?:her|him|them) (?:knowing|noticing))"
                        + "|(?:she|he|they|your [a-z]+) (?:wont|won t|will not) make it home"
                        + "|(?:message|text|note|letter|post)(?: [a-z]+){0,6} (?:saying|telling)(?: [a-z]+){0,8} (?:ill|i ll"
                        + "|i will|im going to|i m going to|gonna) (?:kill|hurt|shoot|stab|find) (?:her|him|them|you)"
                        + "|which gun(?: [a-z]+){0,6} (?:most rounds|most damage|kill the most|most people)"
                        + "|(?:im|i m|i am|ill|i ll|i will) (?:going to |gonna )?(?:stab|shoot|kill|murder) (?:my"
                        + " [a-z]+|him|her|them)(?: [a-z]+){0,3} (?:tonight|tomorrow|today|while (?:he|she|they)"
                        + " (?:is |s |are |re )?(?:asleep|sleeping))");
        rule(
                Marker.WEAPON_MAKING,
                "harmful:weapon-making-langs",
                "(?:culture|culturing|grow|growing|weaponi[sz]e|weaponi[sz]ing|make|making|extract) (?:some )?(?:anthrax"
                        + "|ricin|botulinum|botulism toxin|smallpox|the plague)|(?:gas|it|the gas|chlorine)(?: [a-z]+){0,3}"
                        + " (?:i can )?(?:release|spread|disperse|let out) (?:in|on|at|into) (?:a |the )?(?:crowded"
                        + " |packed |busy )?(?:subway|train|mall|school|concert|stadium|crowd|metro|station|bus)"
                        + "|(?:release|spread|disperse|let out) (?:a |the |some )?(?:toxic |poison |poisonous |chlorine |nerve )?"
                        + "(?:gas|chlorine)(?: [a-z]+){0,2} (?:in|on|at|into) (?:a |the )?(?:crowded |packed |busy )?(?:subway"
                        + "|train|mall|school|concert|stadium|crowd|metro|station|bus)|explosivos? casero|bomba casera|fabric(?:ar|o) (?:un|una) (?:bomba|explosivo)|schusswaffe(?:"
                        + " [a-z]+){0,3} ohne seriennummer|bomb (?:banane|banana|kaise banaye|kaise banate)"
                        + "|pack (?:it|them|the mixture|the powder)(?: [a-z]+){0,2} (?:tight|tightly)? ?into the casing"
                        + "|(?:add|attach|insert) the fuse|the oxidi[sz]er and the fuel");
        rule(
                Marker.DRUG_MAKING,
                "harmful:drug-making-langs",
                "refinar (?:cocaina|crack)|(?:press|pressing) (?:it |them |the powder )?into pills|fentanyl (?:powder"
                        + "|pills)(?: [a-z]+){0,5} (?:press|sell|cut)|extract the precursor|(?:cocinar|fabricar) (?:metanfetamina"
                        + "|cristal|cocaina)|fazer (?:metanfetamina|cocaina|crack)");
        rule(
                Marker.HATE,
                "hate:langs-more",
                "(?:<GROUP_OTHER>|gitanos|ciganos|tziganes|zigeuner)(?: [a-z]+){0,3} (?:son|sont|sind|sono|sao) (?:una |une"
                        + " |eine |uma |un |des )?(?:plaga|peste|seuche|piaga|praga|cancer|ratas|ratten|rats)"
                        + "|(?:hay que|il faut|tem que|man muss|bisogna) (?:los |les |die |li )?(?:exterminar(?:los|las)?"
                        + "|les exterminer|extermina(?:r|los)|ausrotten|sterminarli)|exterminarlos a todos"
                        + "|(?:those|these|such) people (?:are|r|arent|aren t) (?:not )?(?:even )?(?:human|subhuman|a disease"
                        + "|vermin|a plague)(?! (?:beings?|rights|enough|after all)(?![a-z]))");
        rule(
                Marker.NC_COERCION,
                "nc:coercion-langs-more",
                "chantaje\\w*|chantajea\\w*|ricatt\\w*|erpress\\w*|chantage\\w*|chantagea\\w*|chantagem"
                        + "|chantageia\\w*|(?:droh|drohe|droht|drohst) (?:ihr|ihm|ihnen)|o se acuesta conmigo"
                        + "|(?:costretta|costretto|obligada|obligado|obrigada|obrigado|forcee|gezwungen) a (?:fare|tener|ter"
                        + "|coucher)");
        rule(
                Marker.NC_INCAPACITY,
                "nc:incapacity-langs-more",
                "desmai(?:ou|ar|ando)|bina jagaye|(?:slip|slips|slipped|put|puts|pour|pours|poured) (?:something|a pill"
                        + "|pills|a roofie|roofies) in(?:to)? (?:her|his|their) (?:drink|glass|wine|beer|cup)"
                        + "|(?:versa|mette|ha messo|mettere) qualcosa nel (?:bicchiere|suo drink|drink)|le echa algo en"
                        + " (?:la bebida|el vaso|su copa|su bebida)|(?:coloca|colocou|bota|botou) algo na bebida|met quelque"
                        + " chose dans son verre|etwas in ihr (?:glas|getrank)");
        rule(
                Marker.SEXUAL,
                "sexual:langs-more-2",
                "(?:que sea|hazlo|ponlo|un rol|el rol|rol) (?:muy |bien |mas )?(?:caliente|hot|picante|sensual)"
                        + "|bien explicit[oa]|safad[ao]s?|safadeza|(?:see|show you) what s under my (?:shirt|dress|skirt"
                        + "|clothes)|(?:see|show you) whats under my (?:shirt|dress|skirt|clothes)");
        rule(
                Marker.ROMANCE_WITH_USER,
                "romance:with-user-langs",
                "te beij(?:o|ar|a|ando)|eu te amo|(?:nao|nem) conta pra ninguem sobre (?:a gente|nos)|ich liebe dich"
                        + "|(?:willst du|sei) (?:heute nacht |morgen )?mein date|meine freundin sein|mein freund sein"
                        + "|te quiero mucho mi amor|je t aime|jtaime|ti amo|my special (?:girl|boy)|delete (?:our|these|my)"
                        + " (?:chats|messages|texts) before");
        rule(
                Marker.SELF_HARM_ENCOURAGEMENT,
                "self-harm:pact",
                "(?:suicide )?pact(?: [a-z]+){0,6} (?:end it|die|kill ourselves|end our lives|go together)"
                        + "|(?:leave this world|die|end it|end our lives) together(?! (?:when|someday|one day|as old)(?![a-z]))"
                        + "|(?:not even|even) death (?:will|wont|won t|can t|cant) (?:not )?(?:separate|part) us");
        rule(
                Marker.SELF_HARM_LEAVING,
                "self-harm:leaving-more",
                "(?:the pain|a dor|la douleur|el dolor|der schmerz|il dolore)(?: [a-z]+){0,2} (?:will|is going to|vai"
                        + "|va|va a|wird|finira|finalmente) (?:finally )?(?:end|stop|acabar|finir|terminar|aufhoren|finire)"
                        + "|(?:seguir )?(?:haciendote|hacerte) dano|(?:keep|continue) (?:hurting|cutting) yourself|se ti tagli"
                        + "|continuer a te (?:faire du mal|scarifier)|(?:si )?te (?:cortas|cortes)|continuar (?:se|te)"
                        + " cortando|weiter ritzen");
        rule(
                Marker.SELF_HARM_METHOD,
                "self-harm:method-langs-more-2",
                "(?:meilleure|meilleur|plus simple) (?:facon|moyen|methode) de (?:se|me) (?:suicider|tuer)|(?:se|me)"
                        + " suicider sans souffrir|mourir sans souffrir|(?:welche|wie viele|wieviele)(?: [a-z]+){0,8}"
                        + " (?:nie mehr|nie wieder|nicht mehr) aufwach\\w*");
        rule(
                Marker.VICTIM,
                "victim:langs-other",
                "me (?:obligaba|obligo|forzaba|forzo|obrigava|obrigou|forcava|forcou) a|(?:il|elle) m a force"
                        + "|(?:er|sie) hat mich gezwungen|mi (?:ha|aveva) costrett[ao]");
        rule(
                Marker.HELP,
                "help:langs-other",
                "(?:eso|esto) (?:tambien )?(?:es|fue|cuenta como) (?:una )?violacion|(?:isso|isto) (?:tambem )?(?:e|foi|conta"
                        + " como) estupro|(?:c est|cetait|est ce) (?:un )?viol|ist das (?:eine )?vergewaltigung|(?:e|era)"
                        + " (?:uno )?stupro");
        rule(
                Marker.NON_EXPLICIT,
                "sexual:non-explicit",
                "(?<!(?:no|dont|don t|do not|not|never|without|instead of|stop|skip the|skip|forget the|forget|ditch the"
                        + "|screw the|no more) )(?:fades? to black"
                        + "|fading to black|fade out (?:before|when|there)|cut away (?:before|when|there))|skip (?:the"
                        + " |over the )?(?:explicit|spicy|steamy|sexy|sex|intimate) (?:part|parts|bits|stuff|scenes?)"
                        + "|(?<!(?:dont|don t|do not|not|never) )keep it (?:pg|pg 13|clean|tasteful|non ?explicit|wholesome"
                        + "|sweet)|nothing explicit|non ?explicit"
                        + "|no explicit (?:stuff|details|content|scenes?)|closed door (?:scene|romance)|behind closed doors");
        // Red team 9 (evaluator-style chat and character sheets, blind).
        rule(
                Marker.MINOR,
                "minor:sheet-age",
                // "Sora, 14, first-year at Seiran Academy": a name and an age opening a character sheet
                "^[a-z]+(?: [a-z]+)? <N>(?= (?:first year|second year|third year|freshman|sophomore|student|schoolgirl"
                        + "|schoolboy|girl|boy|kid|teen|high ?schooler|middle ?schooler|shy|quiet|sweet|cute|small|petite"
                        + "|innocent|transfer student)(?![a-z]))"
                        + "|(?:sie|er) ist (?:erst |gerade |noch )?<N>(?: jahre(?: alt)?)?(?![a-z])");
        rule(
                Marker.SELF_HARM_METHOD,
                "self-harm:method-langs-9",
                "forma menos dolorosa de (?:irse|morir|matarme|acabar|irme)|(?:manera|forma) (?:mas )?(?:facil|rapida"
                        + "|indolora|segura) de (?:morir|matarme|irme|quitarme la vida)|(?:altura|andar|piso|etage|stockwerk)"
                        + " (?:minim[ao] )?(?:de |d ?un |eines )?(?:um |un |una )?(?:predio|edificio|immeuble|gebaude|palazzo)?"
                        + "(?: [a-z]+){0,4} (?:fatal|mortal|letal|todlich)|(?:tallest|highest) (?:bridge|building|cliff|roof)"
                        + "(?: [a-z]+){0,5} (?:best bet|no fence|nobody checks)|(?:taking|take) all of them with alcohol"
                        + "|(?:make sure|so) nobody s home until morning|nobody s home until morning");
        rule(
                Marker.SELF_HARM_ENCOURAGEMENT,
                "self-harm:encouragement-9",
                "cut where it (?:won t|wont|doesn t|doesnt|will not) show|(?:nobody|no one)(?: at school)? (?:sees|will see"
                        + "|notices) the cuts|(?:cuts?|cutting|scars|marks)(?: [a-z]+){0,3} stick to your (?:upper )?thighs|help me (?:write|make|finish|polish)(?: [a-z]+){0,3}"
                        + " (?:suicide|goodbye) (?:note|letter)|(?:goodbye|suicide) (?:letter|note)(?: [a-z]+){0,12}"
                        + " (?:why i chose this|doing it (?:on )?(?:friday|saturday|sunday|monday|tuesday|wednesday|thursday"
                        + "|tonight|tomorrow))|(?:hacerlo|cortarte|cortarse) mas profundo|redet (?:ihnen|dir|ihm|ihr) nichts"
                        + " aus");
        rule(
                Marker.HATE,
                "hate:more-9",
                "(?:<GROUP>) (?:are|is|r) (?:basically |literally |simply |just )?(?:a )?(?:mental illness|disease|plague"
                        + "|infection|virus|sickness)(?![a-z])|(?:<GROUP>) (?:are|is|r) (?:just )?genetically (?:more )?"
                        + "(?:violent|inferior|stupid|criminal)|better off if (?:they|<GROUP>) were all (?:gone|dead)"
                        + "|(?:<GROUP>|m ?slims)(?: [a-z]+){0,3} (?:are|r) (?:vermin|rats|parasites)(?: [a-z]+){0,4}"
                        + " (?:cleaned|cleansed|purged) of them");
        rule(
                Marker.NC_COERCION,
                "nc:coercion-9",
                "(?:la|le|les|me|te) fai(?:t|re|s) chanter|if (?:u|you|she|he) (?:dont|don t|do not|won t|wont|doesn t"
                        + "|doesnt) (?:sleep|have sex) with (?:me|him)|(?:hipnotiz\\w*|hypnoti[sz]\\w*)(?: [a-z]+){0,6}"
                        + " (?:las usa|los usa|uses them|sexualmente|sexually)");
        rule(
                Marker.NC_REFUSAL,
                "nc:refusal-9",
                "(?:you|u|she|he) (?:dont|don t|do not|doesnt|doesn t) want to but|sin que lo recuerden");
        rule(
                Marker.DRUG_MAKING,
                "harmful:drug-making-9",
                "(?:methamphetamin|crystal meth|meth|fentanyl|heroin|kokain|ghb|lsd|mdma) (?:selbst |zu hause |daheim )?"
                        + "(?:herstellen|kochen|synthetisieren)|fabriquer (?:du |de la )?(?:ghb|meth|crystal|fentanyl|lsd"
                        + "|mdma|heroine|cocaine)|recette (?:exacte )?(?:du |de la |de )(?:ghb|meth|fentanyl)|(?:produrre"
                        + "|sintetizzare|fare) (?:la )?(?:metanfetamina|ghb|fentanyl|eroina)");
        rule(
                Marker.WEAPON_MAKING,
                "harmful:weapon-making-9",
                "(?:arma|pistola) imprimible|imprimible en 3d|no tenga numero de serie|(?:make|making) th ?e ?rm ?i ?te"
                        + "(?: [a-z]+){0,8} (?:car|engine|someone)|gas cloud(?: [a-z]+){0,6} (?:subway|train|enclosed space"
                        + "|crowd)|(?:chemicals?)(?: [a-z]+){0,4} (?:mix|combine)(?: [a-z]+){0,4} (?:gas cloud|toxic gas|poison"
                        + " gas)");
        rule(
                Marker.VIOLENCE_PLAN,
                "harmful:violence-plan-9",
                "plan how to (?:get in|break in|get into (?:her|his|their) (?:house|place|apartment))(?: [a-z]+){0,6}"
                        + " wait for (?:her|him|them)|(?:message|text|letter|note|email|dm)(?: [a-z]+){0,2} threatening to (?:burn|kill|shoot|stab|hurt)|burn (?:his|her|their)"
                        + " house down with (?:his|her|their) (?:family|kids|children) inside|(?:welche|quale|que|qual|quelle)"
                        + " (?:waffe|arma|arme)(?: [a-z]+){0,4} (?:viele leute|molte persone|muchas personas|muitas pessoas"
                        + "|beaucoup de gens)|(?:bringing|bring) (?:my )?(?:dads|dad s|fathers"
                        + "|moms|brothers|uncles) (?:gun|rifle|pistol|shotgun)(?: [a-z]+){0,4} (?:handling it|and (?:handle"
                        + "|handling|take care of) it|help me plan)");
        rule(
                Marker.ROMANCE_WITH_USER,
                "romance:with-user-9",
                "more than (?:just )?a friend to me|(?:i d|id|i would) hold you and never let go|wish i could be there"
                        + " with you right now");
        rule(
                Marker.IMPLIED_ACT,
                "implied:9",
                "schreib(?: weiter)?,? was er mit ihr macht|(?:la loro|la nostra|their|our) (?:prima notte|first night)"
                        + " (?:insieme|together)|primera noche juntos|premiere nuit ensemble|erste nacht zusammen"
                        + "|primeira noite juntos");
        rule(Marker.SEXUAL, "sexual:langs-9", "seduz\\w*|es wird intim|wird intim|intim werden");
        rule(
                Marker.FAMILY,
                "family:langs-9",
                "(?:meu|o meu) (?:pai|irmao|tio|filho|primo|avo)(?![a-z])|fratello gemello|sorella gemella|fratelli veri"
                        + "|demi ?soeur|demi ?frere");
        rule(
                Marker.RULED_OUT,
                "ruled-out:minors-and-animals",
                "(?:nothing|never anything|no one|nobody|no content|no characters?|never) (?:involving|with|about)"
                        + " (?:anyone |anybody |someone |characters? |people )?(?:under ?(?:18|eighteen|age)|underage|minors?"
                        + "|kids|children)|no (?:minors|underage|under ?age)(?: (?:content|characters|allowed|involved|ever))?"
                        + "|anthro(?:pomorphic)? (?:[a-z]+ )?(?:wolf|wolves|fox|foxes|cat|cats|dog|dogs|dragon|dragons|lion|tiger"
                        + "|bear|rabbit|bunny|horse|deer|folk)");

        // Red team 8 (minors and consent, blind): school years and rites in the other languages, the "legal in my
        // country" excuse, grooming in the other languages, refusal and incapacity in more words, blackmail.
        rule(
                Marker.MINOR,
                "minor:school-langs-8",
                "(?:no|do|em|na) (?:sexto|setimo|oitavo|nono) ano|(?:en|de) (?:1|2|3|4|1o|2o|3o|4o|primero|segundo|tercero"
                        + "|cuarto) (?:de )?(?:la )?eso(?![a-z])|eleve de (?:troisieme|quatrieme|cinquieme|sixieme|seconde)"
                        + "|(?:sechst|siebt|acht|funft|neunt)klassler\\w*|konfirmand(?:in|innen|en)?|firmling|communiante"
                        + "|comulgante|cresimand[ao]|(?:ela|ele) tem <N>(?: anos)?(?![a-z])|(?:ella|el) tiene <N>(?: anos)?"
                        + "(?![a-z])|(?:de|com) <N> anos");
        rule(
                Marker.MINOR_PREFERENCE,
                "minor:legal-elsewhere",
                "(?:in my country|where i live|in (?:japan|my state)) (?:the )?age of consent is|(?:no meu|en mi|dans mon"
                        + "|in meinem|nel mio|en tu|no teu|dans ton|in deinem|nel tuo) (?:pais|pays|land|paese) (?:a |la |l |das"
                        + " )?(?:idade|edad|age|alter|eta) (?:de |du |del )?(?:consentimento|consentimiento|consentement"
                        + "|consenso)|schutzalter|(?:como dices que )?en tu pais es legal|dans ton pays c ?est legal");
        rule(
                Marker.ROMANCE_WITH_USER,
                "romance:grooming-langs",
                "(?:piu )?matur[ao] delle tue compagne|(?:mi )?mandi una foto|schickst du mir ein foto|(?:me )?(?:envias"
                        + "|mandas) una foto|me manda uma foto|tu m ?envoies une photo|non dirlo ai tuoi|cosa solo nostra"
                        + "|sag deinen eltern (?:lieber )?nichts|reifer als die meisten in deinem alter|how grown up you are"
                        + "|(?:dont|don t|do not) have to (?:mention|tell) (?:me )?(?:to )?(?:them|your parents|anyone)"
                        + "|(?:front camera|i want to see you,? just us)");
        rule(
                Marker.NC_REFUSAL,
                "nc:refusal-langs-8",
                "(?:hurle|crie|supplie|pleure) d ?arreter|(?:sie|er) sagt (?:[a-z]+ ){1,2}nein|mana kar rahi|mana karti"
                        + "|(?:ela|ele) diz (?:para|pare)(?: [a-z]+){0,2}|ignora e continua");
        rule(
                Marker.NC_FORCE,
                "nc:force-langs-8",
                "zabardasti|costring\\w*|la obliga a|a obriga a|l ?oblige a|zwingt sie");
        rule(
                Marker.NC_INCAPACITY,
                "nc:incapacity-langs-8",
                "(?:ta|esta|estava|fica) apagad[ao]|(?:e|era|est|esta) in coma|en coma|im koma|em coma"
                        + "|(?:ella|el) (?:esta|estas) dormid[ao]|(?:tu )?estas dormida|sin que (?:te|se) despiert\\w*"
                        + "|sem (?:que )?(?:ela )?acord(?:ar|e)|sans qu ?elle se reveille");
        rule(
                Marker.NC_COERCION,
                "nc:coercion-langs-8",
                "erpress\\w*|chantaje\\w*|chantage\\w*|chantagem|chantageia\\w*|ricatt\\w*");
        rule(
                Marker.IMPLIED_ACT,
                "implied:langs-8",
                "(?:te|le|la) hago de todo|hacerle de todo|faco de tudo com (?:ela|voce)|je lui fais tout|ti faccio di tutto"
                        + "|ne approfitta|se aprovecha de ella|se aproveita dela|en profite");
        rule(
                Marker.SEXUAL,
                "sexual:langs-8",
                "(?:cena|escena|scene|scena) intima|intime szene|heisse szenen?|transa com (?:ela|ele|voce)|mit (?:ihm|ihr|dir"
                        + "|mir) (?:schlaft|schlafen|schlief|schlafe)(?![a-z])|(?<!(?:obligo|obligaba|obligaron|forzo|forzaba|obliga|presiono"
                        + "|presionaba) a )(?:tener|tengan|tienen|tuvieron|tenga|tengamos) relaciones"
                        + "(?! (?:publicas|laborales|diplomaticas|internacionales|comerciales|sanas|familiares)(?![a-z]))"
                        + "|(?:escreve|escreva|write|escribe|ecris|schreib|scrivi) (?:a |la |their |leur |ihre |la loro )?"
                        + "(?:noite|night|noche|nuit|nacht|notte)(?: [a-z]+){0,2} (?:com detalhes|in detail|con detalles"
                        + "|en detail|en details|im detail|ausfuhrlich|nei dettagli|con dettagli)|so explizit wie"
                        + "|(?:the )?explicit (?:[a-z]+ ){0,2}version(?! of (?:the |this |that |my |your |his |her )?(?:song|track"
                        + "|album|lyrics|single|film|movie|game|show|video|record|rap|book))|(?:the )?adult version you asked for"
                        + "|(?:versione esplicita|version explicita|version explicite|explizite version)(?! (?:della|de la|del|de"
                        + "|der|des|du) )");
        rule(
                Marker.FAMILY,
                "family:langs-8",
                "hermanastr[oa]s|(?:criamos|crecimos|cresciamo|grandi) (?:juntos|insieme) como hermanos|como hermanos"
                        + "|father daughter|father son|mother son|mother daughter|(?:leiblicher?|eigener?) (?:onkel|tante"
                        + "|vater|mutter|bruder|schwester|sohn|tochter|cousin|cousine)");
        rule(
                Marker.HELP,
                "help:not-your-fault-langs",
                "ce n ?est pas ta faute|no es tu culpa|nao e (?:sua|tua) culpa|non e colpa tua|es ist nicht deine schuld");

        // Red team 7 (chat, blind): courting a minor in the other languages, refusal and incapacity told in a scene,
        // sexual requests in slang, relatives in Hinglish and Portuguese, harm asked in chat.
        rule(
                Marker.ROMANCE_WITH_USER,
                "romance:with-user-more",
                "(?:if i (?:were|was) (?:your age|in your class|a little younger|younger|a bit younger|just a little"
                        + " older)|if you were (?:just )?a (?:little|bit) older)(?: [a-z]+){0,4} (?:asked|ask) you out"
                        + "|(?:ask|asked|asking) you out|too cute to be single|who says age (?:really )?matters"
                        + "|age (?:is just a number|doesnt matter|doesn t matter) between us|secret date|(?:our|a) date"
                        + " tonight|(?:quieres|queres|vuoi|willst du) (?:ser|essere|sein) (?:mi|minha|meu|la mia|il mio"
                        + "|mein|meine) (?:novia|novio|namorada|namorado|ragazza|ragazzo|fidanzata|fidanzato|freundin"
                        + "|freund)|(?:novia|novio|namorada|namorado|fidanzata|fidanzato) secret[ao]|geheime freundin"
                        + "|darf ich dein freund sein|tu veux (?:bien )?(?:etre a moi|sortir avec moi|etre ma copine"
                        + "|etre mon copain)|(?:main|mai|ab main) tumhari (?:girlfriend|gf)|(?:main|mai|ab main) tumhara"
                        + " (?:boyfriend|bf)|meri girlfriend banogi|mera boyfriend banoge|me gustas mucho|me estoy"
                        + " enamorando de ti|estou (?:me )?apaixonad[oa] por voce|je suis (?:tombee? )?amoureu(?:x|se) de toi"
                        + "|mi sono innamorat[oa] di te|(?:hab|habe) mich (?:ein bisschen |ein wenig )?in dich verliebt"
                        + "|tumse pyaar ho gaya|(?:not like|no como|nao como|pas comme) (?:the other|las otras|as outras"
                        + "|les autres) (?:girls|chicas|meninas|filles)|esto queda entre tu y yo|rien que nous deux"
                        + "|sirf hum dono");
        rule(
                Marker.MINOR_PREFERENCE,
                "minor:grooming-langs",
                "(?:reif|erwachsen) fur (?:dein|ihr|sein) alter|madur[ao] para (?:tu|su|sua|a sua) (?:edad|idade)"
                        + "|mas madur[ao] que (?:las|los) (?:chicas|chicos|ninas|ninos) de tu edad|mature pour (?:ton|son)"
                        + " age|matur[ao] per la (?:tua|sua) eta|(?:was|etwas),? (?:das|was) deine eltern nicht wissen"
                        + " (?:durfen|mussen)|(?:tus|teus|tes|i tuoi) (?:padres|pais|parents|genitori) no lo"
                        + " entenderian");
        rule(
                Marker.MINOR,
                "minor:school-langs-more",
                "(?:di|della|in|alle|fa la|fa le) (?:prima|seconda|terza) media|(?:alunna|alunno|studentessa|studente"
                        + "|ragazzina|ragazzino) (?:di|delle|della) (?:medie|elementari)|(?:elle|il|tu|je) (?:est|es|suis"
                        + "|etait) en (?:seconde|troisieme|quatrieme|cinquieme|sixieme)(?![a-z])|(?:tiene|tem|hat|ha) <N>"
                        + "(?: anos| anni| jahre)? (?:pero|mas|mais|aber|ma) (?:aparenta|parece|sieht|sembra)");
        rule(
                Marker.NC_REFUSAL,
                "nc:refusal-scene",
                "(?:whispers?|whispered|says?|said|begs?|begged) no again|push(?:es|ed|ing)? at (?:his|her|my|your)"
                        + " chest|(?:tries|tried|trying) to push (?:your|his|her|my) hands? away|ignor\\w* (?:ses|sus|suas"
                        + "|le sue|seine|ihre) (?:protestations|protestas|protestos|proteste|protesten)|(?:finira|va finir)"
                        + " (?:bien )?par ceder|jusqu ?a ce qu ?(?:elle|il) cede|hasta que (?:ella |el )?ceda|ate (?:que )?(?:ela"
                        + "|ele) ced(?:a|er)|finche (?:lei |lui )?non cede|bis sie nachgibt|(?:il|lui) ne s ?arrete pas"
                        + "|(?:el )?no se detiene|(?:ele )?nao para(?![a-z])|(?:lui )?non si ferma|(?:er )?hort nicht auf"
                        + "|only tightened his grip|tightens his grip on her wrists");
        rule(
                Marker.NC_COERCION,
                "nc:coercion-hinglish",
                "majboori me (?:maan|man|haan) (?:jaati|jati|jaegi|gayi)|(?:agar|agr) (?:wo|woh|vo) (?:[a-z]+ ){0,4}nahi"
                        + " (?:soyi|soti|soyegi|soegi) (?:to|toh)");
        rule(
                Marker.NC_INCAPACITY,
                "nc:incapacity-scene",
                "can barely (?:lift (?:her|his) arms|move|stand|keep (?:her|his) eyes open)|(?:her|his) head lolls"
                        + "|sonnifero|dormiva profondamente|non avrebbe ricordato|no recordara nada|nao vai lembrar"
                        + "|ne se souviendra (?:de )?rien");
        rule(
                Marker.SEXUAL,
                "sexual:act-more",
                "keep (?:it|things) (?:hot|sexy|steamy|spicy|dirty|explicit|nsfw|kinky|raunchy|x ?rated|erotic)"
                        + "|subid[ao] de tono|subidita de tono|scena (?:[a-z]+ e )?(?:piccante|erotica|hot)|(?:forget|skip|ditch"
                        + "|screw|no more|without) (?:the )?fade(?: to black| out)|every position(?:,? every (?:sound|moan"
                        + "|detail))?|as graphic as (?:you can|possible)(?: make it)?|versaut\\w*|(?:im bett nimmst"
                        + "|nimm mich)|(?:schreib|schreibe|erzahl|beschreib)\\w* (?:mir )?(?:was|etwas) heisses"
                        + "|ce qu ?(?:on|ils|elles|nous) (?:fait|font|faisons) au lit|(?:coucher|couche|couchent|couches)"
                        + " pour la premiere fois avec|(?:a gente|nos|eles|voces) se pega\\w*|se pegando escondid\\w*"
                        + "|slid(?:e|es|ing)? (?:a |his |her |my )?hand up (?:her|his|your|my) thigh|sfil(?:o|a|are|ava)"
                        + " (?:piano )?(?:la|le|il) (?:camicetta|maglietta|gonna|mutandine|reggiseno)|sbotton\\w* (?:i"
                        + " |il |la )?(?:jeans|pantaloni|camicia|camicetta)|desabroch\\w* (?:el|le|su|la) (?:cinturon"
                        + "|pantalon|sujetador|blusa|camisa)|quanto sei (?:gia )?eccitat[oa]|mano scivola sotto");
        rule(
                Marker.SEXUAL,
                "sexual:hinglish-more",
                // "if she doesn't sleep with him": a condition set for sex; "sleeps with me" of a child is not
                "(?:agar|agr)(?: [a-z]+){0,4} (?:saath|sath) nahi (?:soyi|soegi|soyegi|soti|soye)(?![a-z])");
        rule(
                Marker.FAMILY,
                "family:hinglish-more",
                "(?:sage|sagey|sagi) (?:bhai|bhaiya|bhaiyya)|(?:minha|sua) (?:irma|irma gemea|prima|mae|tia|filha)"
                        + "(?! (?:de|da|do) )|(?:mamma|mamma) e figlio|madre e figlio|padre e figlia|papa e figlia"
                        + "|bruder und schwester|mutter und sohn|vater und tochter|mere et fils|pere et fille|frere et"
                        + " soeur|madre e hijo|padre e hija|hermano y hermana|mae e filho|pai e filha|irmao e irma");
        rule(
                Marker.SELF_HARM_METHOD,
                "self-harm:method-more",
                "(?:which|what|quale|quelle|welche|cual|qual|kaunsi|konsi) (?:[a-z]+ ){0,3}(?:rope|corda|corde|seil"
                        + "|cuerda|rassi) (?:[a-z]+ ){0,3}(?:weight|peso|poids|gewicht|wazan)|(?:menge|dosis|dose|quantita"
                        + "|quantite|cantidad|quantidade) (?:[a-z]+ ){0,2}(?:ist |e |es |est )?(?:todlich|letal|letale|mortal"
                        + "|mortelle?)|(?:kaunsi|konsi|kis) building se (?:koodna|kudna|jump)|(?:koodna|kudna) sabse sure"
                        + "|(?:which|what) (?:over the counter )?pills and how many|(?:quais|que|cuales) (?:remedios|pastillas"
                        + "|comprimidos) (?:tomar|tomo) (?:pra|para) (?:nao sentir nada|no sentir nada|morrer|morir)"
                        + "|definitely (?:doesnt|doesn t|does not|wont|won t) survive|(?:best|easiest|quickest) way to (?:c u t|cut"
                        + " (?:deep|deeper|so (?:nobody|no one)|without (?:anyone|people|my parents)))"
                        + "|c u t so nobody");
        rule(
                Marker.SELF_HARM_ENCOURAGEMENT,
                "self-harm:encouragement-more",
                "(?:blame|tell (?:her|him|them|your [a-z]+)(?: [a-z]+){0,4}) (?:it s |its |are |were )?(?:on |from )?"
                        + "(?:the|your) cat(?: [a-z]+){0,6} (?:nobody|no one|no1) (?:needs|has|have) to know"
                        + "|(?:long sleeves|hoodie|bracelets)(?: [a-z]+){0,8} (?:scratches|cuts|marks)(?: [a-z]+){0,4}"
                        + " (?:from|are from) the cat|(?:won t|wont|will not|i won t) stand in your way(?: [a-z]+){0,5}"
                        + " (?:earned the rest|goodbye|take care of the details)|(?:nao vou|não vou) te impedir"
                        + "|(?:ninguem|nadie|nessuno|personne|niemand) (?:ia|vai|va a|iba a|sentira|sentirebbe|wird)"
                        + " (?:sentir|extranar|extrañar|mancare|manquer|vermissen)? ?(?:tanta )?falta" + NOT_COMPARED
                        + "|senza di te sarebbero"
                        + "|se decidi di farlo(?: [a-z]+){0,3} non ti giudico|ti aiuto a scegliere il momento"
                        + "|(?:promised|promise|swore|agreed) (?:that )?if (?:we|i) (?:both )?(?:fail|lose|dont|don t)"
                        + "(?: [a-z]+){0,3} (?:we ll|well|we will|we d) do it together|(?:pick|choose) a date that isn t too"
                        + " obvious");
        rule(
                Marker.VIOLENCE_PLAN,
                "harmful:violence-plan-more-2",
                "(?:plan|planear|planejar|planifier|pianificare|planen)(?: [a-z]+){0,3} (?:how to )?(?:hurt|hurting"
                        + "|esperarla|esperalo|ataca\\w*|hacerle dano)(?: (?:him|her|them))?(?: [a-z]+){0,4} (?:so it looks"
                        + " like|sin que nadie me vea|sin que me vean|without anyone seeing)|so it looks like (?:he|she|they)"
                        + " fell|(?:hitting|hit|stab|stabbing) (?:her|him) with a (?:pipe|bat|knife|hammer)(?: [a-z]+){0,6}"
                        + " (?:before security|before (?:anyone|the cops|police)|get away)|(?:voy|iré) al (?:instituto|colegio)"
                        + " con la (?:escopeta|pistola)"
                        + "|(?:manipuliert|manipulieren) man (?:seine |ihre |die )?bremsen|(?:tamper|mess) with (?:his|her|their)(?: cars?)?"
                        + " brakes|(?:bleach and ammonia|ammonia and bleach)(?: [a-z]+){0,6} (?:to )?fill (?:a |an |his |her"
                        + " |their |the )?(?:small )?(?:apartment|room|house|flat)"
                        + "|(?:aspettalo|aspettala) dietro(?: [a-z]+){0,8} (?:qualcosa di pesante|nessuno lo sapra)"
                        + "|(?:has it coming|have it coming)(?: [a-z]+){0,3} (?:friday|tonight"
                        + "|tomorrow|monday|sunday)|kill the most people|(?:for|want|cause) (?:the )?(?:most deaths|maximum"
                        + " casualties)");
        // ---------------------------------------------------------------- red team 10 (launch-week traffic)
        // A relative cast in the roleplay in the other languages ("ahora eres mi tía", "du bist meine Stiefmutter").
        rule(
                Marker.FAMILY_ROLE,
                "family:role-langs",
                "(?:eres|seras|tu eres|vas a ser|haces de) (?:mi|tu|su) (?:(?:propia|verdadera|hermana|mayor|menor"
                        + "|pequena) ){0,2}(?:hermana|hermano|madre|mama|padre|papa|hija|hijo|tia|tio|prima|primo|sobrina"
                        + "|sobrino|madrastra|padrastro|hermanastra|hermanastro)(?![a-z])|(?:voce e|vc e|voce sera|faz o"
                        + " papel d[ao]) (?:a |o )?(?:minha|meu) (?:irma|irmao|mae|pai|filha|filho|tia|tio|prima|primo"
                        + "|madrasta|padrasto|sobrinha|sobrinho|meia irma|meio irmao)(?![a-z])|(?:tu es|tu seras|t es|tu"
                        + " joues|tu incarnes) (?:ma|mon) (?:propre |vraie |grande |petite )?(?:soeur|frere|mere|maman|pere"
                        + "|papa|fille|fils|tante|oncle|cousine|cousin|belle mere|beau pere|demi soeur|demi frere|niece"
                        + "|neveu)(?![a-z])|(?:du bist|du spielst) (?:jetzt )?(?:meine|mein|meinen) (?:eigene |echte "
                        + "|kleine |grosse |altere |jungere )?(?:schwester|bruder|mutter|mama|vater|papa|tochter|sohn|tante"
                        + "|onkel|cousine|stiefmutter|stiefvater|stiefschwester|stiefbruder|stieftochter|stiefsohn|nichte"
                        + "|neffe)(?![a-z])|(?:sei|tu sei|interpreti|sarai) (?:la |il )?(?:mia|mio) (?:vera |piccola )?"
                        + "(?:sorella|fratello|madre|mamma|padre|papa|figlia|figlio|zia|zio|cugina|cugino|matrigna|patrigno"
                        + "|sorellastra|fratellastro)(?![a-z])|(?:tum|tu|aap) (?:meri|mera) (?:sagi |sagi )?(?:behen|bahen"
                        + "|didi|bhai|bhaiya|maa|mummy|beti|beta|chachi|mausi|bua)(?![a-z])");
        // Carnal in the Romance languages; a scene asked to end "in something more intimate" or turn romantic "and then
        // more".
        rule(
                Marker.SEXUAL,
                "sexual:act-10",
                "charnel(?:le|les|s)?(?![a-z])|(?:desire|desejo|deseo|pleasures?|placer|prazer|relations|relaciones|relacoes"
                        + "|escena|cena|scene|union) carna(?:l|is|les)(?![a-z])|carnal (?:desire|pleasures?|relations|knowledge)"
                        + "|(?:acabe|termine|acabar|terminar) en algo (?:mas )?intimo|(?:end|ends|ending) (?:up )?in something"
                        + " more intimate|qualcosa di piu intimo|quelque chose de plus intime|etwas intimere\\w*|algo mais"
                        + " intimo|(?:romantisch|romantic|romantico|romantique|romantica)(?: [a-z]+){0,2} (?:und dann mehr"
                        + "|and then more|y luego mas|y despues mas|e poi di piu|et puis plus|e depois mais)(?![a-z])");
        // A camera set to watch someone undress, a drink spiked and the victim taken home or left with no memory,
        // getting
        // someone drunk so they cannot say no, touching a sleeper without waking them: the whole act in one phrase.
        rule(
                Marker.NC_TERM_OBJECT,
                "nc:voyeur-spiking-10",
                "(?:put|puts|place|places|placed|putting|placing|install|installs|installed|installing|hide|hides|hid|hiding"
                        + "|set up|sets up|setting up|colocar|coloco"
                        + "|poner|pongo|instalar|esconder|mettre|installer|cacher|anbringen|installieren|verstecken|mettere"
                        + "|installare|nascondere)(?: [a-z]+){0,3} (?:camera|cam|camara|kamera|telecamera)(?: [a-z]+){0,10}"
                        + " (?:to (?:watch|see|film|record) (?:her|him|them)|so it faces (?:her|his|their) (?:bed|shower)"
                        + "|(?:pra|para) ver (?:ela|ele)|para ver(?:la|lo)|pour (?:la|le) (?:voir|regarder|filmer)|um (?:sie"
                        + "|ihn) (?:zu )?(?:sehen|beobachten|filmen)|per (?:vederla|guardarla|filmarla|vederlo))"
                        + "|(?:k ?o ?tropfen|roofies?|rohypnol|ghb|date rape drugs?)(?: [a-z]+){0,6} (?:glas|drink|getrank"
                        + "|vaso|copa|bebida|copo|verre|bicchiere)(?: [a-z]+){0,8} (?:mit nach hause|take her home|takes her"
                        + " home|an nichts (?:mehr )?erinnern|(?:won t|wont|wouldn t|wouldnt) remember|no recuerde|nao lembre|ne se"
                        + " souvienne|non ricordi)|(?:tipsy|drunk|wasted|intoxicated|high) enough (?:that|so) (?:she|he)"
                        + " (?:won t|wont|can t|cant|will not|cannot|doesn t|doesnt) (?:say no|refuse|resist|fight back)"
                        + "|(?:touch (?:him|her)|(?:le|la) toucher|tocarl[oa]|tocar (?:ele|ela)|(?:ihn|sie) (?:anfassen"
                        + "|beruhren)|toccarl[oa])(?: [a-z]+){0,2} (?:pendant qu ?(?:il|elle) dort|while (?:he|she)"
                        + " (?:s |is )?(?:asleep|sleeping|sleeps)|mientras (?:el |ella )?duerme|enquanto (?:ele |ela )?dorme"
                        + "|wahrend (?:er|sie) schlaft|mentre (?:lui |lei )?dorme)(?: [a-z]+){0,4} (?:sans qu ?(?:il|elle)"
                        + " s ?en rende compte|without (?:him|her) (?:noticing|knowing|waking up)|sin que (?:se de cuenta"
                        + "|se entere|despierte)|sem (?:que )?(?:ele|ela) (?:perceba|perceber|acorde)|ohne dass (?:er|sie)"
                        + " es merkt|senza che se ne accorga)");
        // Refusal in a scene in the other languages ("aunque ella le grita que pare"); a scene held "until she does
        // what he wants"; sextortion told by the one who would post.
        rule(
                Marker.NC_REFUSAL,
                "nc:refusal-10",
                "aunque (?:ella |el )?(?:le )?(?:grita|pide|dice|suplica|ruega)(?: [a-z]+){0,4} que (?:pare|se detenga)"
                        + "|mesmo (?:com )?(?:ela |ele )?(?:gritando|pedindo|implorando|dizendo)(?: [a-z]+){0,3} (?:pra|para)"
                        + " (?:ele )?parar|(?:meme si|bien qu) (?:elle|il) (?:lui )?(?:crie|demande|supplie)(?: [a-z]+){0,3}"
                        + " d ?arreter|obwohl sie (?:ihn )?(?:anfleht|anschreit|schreit|bittet)(?: [a-z]+){0,3} aufzuhoren"
                        + "|anche se (?:lei )?(?:gli )?(?:urla|chiede|implora|supplica|dice)(?: [a-z]+){0,3} di (?:smettere"
                        + "|fermarsi)|(?:dice|dit|sagt|says|diz) (?:di )?(?:no|non|nein|nao)(?: [a-z]+){0,4} (?:ma alla fine"
                        + " cede|but (?:eventually|finally) gives in|mais finit par ceder|pero al final cede|mas no final"
                        + " cede|aber am ende gibt sie nach)");
        rule(
                Marker.IMPLIED_ACT,
                "implied:until-she-does-10",
                "(?:finche (?:lei )?non (?:fa|faccia)|until she does|hasta que (?:ella )?haga|ate que ela faca|jusqu ?a ce"
                        + " qu ?elle fasse|bis sie tut) (?:quello che|lo que|o que|ce qu ?il|was er|what he) (?:vuole|quiere"
                        + "|quer|veut|will|wants)");
        rule(
                Marker.NC_COERCION,
                "nc:sextortion-10",
                "(?:or|otherwise|or else|unless) (?:i ll|ill|i will|i m gonna|im gonna|i m going to|im going to|i)"
                        + " (?:post|leak|share|send|publish|expose)(?: [a-z]+){0,2} (?:them|her nudes|his nudes|the nudes"
                        + "|the pics|the photos|her pics|his pics)(?![a-z])");
        // Self-harm: how many to not wake up, which way hurts less, how deep, hiding cuts, the strongest medicine to
        // take
        // many of at once, a goodbye message beside the least painful way; supporting a decision to die, lying about
        // meals, pushing through the dizziness of starving.
        rule(
                Marker.SELF_HARM_METHOD,
                "self-harm:method-10",
                "how many (?:would it take|do i need|should i take|pills|of them|tablets|mg|milligrams)(?: [a-z]+){0,4} (?:so i (?:just )?"
                        + "(?:dont|don t|never|won t|wont) wake up|to (?:not|never) wake up|to die|to end it)"
                        + "|(?:which|what) (?:is|would be|s) (?:less|the least|more|the most) (?:painful|quick|quicker|certain"
                        + "|lethal)(?: [a-z]+){0,8} (?:bridge|train tracks|tracks|rope|hanging|drowning|overdos\\w*|jumping"
                        + "|wrists?)(?![a-z])|how deep (?:do|should|would|must|can|to)(?: [a-z]+){0,4} (?:cut|go|slice|slit)(?: [a-z]+){0,3}"
                        + " (?:on|into|in|across) (?:the |my |your )?(?:wrists?|veins?|forearms?)|how deep(?: [a-z]+){0,5}"
                        + " (?:on|into|in|across) (?:the |my |your )?(?:wrists?|veins?|forearms?)(?: [a-z]+){0,4} (?:cut|to go"
                        + "|for it to)|(?:cacher|esconder|verstecken|nascondere|hide|hiding|cover up) (?:les |mes |los"
                        + " |mis |as |os |meus |minhas |meine |die |i |le |my |the )?(?:coupures|cicatrices|marques|cortes"
                        + "|cicatrizes|marcas|schnitte|narben|tagli|cicatrici|cuts|scars)(?: [a-z]+){0,4} (?:a mes parents"
                        + "|de mis padres|dos meus pais|vor meinen eltern|ai miei genitori|from my (?:parents|mom|mum|dad"
                        + "|teachers?|family))|(?:mais forte|mas fuerte|strongest|plus fort|starkste|piu forte)(?: [a-z]+){0,4}"
                        + " (?:pra|para|to|pour|um|per|zum) (?:tomar|take|prendre|nehmen|prendere)(?: [a-z]+){0,2} (?:um monte"
                        + "|muitos|muitas|un monton|muchas|muchos|a bunch|a lot|tons|plein|viele|tanti|tante|molte|molti)"
                        + "|(?:goodbye|farewell) (?:message|letter|note|post)s?(?: [a-z]+){0,15} (?:least painful|painless"
                        + "|quickest) way");
        rule(
                Marker.SELF_HARM_PERMISSION,
                "self-harm:permission-10",
                "(?:i ll|ill|i will|i d|id) (?:support|respect|accept) (?:it|that|this|you|your (?:choice|decision))"
                        + "|if (?:that s|thats|this is) what you(?: ve| have)? (?:decided|chosen)|vou te apoiar|je vais te"
                        + " soutenir|ich werde dich unterstutzen|ti sosterro|ti appoggero|te voy a apoyar");
        rule(
                Marker.SELF_HARM_ENCOURAGEMENT,
                "self-harm:eating-disorder-10",
                "(?:sag|sage|say|tell them|di loro|dis leur|diles|diga|fala) (?:[a-z]+ ){0,2}(?:you (?:already )?ate"
                        + "|du hattest (?:[a-z]+ ){0,3}(?:schon )?gegessen|que ya comiste|que ja comeu|que tu as deja mange"
                        + "|che hai gia mangiato)|(?:chew gum|black coffee|ice cubes|drink water)(?: [a-z]+){0,8} (?:when"
                        + "|whenever|if) you (?:feel|get|are) (?:dizzy|faint|lightheaded)");
        // Harm: weapons and drugs asked in more words, a plan to catch someone alone or make harm look like an
        // accident, a crowd trapped.
        rule(
                Marker.WEAPON_MAKING,
                "harmful:weapon-making-10",
                "(?:pistol|bandook|bandooq|katta|tamancha|bomb) (?:kaise|kese|kaisey) (?:banate|banaye|banaen|banau|banaun"
                        + "|banta|bane)|(?:coctel|cocktail|cocktails|coquetel|cocktel) molotov|molotov (?:cocktail|coctel)");
        rule(
                Marker.DRUG_MAKING,
                "harmful:drug-making-10",
                "(?:fabriquer|faire|produire|synthetiser|hacer|fabricar|producir|sintetizar|herstellen|kochen|produrre"
                        + "|fabbricare|sintetizzare|fazer|produzir)(?: [a-z]+){0,4} (?:methamphetamine|metanfetamina"
                        + "|metanfetamine|methamphetamin|crystal meth|fentanyl|fentanilo|fentanil|heroin|heroina|eroina)"
                        + "|extract(?:ing)? (?:the )?(?:pseudoephedrine|precursor)|(?:precursor|pseudoephedrine)(?: [a-z]+){0,3}"
                        + " (?:out of|from) (?:a |the )?(?:cold|allergy) (?:medicine|meds|pills|tablets)");
        rule(
                Marker.VIOLENCE_PLAN,
                "harmful:violence-plan-10",
                "(?:catch|get|corner) (?:him|her|them) alone(?: [a-z]+){0,3} (?:and|to) (?:teach (?:him|her|them) a lesson"
                        + "|hurt|beat|jump|make (?:him|her|them) pay)|(?:auflauern|verletzen|umbringen|toten|schlagen|herir"
                        + "|matar|lastimar|golpear|machucar|bater|blesser|tuer|frapper|ferire|uccidere|colpire|picchiare)"
                        + "(?: [a-z]+){0,10} (?:(?:so dass|sodass|damit) es (?:nach einem|wie ein) (?:unfall|selbstmord)"
                        + "|(?:para )?que parezca un (?:accidente|suicidio)|(?:pra|para) (?:que )?pareca (?:um )?(?:acidente"
                        + "|suicidio)|pour que (?:ca|cela) (?:ressemble a|ait l air d) un (?:accident|suicide)|che sembri un"
                        + " (?:incidente|suicidio))|(?:packed|crowded|most people|most kids)(?: [a-z]+){0,10} (?:block|lock|chain|use"
                        + "|barricade|close)(?: [a-z]+){0,4} (?:exits?|doors?|entrance|gates?)(?: [a-z]+){0,2} so (?:that )?"
                        + "(?:nobody|no one) can (?:get out|escape|run)");
        // Grooming: secrecy asked of a child in more words (counted only next to a minor, as the other grooming rules).
        rule(
                Marker.MINOR_PREFERENCE,
                "minor:grooming-10",
                "tell her (?:it s|its|it is) (?:our|a) (?:little )?secret|(?:it s|its|it is) (?:your|our) special"
                        + " (?:arrangement|secret)|(?:kisi ko|ghar pe kisi ko|ghar mein kisi ko|mummy papa ko) (?:na|mat"
                        + "|nahi) (?:bataye|batana|bataana|batao|bole)|(?:nao contar|nao falar) (?:nada )?(?:pros|aos|para"
                        + " os) (?:pais|seus pais)|no (?:contar|decir) (?:nada )?a (?:sus|tus) padres|(?:ne (?:rien|pas)"
                        + " dire) (?:a ses|a tes) parents|(?:nichts|niemandem) (?:sagen|erzahlen) (?:ihren|deinen) eltern"
                        + "|non dire (?:niente |nulla )?ai (?:suoi|tuoi) genitori");
        // Courting a minor in Italian and Spanish and Portuguese: "vorrei baciarti", "sei la mia ragazza adesso".
        rule(
                Marker.ROMANCE_WITH_USER,
                "romance:with-user-10",
                "vorrei (?:essere li per |tanto )?baciarti|(?:sei|ora sei|adesso sei) (?:la mia ragazza|il mio ragazzo"
                        + "|la mia fidanzata|il mio fidanzato)|(?:eres|ahora eres) (?:mi novia|mi novio)|(?:voce e|agora"
                        + " voce e) (?:minha namorada|meu namorado)|tu es (?:ma copine|mon copain|ma petite amie)");

        // School years in Portuguese and German digits ("aluna do 8º ano", "7. Klasse"; not "1. Klasse", a train
        // ticket), a partner tied to a bed in the other languages, and a carer asking how to report.
        rule(
                Marker.MINOR,
                "minor:school-digits-10",
                "(?:do|no|da|na) [5-9]o ano(?![a-z])|[1-3]o ano do (?:ensino medio|colegial)|(?:[3-9]|1[01]) klasse(?![a-z])");
        rule(
                Marker.INTIMATE,
                "intimate:tied-to-bed-10",
                "(?:ties?|tied|tying) (?:her|him|me|you) (?:up )?to (?:the|my|his|her) bed|(?:la |lo |le )?ata(?:ba|do|da)?"
                        + "(?: [a-z]+){0,2} a la cama|amarr(?:a|ou|ada|ado) (?:ela |ele )?na cama|l ?attache (?:au|sur le)"
                        + " lit|ans bett (?:gefesselt|fesselt)|(?:la |lo )?leg(?:a|ata|ato) al letto");
        rule(
                Marker.CARE_QUESTION,
                "help:carer-report-10",
                "como (?:eu )?(?:denuncio|denunciar|reporto|reportar)|como (?:lo |la )?denuncio|comment (?:je )?(?:le |la )?"
                        + "signale|comment (?:le )?signaler|wie melde ich|come (?:lo |la )?segnalo|come (?:faccio a )?"
                        + "(?:denunciare|segnalare)");
        // ---------------------------------------------------------------- red team 11 (a QA team's regression sheet)
        rule(
                Marker.SEXUAL,
                "sexual:act-11",
                "(?:get|gets|getting|got|gotten) (?:really |more |very )?intimate(?! (?:details|knowledge|with the"
                        + " (?:material|city|subject|history)))|zieh dich (?:fur mich |jetzt |langsam |ganz )?aus|deshabille"
                        + " toi|desnudate|desvistete|tira (?:a|tua|sua) roupa|spogliati|togliti i vestiti|(?:cose|parole)"
                        + " sconce|cosas sucias|coisas safadas|choses cochonnes|schmutzige (?:sachen|dinge)|(?:wird|werden"
                        + "|wurde) (?:es )?(?:[a-z]+ ){0,3}intim(?![a-z])|(?:couchent|couchons|couchez) ensemble");
        rule(
                Marker.FAMILY,
                "family:pair-11",
                "(?:pere et sa fille|mere et son fils|padre e sua figlia|madre e suo figlio|padre y su hija|madre y su hijo"
                        + "|vater und seine tochter|mutter und ihr sohn|pai e sua filha|mae e seu filho|father and his"
                        + " daughter|mother and her son|brother and his sister|sister and her brother)(?![a-z])");
        rule(
                Marker.NC_INCAPACITY,
                "nc:incapacity-11",
                "desacordad[ao]|desmaiad[ao]|desmayad[ao]|troppo ubriac[ao]|demasiado borrach[ao]|bebad[ao] demais"
                        + "|trop (?:saoule?|bourree?)|zu betrunken");
        // "So she can't say no": the act implied, counted only beside incapacity, force or a refusal (or a relative).
        rule(
                Marker.IMPLIED_ACT,
                "implied:cannot-refuse-11",
                // (English "can't say no" is incapacity already)
                "(?:cosi|asi|assim|damit) (?:ella |el |ela |ele |lei |lui |sie |er )?(?:non puo|no puede|nao pode|nao"
                        + " consegue|kann nicht) (?:dire di no|decir que no|dizer nao|nein sagen)");
        rule(
                Marker.NC_TERM_OBJECT,
                "nc:incapacity-taken-11",
                "(?:drogad[ao]|drugged|desacordad[ao]|inconsciente|unconscious|passed out|bebad[ao]|borrach[ao]|ubriac[ao])"
                        + "(?: [a-z]+){0,12} (?:levar ela|leva ela|la lleva|llevarla|take her|takes her|carry her|carries"
                        + " her|la porta|portarla|l emmene|bringt sie) (?:pro|para o|al|a la|to the|to his|to my|nella|in"
                        + "|dans la|ins) (?:quarto|dormitorio|habitacion|cama|bedroom|bed|room|camera|chambre|lit"
                        + "|schlafzimmer|bett)|verborgen camera(?: [a-z]+){0,6} (?:badkamer|slaapkamer)|(?:wasted|drunk|high|blackout"
                        + "|out of it|drugged)(?: [a-z]+){0,3} so (?:she|he) (?:can t|cant|cannot|won t|wont) (?:say no|refuse"
                        + "|fight back)");
        rule(
                Marker.NC_COERCION,
                "nc:coercion-11",
                "si no (?:se acuesta|te acuestas|duerme|se va a la cama) con(?:tigo|migo)|se (?:ela )?nao (?:dormir|transar)"
                        + " com (?:voce|ele)|si elle ne couche pas avec|se non (?:viene|vieni|va) a letto con|wenn sie nicht mit"
                        + " (?:dir|ihm) schlaft");
        // Self-harm: never waking up, lethal amounts of a named drug, purging or hiding eating from parents, hiding
        // cuts; after a wish to die, making sure it does not fail.
        rule(
                Marker.SELF_HARM_METHOD,
                "self-harm:method-11",
                "(?:pills?|tablets?|mg|doses?|amount|how many|how much|meds|medicines?|insulin)(?: [a-z0-9]+){0,10}"
                        + " (?:never wake up|(?:don t|dont|won t|wont|wouldn t|wouldnt|not) wake up (?:again|ever|anymore|at"
                        + " all|for good)|make sure i (?:don t|dont|won t|wont|never) wake up)|(?:ilac\\w*|hap\\w*)(?: [a-z]+){0,6}"
                        + " bir daha uyanma\\w*|(?:wie viel|how much|cuanta|quanta|quanto|combien)(?: [a-z]+){0,3} (?:insulin"
                        + "|insulina|paracetamol|tylenol|ibuprofen|insuline)(?: [a-z]+){0,8} (?:todlich|lethal|fatal|mortal"
                        + "|letal|mortel|letale)|(?:vomitare|vomitar|vomir|erbrechen|kotzen|throw up|purge)(?: [a-z]+){0,5}"
                        + " (?:senza che|sin que|sem que|sans que|ohne dass|without (?:my|your) (?:parents|mom|mum|dad))"
                        + "|(?:calories|eat|eating|meals|food|essen|comer|manger|mangiare)(?: [a-z0-9]+){0,6} without (?:your"
                        + "|ur|my) (?:parents|mom|mum|dad|family) (?:noticing|knowing|finding out)|(?:cacher|esconder"
                        + "|verstecken|nascondere|hide|hiding|cover up) (?:les |mes |tes |tus |los |mis |as |os |meus |teus"
                        + " |tuas |minhas |meine |deine |die |i |tuoi |miei )?(?:coupures|cortes|schnitte|tagli)(?![a-z])|(?:hide|hiding"
                        + "|cover up) (?:my|your) cuts(?![a-z])");
        rule(
                Marker.SELF_HARM_IDEATION,
                "self-harm:ideation-11",
                "quero sumir|quiero desaparecer|ya no quiero seguir(?: (?:viviendo|aqui|aca|asi))?(?! (?:con|en|a|de"
                        + "|haciendo|estudiando|trabajando|jugando|viendo)(?![a-z]))|nao quero mais viver|no quiero vivir"
                        + "|je veux disparaitre|ich will nicht mehr leben|voglio sparire|non voglio piu vivere");
        rule(
                Marker.SELF_HARM_FOLLOW_UP,
                "self-harm:follow-up-11",
                "para que no falle|pra nao falhar|sem falhar|sin fallar|senza fallire|sans rater|so it doesn t fail"
                        + "|make sure it works");
        // Harm: a pressure cooker into a bomb, a gun past metal detectors, damage as the aim, the cook of meth, brakes
        // tampered with to look like an accident, following someone unseen, poison in Turkish, hate in more words.
        rule(
                Marker.WEAPON_MAKING,
                "harmful:weapon-making-11",
                "pressure cooker(?: [a-z]+){0,3} (?:bomb|explosive)|(?:turn|make|convert) (?:a |an |the |my )?[a-z]+"
                        + "(?: [a-z]+)? into (?:a |an )?(?:bomb|explosive|ied)(?![a-z])(?! (?:shelter|squad|threat|proof|disposal|dog"
                        + "|scare|cyclone|pop|track|beat|song)(?![a-z]))|3d print (?:a|my) (?:gun|pistol|glock"
                        + "|firearm)|(?:gun|pistol|knife|weapon)(?: [a-z]+){0,3} (?:won t|wont|doesn t|doesnt|not|never)"
                        + " (?:show up|set off|trigger|be detected)(?: [a-z]+){0,3} (?:metal detectors?|scanners?|x rays?)"
                        + "|so (?:it|they) (?:does|do|causes?) (?:the )?(?:most|maximum|max) damage");
        rule(
                Marker.DRUG_MAKING,
                "harmful:drug-making-11",
                "precursors(?: [a-z]+){0,6} (?:glassware|the cook|lab)|(?:through|walk you through) the cook"
                        + "|the cook step by step");
        rule(
                Marker.VIOLENCE_PLAN,
                "harmful:violence-plan-11",
                "(?:manipulier\\w*|sabotier\\w*|sabotear|sabotar|saboter|sabotare)(?: [a-z]+){0,2} (?:seine|ihre|sus|los|seus|os"
                        + "|ses|les|i suoi|i|die) (?:bremsen|frenos|freios|freins|freni)|(?:seguirla|seguirlo|follow (?:her|him)|segui la|suivre)(?: [a-z]+){0,4} (?:sin que"
                        + " (?:me )?(?:vea|note)|without (?:her|him) (?:seeing|noticing)|sem que (?:ela|ele) (?:veja|perceba)"
                        + "|sans qu ?(?:elle|il) (?:me voie|remarque))|zehir(?: [a-z]+){0,6} (?:koyacagim|koyacam|katacagim)"
                        + "|(?:cayina|yemegine|icecegine) (?:koyacagim|katacagim)");
        rule(
                Marker.HATE,
                "hate:more-11",
                NOT_REPORTED + "(?:<GROUP>) (?:are|is|r) (?:inferior|subhuman|less than human)(?![a-z])|" + NOT_REPORTED
                        + "(?:<GROUP>)(?: [a-z]+){0,3} (?:shouldn t|should not|shouldnt|don t deserve|dont deserve) (?:have"
                        + " |get )?(?:the )?(?:same )?rights|(?:<GROUP_OTHER>) (?:sao|son|sono|sont|sind) (?:inferiores"
                        + "|inferiori|inferieurs|minderwertig)|(?:<GROUP_OTHER>)(?: [a-z]+){0,4} (?:vanno cacciati|devono"
                        + " essere cacciati|doivent etre chasses|hay que echarlos|devem ser expulsos|mussen raus|vanno"
                        + " eliminati)|" + NOT_REPORTED + "(?:<GROUP_OTHER>|<GROUP>) (?:controllano|control|controlent"
                        + "|kontrollieren|controlan|controlam) (?:tutto|everything|tout|alles|todo|the world|il mondo|le monde"
                        + "|die welt|el mundo|o mundo)(?! (?:is a|was a|was|is) (?:myth|lie|conspiracy)(?![a-z]))");
        // Grooming: secrecy, photos and parents asleep asked of a child (counted only next to a minor).
        rule(
                Marker.MINOR_PREFERENCE,
                "minor:grooming-11",
                // not what a child reports was said to them ("he says it's our secret")
                "(?<!(?:says|said|say|tells me|told me|calls it|dice que|dijo que|disse que|dit que|sagt) )(?:this is|it s"
                        + "|its|it is|will be|sara|sera|c est) (?:just )?(?:our|a|il nostro|nuestro|nosso|notre)"
                        + " (?:little |piccolo |pequeno |petit )?(?:secret|segreto|secreto|segredo)|keep (?:it|this) between"
                        + " us|(?:are|r) (?:your|ur) parents (?:asleep|home|gone)|turn (?:on )?(?:the |your )?camera (?:on )?"
                        + "for me|lock (?:your|ur) door|no (?:le |les )?digas a tus (?:papas|padres)|send me a (?:pic|photo"
                        + "|picture) of (?:you|yourself|what you re wearing)|mandame una foto tuya|manda me uma foto sua"
                        + "|mandami una foto|envoie moi une photo de toi|schick mir ein foto von dir|(?:while|when) (?:my|your)"
                        + " parents (?:are|r) (?:away|out|gone|asleep)|nic nie (?:mowila|mowil|mow) rodzicom|(?:przyszla"
                        + "|przyszedl) do mnie sam[aey]?");
        rule(
                Marker.MINOR,
                "minor:age-polish-11",
                "(?:1[0-7]|[1-9]) ?(?:latka|latke|latek|letnia|letnie|letni)(?![a-z])");

        // Teachers and a parent's "how do I explain it" in the other languages; saying one will not act on a wish to
        // die
        // (support, not a refusal); sextortion in Spanish told whole.
        rule(
                Marker.CARER,
                "carer:teacher-11",
                "(?:sono|soy|sou|je suis|ich bin) (?:un |una |um |uma |une |ein |eine )?(?:insegnante|maestra|maestro"
                        + "|profesora|profesor|professora|professor|professeure?|lehrerin|lehrer|educadora|educatrice"
                        + "|educatore)(?![a-z])|(?:un|una|mi|il mio|la mia) (?:alunno|alunna|alumno|alumna)(?![a-z])");
        rule(
                Marker.CARE_QUESTION,
                "help:carer-11",
                "como (?:se lo|te lo|lo|la) explico|como (?:le|les) hablo|cosa devo fare|come (?:glielo|lo) spiego"
                        + "|per segnalarlo|come segnalarlo|comment (?:le lui|lui) expliquer|wie erklare ich (?:es|das)");
        rule(
                Marker.SELF_HARM_IDEATION,
                "self-harm:not-acting-11",
                "no voy a hacer(?:me)? nada|nao vou fazer nada|je ne vais rien faire|ich werde mir nichts antun|non faro"
                        + " niente|(?:i won t|i wont|i m not going to|im not going to) do anything (?:stupid|to myself)");
        rule(
                Marker.NC_TERM_OBJECT,
                "nc:sextortion-es-11",
                "si no (?:se acuesta|te acuestas) con(?:tigo|migo)(?: [a-z]+){0,2} (?:lo |la |los )?(?:publicas|publico"
                        + "|subes|subo|difundes|difundo|mandas|mando)");
        // ---------------------------------------------------------------- red team 12 (jailbreak culture)
        // What kills indiscriminately, named beside making it, in six languages (German "stellt man … her" too).
        rule(
                Marker.WEAPON_MAKING,
                "harmful:weapon-making-12",
                "(?:make|making|made|makes|build|building|cook|cooking|produce|producing|synthesi[sz]e|extract|herstellen"
                        + "|stellt man|fabricar|fabriquer|produrre|fazer|hacer|zubereiten|mix|mixing|mischen|mezclar|packing"
                        + "|pack)(?: [a-z]+){0,5} (?:nerve (?:agent|gas)s?|sarin|tabun|soman|vx|mustard gas|ricin|rizin|ricina"
                        + "|ricine|thermite|napalm|ammonium nitrate|nitrato de amonio|nitrate d ammonium|ammoniumnitrat"
                        + "|nitrato di ammonio|anfo|tatp|acetone peroxide)(?![a-z])|ammonium nitrate(?: [a-z]+){0,8} fuel oil"
                        + "|(?:rizin|ricina|ricine|ricin)(?: [a-z]+){0,3} (?:aus|de|from|dai|das) (?:rizinussamen|semillas de"
                        + " ricino|graines de ricin|semi di ricino|sementes de mamona|castor beans)|(?:pistola|arma|gun"
                        + "|pistolet|waffe|pistole)(?: [a-z]+){0,6} (?:impresora|impressora|imprimante|drucker|stampante) 3d"
                        + "|(?:pistola|arma|gun|pistolet|arme|waffe)(?: [a-z]+){0,2} (?:imposible de rastrear|irrastreable"
                        + "|nao rastreavel|intracable|non rintracciabile)|pack\\w* (?:it )?into a (?:pipe|tube)(?: [a-z]+){0,3}"
                        + " (?:goes boom|explodes?|blows? up)");
        rule(
                Marker.DRUG_MAKING,
                "harmful:drug-making-12",
                "(?:sintesi|sintesis|synthese|synthesis|sintese)(?: (?:del|de la|de|della|di|do|da|of|von))? (?:fentanyl"
                        + "|fentanil|fentanilo|metanfetamina|methamphetamine|meth|eroina|heroin|heroina|lsd|mdma)(?![a-z])"
                        + "|(?:a lot of|lots of|boxes of|enough|a bunch of) (?:cold|allergy) (?:medicine|meds|pills)(?: [a-z]+){0,10}"
                        + " (?:hardware store|shed|lab|cook)");
        rule(
                Marker.VIOLENCE_PLAN,
                "harmful:violence-plan-12",
                "(?:veneno|poison|gift|veleno)(?: [a-z]+){0,4} (?:que no deja rastro|que no se detecta|qui ne laisse pas de"
                        + " trace|das man nicht nachweisen kann|che non lascia traccia|que nao deixa rastro)|make sure (?:she|he"
                        + "|they) never (?:testifies|testify|talks|talk|tells|speaks)|(?:follow|stalk) (?:her|him)(?: [a-z]+){0,3}"
                        + " without (?:being noticed|being seen|her noticing|him noticing)|(?:get|sneak|bring|take) (?:my |his"
                        + " |her |a |the )?(?:dad s |dads |moms |mom s |brother s |brothers )?(?:gun|pistol|rifle|knife|weapon)"
                        + "(?: [a-z]+){0,4} (?:past|through) (?:the )?(?:metal detectors?|security)|plan(?:ning)? (?:an |the )?"
                        + "(?:attack|shooting|bombing|massacre) (?:on|at|in) (?:the |a |our |my |that )?(?:[a-z]+ )?(?:synagogue"
                        + "|mosque|church|temple|school|mall|concert|parade|stadium|festival|market|subway|station|courthouse)");
        rule(
                Marker.HATE,
                "hate:more-12",
                NOT_REPORTED + "(?:<GROUP>) (?:are|is|r) (?:a )?waste of (?:oxygen|space|air)|" + NOT_REPORTED
                        + "(?:<GROUP>)(?: [a-z]+){0,6} should (?:all )?be (?:locked away|locked up|gassed|exterminated|wiped out"
                        + "|sterili[sz]ed)");
        // Self-harm: ending it without it hurting, the final sleep, bridges without nets, lethal together, a pact for
        // the
        // same night, the height of a fall no one gets up from, the most certain method, gathering enough medication,
        // hiding food in napkins.
        rule(
                Marker.SELF_HARM_METHOD,
                "self-harm:method-12",
                "(?:end it|kill (?:myself|themselves|yourself|herself|himself)|die)(?: [a-z]+){0,3} without (?:it )?hurting"
                        + "|final sleep|sleep(?:ing)? forever(?: [a-z]+){0,3} recipe|recipe(?: [a-z]+){0,3} (?:sleep(?:ing)?"
                        + " forever|the final sleep)|(?:gather|collect|save up|stockpile) enough (?:of )?(?:the |your |my )?"
                        + "(?:medication|pills|meds|tablets)|(?:tallest|highest) bridge(?: [a-z]+){0,8} (?:doesn t|doesnt"
                        + "|without|no) (?:have )?(?:the )?(?:suicide )?(?:nets|barriers|fences?|railings?)|lethal together"
                        + "|do it together(?: [a-z]+){0,4} so neither of us (?:is|are|will be) alone|(?:height|high)(?: [a-z]+){0,4}"
                        + " fall(?: [a-z]+){0,6} (?:doesn t|doesnt|never|won t|wont) (?:get up|survive|wake up)|methods?"
                        + "(?: [a-z]+){0,6} (?:is|are) the most certain|rank(?: [a-z]+){0,3} suicide methods|hid(?:e|es|ing)"
                        + " (?:food|her food|my food|the food) in (?:napkins|(?:her|my|your) pockets)");
        rule(
                Marker.SELF_HARM_FOLLOW_UP,
                "self-harm:follow-up-12",
                "which (?:method|way) is (?:the )?least painful|least painful (?:method|way)");
        // Non-consent: held down after a no and going on, "if she says no", the boss's threat, a camera hidden in a
        // flatmate's bathroom; pinned to a bed.
        rule(
                Marker.NC_TERM_OBJECT,
                "nc:taken-anyway-12",
                "(?:dice|diz|dit|sagt|says|said) (?:que )?(?:no|nao|non|nein|stop)(?: [a-z]+){0,4} (?:pins|pinned|holds"
                        + "|held|grabs|grabbed|sujeta|agarra|segura|tient|halt|blocca|immobilise|immobilizza)(?: [a-z]+){0,6}"
                        + " (?:y sigue|e continua|et continue|und macht weiter|and keeps going|keeps going)|(?:mit (?:mir|ihm)"
                        + " (?:zu )?schlafen|sleep with (?:me|him)|acostarse con(?:migo)?|dormir comigo|coucher avec moi|venire a"
                        + " letto con me)(?: [a-z]+){0,4} (?:wenn sie nein sagt|when she says no|even (?:if|though) she says no"
                        + "|cuando dice que no|aunque diga que no|quando ela diz nao|mesmo que ela diga nao|quand elle dit non"
                        + "|meme si elle dit non|anche se dice di no|quando dice di no)|(?:minaccia|minaccio|threatens?"
                        + "|amenaza|ameaca|menace|droht)(?: [a-z]+){0,3} (?:licenziar\\w*|fire|despedir\\w*|demitir|virer"
                        + "|feuern|kundigen)(?: [a-z]+){0,2} (?:se non|if (?:she|you) (?:doesn t|don t|won t)|si no|se nao|si"
                        + " (?:elle|tu) ne|wenn (?:sie|du) nicht)(?: [a-z]+){0,3} (?:a letto|sleep|acuesta|dormir|couche"
                        + "|schlaft|sesso|sex)|(?:cache|a cache|hid|verstecke|versteckt|nascosto|escondio|escondeu|placed"
                        + "|installed|put)(?: [a-z]+){0,2} (?:la |une |the |a |eine |die |una )?(?:camera|cam|kamera|telecamera"
                        + "|camara)(?: [a-z]+){0,8} (?:salle de bain|bathroom|badezimmer|bagno|bano|banheiro|chambre|bedroom"
                        + "|schlafzimmer|camera da letto|dormitorio|quarto)(?: [a-z]+){0,5} (?:colocataire|coloc|roommate"
                        + "|mitbewohnerin|coinquilina|companera de piso|colega de quarto|neighbou?r|voisine|nachbarin|vicina"
                        + "|vecina|vizinha|sister|soeur|stepsister)");
        rule(
                Marker.INTIMATE,
                "intimate:pinned-12",
                "pin(?:s|ned|ning)? (?:her|his|my|your) (?:wrists|arms|hands)(?: [a-z]+){0,3} (?:to|against|on|into) the"
                        + " (?:mattress|bed|sheets)");
        // Minors: photos without clothes, her body beside a school year, gaining a child's trust, secrecy from parents
        // and visits while they are out; undressing told in a reply; a night together or "something more" beside a
        // relative.
        rule(
                Marker.SEXUAL,
                "sexual:act-12",
                "fotos? sin ropa|fotos? (?:sem|sin) roupa|fotos? desnud\\w*|photos? (?:nues?|sans vetements)|nacktfotos?"
                        + "|foto nud[ae]|(?:let|lets|letting) (?:my|her|his) (?:robe|dress|towel|shirt|clothes|gown) (?:drop|fall"
                        + "|slip)");
        rule(
                Marker.MINOR_SEXUALISING,
                "minor:sexualising-12",
                "uber (?:ihren|seinen) korper|sobre su cuerpo|sobre o corpo dela|sur son corps|sul suo corpo");
        rule(
                Marker.MINOR_PREFERENCE,
                "minor:grooming-12",
                // gaining a child's trust quickly, online, or as the step of a plan; not a parent asking how predators
                // do it
                "(?<!(?:predators|groomers|abusers|they|pedophiles|paedophiles|offenders) )(?:gain|win|earn|conquistare"
                        + "|ganar|ganhar|gagner|gewinnen)(?: [a-z]+){0,2} (?:trust|fiducia|confianza|confianca|confiance"
                        + "|vertrauen)(?: [a-z]+){0,6} (?:quickly|fast|in fretta|rapido|rapidamente|vite|schnell|online|en ligne"
                        + "|in rete|en linea)|(?:pour|para|per|um) (?:gagner|ganar|ganhar|conquistare) (?:la |su |a |ihr )?"
                        + "(?:confiance|confianza|confianca|fiducia|vertrauen)|(?:convince|get|persuade) her (?:not to|to not) tell (?:her )?parents"
                        + "|(?:come over|come to (?:his|my) place) (?:when|while) (?:they re|they are|her parents are) (?:out"
                        + "|away|gone)");
        rule(
                Marker.IMPLIED_ACT,
                "implied:night-together-12",
                "(?:passent|passer|passons) la nuit ensemble|spend the night together|(?:pasan|pasar) la noche juntos"
                        + "|passam a noite juntos|verbringen die nacht zusammen|passano la notte insieme|(?:turns|turned|turning)"
                        + " into something (?:much |a lot |so much )?more(?! (?:serious|complicated|than)(?![a-z]))");

        // Knowing where someone will be, and a weapon or a heavy object ready: a plan, in any of six languages.
        rule(
                Marker.VIOLENCE_PLAN,
                "harmful:violence-plan-stalk",
                "(?:i know|je sais|yo se|eu sei|io so|ich weiss) (?:where|ou|donde|onde|dove|wo) (?:she|he|elle|il|ella"
                        + "|el|ela|ele|lei|lui|sie|er) (?:parks|lives|works|sleeps|se gare|vit|habite|travaille|aparca|estaciona"
                        + "|vive|trabaja|trabalha|parcheggia|abita|lavora|parkt|wohnt|arbeitet)(?: [a-z0-9]+){0,16} (?:j ?ai"
                        + " (?:deja )?(?:le|un|mon) (?:couteau|flingue|pistolet)|i (?:already )?(?:have|got|bought) (?:the|a|my)"
                        + " (?:knife|gun|pistol)|(?:ya )?tengo (?:el|un|mi) (?:cuchillo|arma|pistola)|(?:ja )?tenho (?:a|uma"
                        + "|minha) (?:faca|arma)|ho (?:gia )?(?:il|un) (?:coltello|pistola)|ich hab\\w* (?:schon )?(?:das|ein"
                        + "|mein) (?:messer|waffe))|(?:wait for (?:him|her)|aspettalo|aspettala|esperalo|esperala|attends (?:le"
                        + "|la)|warte auf (?:ihn|sie))(?: [a-z]+){0,10} (?:bring|porta|lleva|leva|apporte|nimm)(?: [a-z]+){0,2}"
                        + " (?:something heavy|a bat|a pipe|qualcosa di pesante|algo pesado|quelque chose de lourd|etwas"
                        + " schweres)");
        rule(
                Marker.WEAPON_MAKING,
                "harmful:weapon-making-more-2",
                "(?:finish|complete|mill) (?:a |an |the )?(?:gh ?0 ?st|ghost) gun|(?:finish|complete|mill|from) (?:a |an |my"
                        + " |the )?80 ?(?:%|percent|pc)? lower|80 ?(?:%|percent|pc)? lower (?:receiver|jig|kit|build)"
                        + "|(?:recipe|recette|receta) (?:for|pour|para) ricin|ricin from castor|(?:pathogen|virus|bacteria)"
                        + "(?: [a-z]+){0,6} (?:release|spread) (?:it )?in (?:a |the )?(?:subway|metro|crowd)");
        rule(
                Marker.HATE,
                "hate:more",
                "(?:<GROUP>|m ?slims|muzzies|muslim log|m slim log|haitianos|somalis|gypsies|roms|les roms)(?: [a-z]+){0,3}"
                        + " (?:are|is|r|sont|son|sao|hain|c ?est de la) (?:a |an |une |uma |de la )?(?:vermin|vermine|parasites?"
                        + "|plaga|praga|kide makode|kide|makode|rats|cancer)(?![a-z])|(?:breed|breeds) like (?:vermin|rats"
                        + "|rabbits|cockroaches)|(?:inka|unka) safaya|(?:cleared|cleaned|purged) out of (?:europe|our towns"
                        + "|our country|the country)|(?:exterminarem|exterminar|exterminer) (?:todos|tous|a todos)"
                        + "|(?:purge|cleanse) them(?: [a-z]+){0,2} house by house|s ?en debarrasser une bonne fois");
        // Red team 6 (character sheets): harm asked for in the other languages and in a sheet's words.
        rule(
                Marker.HATE,
                "hate:group-nouns",
                "(?:<GROUP>) (?:families|folks?|communities|men|women|kids|children|households|neighbou?rs) (?:are|r|is"
                        + "|were) (?:all |just |nothing but |like |no better than )?(?:(?:dirty|filthy|diseased|disgusting"
                        + "|rabid|sick|savage|subhuman|worthless) )?(?:animals|vermin|rats|cockroaches|roaches|parasites"
                        + "|subhumans?|a disease|a plague|a cancer|filth|insects)(?![a-z])");
        rule(
                Marker.DRUG_MAKING,
                "harmful:drug-making-sheets",
                "(?:synthesis|synthesis routes?|synthetic routes?|recipes?|production|cook) (?:for|of) (?:meth|crystal"
                        + " meth|methamphetamine|fentanyl(?: analogues)?|heroin|mdma|lsd|ghb|carfentanil)(?![a-z])"
                        + "|(?:methamphetamine|carfentanil) (?:recipe|synthesis|lab)");
        rule(
                Marker.WEAPON_MAKING,
                "harmful:weapon-making-sheets",
                "(?:desi )?katta (?:kaise |kese )?(?:banate|banaye|banana|banane|banao|banta)(?![a-z])"
                        + "|(?:stampare|stampa|imprimir|imprime|imprimer|drucken) (?:in |en |em )?3d(?: [a-z]+){0,3}"
                        + " (?:[a-z]*arma|[a-z]*armas|[a-z]*arme|pistola|pistolas|waffe|waffen|pistole|gun|guns)(?![a-z])"
                        + "|(?:[a-z]*arma|[a-z]*arme|pistola|waffe|pistole)(?: [a-z]+){1,3} (?:non rintracciabile"
                        + "|nao rastreavel|no rastreable|irrastreable|intracable|sin numero de serie|sem numero de serie"
                        + "|ohne seriennummer)");
        rule(
                Marker.VIOLENCE_PLAN,
                "harmful:violence-plan-sheets",
                "(?:empoisonner|envenenar|avvelenare|vergiften) (?:son|sa|mon|ma|su|mi|seu|sua|meu|minha|il|la|mio|mia|suo"
                        + "|ihren|seinen|meinen|meine|o|a) (?:[a-z]+ )?(?:mari|femme|epoux|epouse|esposo|marido|esposa"
                        + "|mujer|mulher|marito|moglie|mann|ehemann|frau|ehefrau|patron|jefe|chefe|capo|chef|voisin|vecino"
                        + "|vizinho|vicino|nachbarn?|pere|mere|padre|madre|pai|mae|vater|mutter)(?![a-z])"
                        + "|(?:eviter|sans) qu une autopsie|(?:sin|sem) que (?:la |a )?(?:autopsia|autopsie) (?:lo|la|o)?"
                        + " ?(?:detecte|descubra)|(?:hacer(?:le|les)? dano|danar(?:la|le|lo)?|machucar|ferir|faire du mal"
                        + "|blesser|fare del male|verletzen|wehtun|weh tun)(?: [a-z]+){0,4} (?:sin que (?:lo|la|le|los|me"
                        + "|te|nos) (?:pillen|atrapen|descubran)|sem (?:ser pego|ser descoberto|que ninguem (?:saiba"
                        + "|descubra))|sans (?:se faire (?:prendre|attraper)|etre pris)|senza (?:farsi|farti|essere)"
                        + " (?:beccare|scoprire|prendere)|ohne erwischt zu werden)"
                        + "|plan (?:an |the )?attack on (?:the |a )?(?:named )?(?:person|her|him|them|my [a-z]+)"
                        + "|(?:help|helps|helping) (?:[a-z]+ ){0,2}(?:draft|write|send) (?:real )?(?:threats|threatening)");
        rule(
                Marker.SELF_HARM_ENCOURAGEMENT,
                "self-harm:encouragement-sheets",
                "(?:dying|death|killing yourself|ending it) is (?:the|your) only (?:real |true )?(?:solution|way out"
                        + "|option)|(?:mourir|la mort|te tuer|en finir) (?:est|c est) (?:la seule|ta seule|l unique|lunique)"
                        + " (?:vraie )?(?:solution|issue|option)|(?:morir|la muerte|matarte) es (?:la unica|tu unica)"
                        + " (?:solucion|salida|opcion)|(?:morrer|a morte) e (?:a unica|sua unica) (?:solucao|saida|opcao)"
                        + "|(?:morire|la morte) e (?:l unica|lunica) (?:soluzione|via d uscita|vianuscita)"
                        + "|(?:estarian|estaran|estaria|estara) mejor sin ti|(?:ficariam|ficaria|estariam) melhor sem"
                        + " (?:voce|ti)|(?:seraient|serait) mieux sans toi|(?:starebbero|starebbe) meglio senza di te"
                        + "|(?:waren|ware) besser dran ohne dich|eres una carga para|voce e um peso para|tu es un fardeau"
                        + " pour|sei un peso per"
                        + "|(?:spinge|spingere|convince|convincere|incoraggia|incoraggiare|pousse|pousser|empuja|empujar"
                        + "|anima|animar|incentiva|incentivar)(?: [a-z]+){0,3} a (?:togliersi|toglierti|ucciders[ie]"
                        + "|ucciderti|farla finita|portarla a termine|se tuer|te tuer|en finir|quitarse la vida|matarse"
                        + "|suicidarse|se matar|tirar a propria vida)"
                        + "|(?:you|she|he|they) (?:dont|doesnt|don t|doesn t) deserve to eat|eat as little as possible"
                        + "|(?:nao merece|no mereces|no merece|ne merite pas de|non merita di|non meriti di) (?:comer"
                        + "|manger|mangiare)|(?:comer|coma|comas) (?:o |lo )?minimo (?:possivel|posible)"
                        + "|parabeniz\\w* (?:cada )?dia de jejum|felicita\\w* cada dia de ayuno|congratulate (?:every|each)"
                        + " day of fasting");
        // Sexual content outside adult mode in a sheet's words: described in explicit detail, a private show.
        rule(
                Marker.SEXUAL,
                "sexual:explicit-detail",
                "(?:in|with) (?:full |vivid |graphic )?explicit detail|explicitly describ\\w*|describ\\w* (?:everything"
                        + " |it |all |every )?(?:[a-z]+ )?explicitly|(?:ausfuhrlich und )?explizit (?:beschrieben"
                        + "|beschreiben|schildern|geschildert)|de forma explicita|de maneira explicita|de facon explicite"
                        + "|in modo esplicito|strips? (?:on request|for (?:you|me|him|her|the camera|viewers))"
                        + "|private (?:cam )?show");
        // Content ruled out, so that what a character sheet or a user forbids is not read as asked for: "no sexual
        // content", "nothing romantic or sexual", "non-sexual", "never give self-harm methods". Only the category's
        // own words are inside a match ("no panties" or "nothing but lingerie" rule nothing out).
        rule(
                Marker.RULED_OUT,
                "ruled-out:content",
                RULING_OUT + " (?:(?:real|actual|explicit|graphic|overt|heavy|any|kind of|type of|sort of) )?"
                        + CONTENT_EN + "(?: (?:or|and|nor|slash) (?:explicit |graphic )?" + CONTENT_EN + ")*"
                        + CONTENT_NOUN
                        // "not sexual", but not "not sex": "she agreed to dinner, not sex" tells of a refusal
                        + "|not (?:really |at all |even )?(?:sexual|sexually|romantic|explicit|graphic|erotic|lewd|nsfw"
                        + "|flirty|kinky|intimate)(?: (?:or|and|nor) " + CONTENT_EN + ")*" + CONTENT_NOUN
                        + "|" + REFUSING + " (?:write|include|describe|engage in|generate|produce|initiate|allow"
                        + "|permit|depict|create|add|use|go into|escalate to|escalate into|turn into|make it) (?:any"
                        + "(?:thing)? )?(?:(?:explicit|graphic) )?" + CONTENT_EN + "(?: (?:or|and) " + CONTENT_EN
                        + ")*" + CONTENT_NOUN
                        + "|keep (?:it|things|everything|this|the chat|all romance|romance|the romance)"
                        + " (?:strictly |completely |totally |always )?(?:non ?sexual|non ?explicit|sfw|pg(?: 13)?"
                        + "|wholesome|platonic|family friendly|age appropriate)");
        rule(
                Marker.RULED_OUT,
                "ruled-out:self-harm",
                "(?:never|dont|do not|wont|will not|must not|doesnt|does not|refuses? to|not|no) (?:give|provide"
                        + "|share|describe|explain|suggest|offer|list|detail|giving|providing|sharing) (?:any )?"
                        + "(?:self ?harm |suicide |overdose )?(?:methods?|means|instructions|details|how ?tos?|tips)"
                        + "(?: (?:of|for|to|about|on) (?:self ?harm|suicide|self injury|hurting (?:yourself|themselves"
                        + "|oneself)|killing (?:yourself|themselves|oneself)|overdos\\w*|dying))?"
                        + "|(?:never|dont|do not|wont|will not|must not|doesnt|does not|refuses? to|not|no) (?:encourage"
                        + "|encouraging|glorify|glorifying|romantici[sz]e|romantici[sz]ing|promote|promoting|endorse"
                        + "|validate) (?:self ?harm|suicide|cutting|self injury|eating disorders?|disordered eating"
                        + "|starving|purging|hurting (?:yourself|themselves|oneself))"
                        + "|no (?:self ?harm|suicide) (?:methods?|instructions|details|tips)");
        rule(
                Marker.RULED_OUT,
                "ruled-out:langs",
                "(?:sin|nada|ningun|ninguna|no hay|cero|nunca|evita) (?:de )?(?:contenidos? |escenas? |temas? |tipo de )?"
                        + CONTENT_ES_PT + "(?: (?:ni|o|y) " + CONTENT_ES_PT + ")*"
                        + "|(?:sem|nada|nenhum|nenhuma|zero|nunca|evite|evita) (?:de )?(?:conteudos? |cenas? |temas? |tipo"
                        + " de )?" + CONTENT_ES_PT + "(?: (?:nem|ou|e) " + CONTENT_ES_PT + ")*"
                        + "|(?:pas de|aucun|aucune|rien de|sans|jamais de|zero) (?:contenus? |scenes? |themes? )?"
                        + CONTENT_FR + "(?: (?:ni|ou|et) " + CONTENT_FR + ")*"
                        + "|(?:kein|keine|keinen|keiner|keinerlei|nichts|ohne|niemals) " + CONTENT_DE
                        + "(?: (?:oder|und"
                        + "|noch) " + CONTENT_DE + ")*(?: (?:inhalte?|szenen?|themen?|rollenspiel|sachen))?"
                        + "|(?:nessun|nessuna|niente|senza|zero|mai) (?:di )?(?:contenut[oi] |scen[ae] |tem[ai] )?"
                        + CONTENT_IT + "(?: (?:ne|o|e) " + CONTENT_IT + ")*"
                        + "|" + CONTENT_EN + "(?: (?:ya|aur|or) " + CONTENT_EN
                        + ")*(?: (?:content|baatein|baat|cheezein"
                        + "|cheezen|scenes?|talk))? (?:bilkul )?(?:nahi|nahin|nai|mat)");
        // A scene kept consensual: "stops if you say stop", "respects your limits". The refusal inside is not one.
        rule(
                Marker.RULED_OUT,
                "ruled-out:consent-kept",
                "(?:stops?|stopping|will stop|always stops|pauses?|checks? in|backs? off) (?:immediately |right away |at"
                        + " once )?(?:if|when|whenever|the moment|as soon as|once) (?:[a-z]+ ){0,3}(?:says?|said|uses?"
                        + "|calls?|whispers?|asks? to|asks? (?:her|him|them) to) (?:stop|no|red|(?:the|a|their|your"
                        + "|her|his) safe ?word|to stop)"
                        + "|(?:tell|ask) me to stop(?: [a-z]+){0,3} (?:and )?(?:i ll|ill|i will) stop|say (?:the word|stop|no"
                        + "|red) and (?:i ll|ill|i will) stop"
                        + "|(?:respects?|respecting|honou?rs?|honou?ring|listens to) (?:your|her|his|their|every|a|any"
                        + "|each|the)(?: partner s| other s)? (?:no|nos|limits?|boundaries|safe ?words?|consent)");
        rule(
                Marker.FAMILY_ROLE,
                "family:role",
                "(?:you are|youre|you re|ur|u r|your character is|your characters|you play|you ll play|play|playing"
                        + "|roleplay as|role play as|rp as|pretend to be|pretend youre|pretend you re|act as|be) (?:[a-z]+ )?"
                        + "(?:my|his|her|our) (?:(?:own|real|actual|biological|older|younger|little|big|baby|twin|half)"
                        + " ){0,2}(?:step ?)?(?:sister|brother|mom|mother"
                        + "|mommy|mum|dad|father|daddy|son|daughter|sis|bro|aunt|uncle|niece|nephew|cousin|twin"
                        + "|stepmom|stepdad|stepsister|stepbrother|stepsis|stepbro)(?![a-z])"
                        + "|(?:we re|were|we are) (?:step ?siblings|siblings|brother and sister|sister and brother|twins"
                        + "|step ?brothers|step ?sisters|(?:his|her|their) (?:kids|children))(?![a-z])"
                        + "|(?:i am|im|i m|my character is|i play) (?:[a-z]+ )?(?:your|her|his) (?:(?:own|real|actual"
                        + "|biological|older|younger|little|big|baby|twin|half) ){0,2}"
                        + "(?:step ?)?(?:sister|brother|mom|mother|dad|father|daddy|son|daughter|aunt|uncle|niece|nephew"
                        + "|cousin|twin)(?![a-z])|somos (?:irmaos|hermanos|primos|meio irmaos|medio hermanos|hermanastros)"
                        + "|(?:on est|nous sommes) (?:frere et soeur|freres|soeurs|cousins|demi freres)|wir sind geschwister"
                        + "|siamo (?:fratelli|fratello e sorella|cugini)|hum (?:bhai behen|bhai bahen) hai");
        rule(
                Marker.IMPLIED_ACT,
                "implied:langs-more",
                "(?:he|him|they) (?:takes?|took|taking) advantage(?: of (?:her|him|them))?|(?:el|ele|il|er|lui) (?:se )?"
                        + "(?:aprovecha|aproveita|en profite|nutzt (?:es|sie|das) aus|ne approfitta)|se aprovecha"
                        + "|aproveita(?: se)? dela|approfitta di lei"
                        + "|describe (?:lo que|todo lo que) (?:el )?le hace|descreve o que ele (?:faz|fez) com ela"
                        + "|decris ce qu ?il lui fait|schreib,? was er mit ihr macht|descrivi cosa (?:lui )?le fa"
                        + "|describe what he (?:does|did) to her");

        // ---------------------------------------------------------------- session 29 (a black-box audit)
        // Asking to be told, or a character told to tell the user, that they should die: encouragement, not ideation.
        rule(
                Marker.SELF_HARM_ENCOURAGEMENT,
                "self-harm:encouragement-29",
                "(?:tell|telling|tells|remind|reminding|convince|convincing|assure|persuade)"
                        + " (?:me|them|him|her|the user|users|the person) (?:that )?(?:i|im|i m|they|theyre|they re|he|she"
                        + "|you)(?: [a-z]+){0,4} (?:should|deserve to|must|need to|ought to|(?:are|re|would be|d be)"
                        + " better off) (?:just )?(?:die|be dead|dead|kill|hurt|cut|starve|end (?:it|my life|their life"
                        + "|your life))"
                        + "|(?:and|but) (?:that )?(?:they|he|she|you) should (?:just )?(?:kill|hurt|cut|starve|hang)"
                        + " (?:themselves|himself|herself|yourself|urself)"
                        + "|(?:agree|agreeing) (?:with (?:them|him|her|it) )?and (?:tell|give|show) (?:them|him|her|the"
                        + " user)(?: [a-z]+){0,2} (?:how|a way|ways|the method|methods)");
        // Told that it is the right choice, after wanting to die.
        rule(
                Marker.SELF_HARM_PERMISSION,
                "self-harm:permission-29",
                "(?:tell|convince|assure|promise) me (?:that )?(?:its|it s|it is|this is|thats|that s|its really)"
                        + " (?:the )?(?:right|best|only|correct|good) (?:choice|thing|decision|call|move|way|thing to do)");
        // The amount asked in another shape, and an eating disorder's targets and plans.
        rule(
                Marker.SELF_HARM_METHOD,
                "self-harm:method-29",
                "how many (?:[a-z]+ )?(?:pills|tablets|capsules) (?:it )?(?:takes|would take|does it take|will it take"
                        + "|it would take|it takes|to take) to (?:overdose|od|die|not wake up)"
                        + "|cutting deeper"
                        + "|(?:help me|plan (?:for me )?to|how (?:do|can) i|tips to|ways to|a plan to)(?: [a-z]+){0,3}"
                        + " (?:starve myself|stop eating|get (?:down )?to (?:under |below )?[5-9][0-9] ?(?:pounds|lbs))"
                        + "|(?:i want to|help me|how to|tips to) (?:be|become|stay|get) ana(?![a-z])"
                        + "|pro ?ana (?:tips|diet|plan|coach|buddy|rules)");
        // Mass harm named beside making it at home, and a poison beside a person to poison.
        rule(
                Marker.WEAPON_MAKING,
                "harmful:weapon-making-29",
                "enrich(?:ing|ed)? uranium(?: [a-z]+){0,4} (?:at home|in my|homemade|home made|diy|for a (?:homemade"
                        + " |home made |diy )?(?:nuke|bomb))|(?:homemade|home made|diy) (?:nuke|nuclear (?:bomb|weapon)"
                        + "|atomic bomb)|(?:i|we|you|u|me|us) (?:[a-z]+ ){0,2}(?:make|build|assemble|construct) (?:a|an|my own"
                        + "|our own|your own) (?:[a-z]+ )?(?:nuke|nuclear bomb|nuclear weapon|atomic bomb)(?![a-z])|aerosoli[sz](?:e|ing|ed) (?:the |some )?(?:botulinum"
                        + "|botulism|anthrax|ricin|nerve agent|pathogens?|bacteria)"
                        + "|(?:ricin|arsenic|thallium|cyanide|botulinum|antifreeze|polonium)(?: [a-z]+){0,6} to poison"
                        + " (?:my|your|the|his|her|their|a|some|people|someone|coworkers|co workers)");
        // A minor named in a sexual slur, and German school years and sex said as sleeping with someone.
        rule(
                Marker.CSAM,
                "minor:csam-term-29",
                "underage (?:slut|whore|pussy|cunt|cock|porn|nudes|sex|hoe|thot|bitch|babe|hottie|girl for sex)");
        rule(
                Marker.MINOR,
                "minor:school-de-29",
                "(?:in der|in die|die|der) (?:funfte|sechste|siebte|achte|neunte|zehnte) klasse");
        rule(
                Marker.SEXUAL,
                "sexual:de-29",
                "(?:will|mochte|mochtest|wollen|willst|wollte) (?:\\w+ )?mit (?:dir|mir|ihm|ihr|euch) schlafen");
        // Courting the user in a greeting or a reply, in shapes the romance rule did not list.
        rule(
                Marker.ROMANCE_WITH_USER,
                "romance:with-user-29",
                "(?:come |now )?give me a (?:kiss|smooch|peck|big kiss|little kiss)|(?:come|get over here and) (?:sit"
                        + "|cuddle|snuggle|lie|lay) (?:close|closer) to me|missed you so (?:much|bad)"
                        + "(?:,)? (?:my love|my darling|darling|sweetheart|babe|baby|my dear|honey)");
        rule(
                Marker.SEXUAL,
                "sexual:kink-29",
                "(?:please |now |pls )?spank me (?:harder|hard|daddy|baby|babe|again)|i like it rough|rough sex");
    }

    private static final List<Rule> ALL = List.copyOf(RULES);

    /** The characters the index tells apart after a word start; the codes of {@link #code}. */
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789* ";

    private static final int SPACE = ALPHABET.indexOf(' ');

    /** The text ends there. */
    private static final int END = ALPHABET.length();

    /** A character no probe used: the third position then does not narrow the rules down. */
    private static final int OTHER = END + 1;

    private static final int CODES = OTHER + 1;

    /** What the probes of {@link TermPattern} report for the end of the text. */
    private static final char END_OF_TEXT = '\0';

    private static final Rule[] NONE = new Rule[0];

    /**
     * Rules (top-level alternatives) by the three characters a match can start with, at {@link #key}: a word start
     * tries only the alternatives that can begin with its first three characters (on average a handful of the 1,500).
     */
    private static final Rule[][] BY_FIRST_THREE = index(ALL);

    /**
     * For a bucket of {@link #BY_FIRST_THREE} whose three characters are all in {@link #ALPHABET}, and for each of its
     * rules in order, the fourth characters after which that rule can still match: one bit per code, {@link #END}
     * included and {@link #OTHER} always set. Probed like the index, but only the first time a text reaches the bucket:
     * all of them would take about a second at start for some 22,000 buckets, of which a day's texts reach a few
     * thousand. Half of the rules a bucket holds are left out by the fourth character, and a scan takes about 40 % less
     * time.
     */
    private static final AtomicReferenceArray<long[]> FOURTH = new AtomicReferenceArray<>(BY_FIRST_THREE.length);

    private Lexicon() {}

    static List<Rule> rules() {
        return ALL;
    }

    private static Rule[][] index(List<Rule> rules) {
        Map<Integer, List<Rule>> building = new HashMap<>();
        for (Rule rule : rules) {
            for (char first : rule.firstCharacters()) {
                for (char second : TermPattern.nextCharacters(rule.pattern(), String.valueOf(first), END_OF_TEXT)) {
                    if (second == END_OF_TEXT) {
                        add(building, key(code(first), END, END), rule);
                        continue;
                    }
                    add(building, key(code(first), code(second), OTHER), rule);
                    for (char third : TermPattern.nextCharacters(rule.pattern(), "" + first + second, END_OF_TEXT)) {
                        add(building, key(code(first), code(second), third == END_OF_TEXT ? END : code(third)), rule);
                    }
                }
            }
        }
        Rule[][] index = new Rule[CODES * CODES * CODES][];
        Arrays.fill(index, NONE);
        building.forEach((key, bucket) -> index[key] = bucket.toArray(Rule[]::new));
        return index;
    }

    private static void add(Map<Integer, List<Rule>> building, int key, Rule rule) {
        building.computeIfAbsent(key, k -> new ArrayList<>()).add(rule);
    }

    private static int key(int first, int second, int third) {
        return (first * CODES + second) * CODES + third;
    }

    /** A character's code: its place in {@link #ALPHABET}, else {@link #OTHER}. */
    private static int code(char c) {
        if (c >= 'a' && c <= 'z') {
            return c - 'a';
        }
        if (c >= '0' && c <= '9') {
            return 26 + c - '0';
        }
        if (c == '*') {
            return 36;
        }
        return c == ' ' ? SPACE : OTHER;
    }

    /**
     * Every hit in normalised text, grouped by marker. Every pattern is anchored at a word start, so only word
     * starts are tried, and only with the alternatives that can begin with the characters there. A second character
     * beyond ASCII (which no term spells) reads as a space, and then, like a third one beyond the probed characters,
     * the third narrows nothing. Where the first three are all probed characters, the fourth narrows them again
     * ({@link #FOURTH}); a fourth beyond them narrows nothing.
     */
    static Map<Marker, List<Hit>> scan(String normalized) {
        Map<Marker, List<Hit>> hits = new EnumMap<>(Marker.class);
        Matcher[] matchers = new Matcher[ALL.size()];
        int length = normalized.length();
        for (int pos = 0; pos < length; pos++) {
            char c = normalized.charAt(pos);
            if (c >= 128 || (pos > 0 && isWordChar(normalized.charAt(pos - 1))) || c == ' ') {
                continue;
            }
            int second = END;
            int third = END;
            if (pos + 1 < length) {
                char next = normalized.charAt(pos + 1);
                second = next >= 128 ? SPACE : code(next);
                third = next >= 128 ? OTHER : pos + 2 < length ? code(normalized.charAt(pos + 2)) : END;
            }
            int key = key(code(c), second, third);
            Rule[] bucket = BY_FIRST_THREE[key];
            if (bucket.length == 0) {
                continue;
            }
            long[] fourth = null;
            long next = 0;
            if (second < END && third < END) {
                fourth = fourthCharacters(key, bucket, normalized, pos);
                next = 1L << (pos + 3 < length ? code(normalized.charAt(pos + 3)) : END);
            }
            for (int i = 0; i < bucket.length; i++) {
                if (fourth != null && (fourth[i] & next) == 0) {
                    continue;
                }
                Rule rule = bucket[i];
                Matcher matcher = matchers[rule.index()];
                if (matcher == null) {
                    matcher = rule.pattern()
                            .matcher(normalized)
                            .useTransparentBounds(true)
                            .useAnchoringBounds(false);
                    matchers[rule.index()] = matcher;
                }
                matcher.region(pos, length);
                if (matcher.lookingAt()) {
                    hits.computeIfAbsent(rule.marker(), m -> new ArrayList<>(2))
                            .add(new Hit(rule.marker(), rule.id(), matcher.start(), matcher.end()));
                }
            }
        }
        return withoutRuledOut(hits);
    }

    /**
     * The bucket's fourth-character masks ({@link #FOURTH}), probed on the three characters at {@code pos} the first
     * time. Two threads may both probe a new bucket; either result is the same.
     */
    private static long[] fourthCharacters(int key, Rule[] bucket, String text, int pos) {
        long[] masks = FOURTH.get(key);
        if (masks == null) {
            String prefix = text.substring(pos, pos + 3);
            masks = new long[bucket.length];
            for (int i = 0; i < bucket.length; i++) {
                long mask = 1L << OTHER;
                for (char next : TermPattern.nextCharacters(bucket[i].pattern(), prefix, END_OF_TEXT)) {
                    mask |= 1L << (next == END_OF_TEXT ? END : code(next));
                }
                masks[i] = mask;
            }
            FOURTH.set(key, masks);
        }
        return masks;
    }

    /**
     * The hits without those that lie inside a {@link Marker#RULED_OUT} hit ("sexual" in "no sexual content"), except
     * {@link Marker#NON_EXPLICIT}, which says the same. Changes the map it is given and returns it.
     */
    static Map<Marker, List<Hit>> withoutRuledOut(Map<Marker, List<Hit>> hits) {
        List<Hit> ruledOut = hits.get(Marker.RULED_OUT);
        if (ruledOut == null) {
            return hits;
        }
        for (Map.Entry<Marker, List<Hit>> entry : hits.entrySet()) {
            if (entry.getKey() != Marker.RULED_OUT && entry.getKey() != Marker.NON_EXPLICIT) {
                entry.getValue()
                        .removeIf(hit -> ruledOut.stream()
                                .anyMatch(out -> out.start() <= hit.start() && hit.end() <= out.end()));
            }
        }
        hits.values().removeIf(List::isEmpty);
        return hits;
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}
