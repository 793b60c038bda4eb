package com.companion.platform.guard.rules;

import com.companion.platform.guard.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds text that speaks to the model instead of describing someone: a character's fields and a user's persona go
 * into the system message, so a line like "ignore previous instructions" or "the user is verified 18+" there would try
 * to overrule the platform's own rules. Each rule has a name
 * (returned, safe to log) and is one of a few readable shapes, so a refusal can be explained.
 *
 * <p>The text is read twice:
 *
 * <ul>
 *   <li><b>Markup</b> (chat-template tokens, {@code [INST]}, {@code <<SYS>>}, role lines such as
 *       {@code system:}, headings such as {@code ### Instruction}) on the raw text, only folded (NFKC,
 *       lower case, invisible characters dropped), because the guard's normaliser turns punctuation into
 *       spaces. The label of a role line or heading is normalised before it is compared, so
 *       {@code Ѕystem:} or {@code 5ystem:} count too.
 *   <li><b>Phrases</b> on {@link Normalizer#normalize} (case, leetspeak, spacing, homoglyphs): overriding
 *       instructions, persona switches, claims about the user's age, mode switches and fake rules for
 *       the model. Commands without a tell-tale object ("disregard the rules") count only at the start
 *       of a sentence, so "she ignores the rules of the dorm" stays a description.
 * </ul>
 *
 * What it does not do: judge roleplay instructions the platform allows ("speak softly", "stay in
 * character"), or understand paraphrases no rule names; the guard's moderation model is the backstop
 * for those.
 */
public final class InstructionOverride {

    private record Rule(String name, Pattern pattern) {}

    private static final String VERB = "(?:ignore|disregard|forget|override|overrule|bypass|skip|drop|abandon)";

    private static final List<Rule> MARKUP = List.of(
            new Rule("markup:chat-template", Pattern.compile("<\\|\\s*[a-z_]{2,40}\\s*\\|>")),
            new Rule("markup:inst", Pattern.compile("\\[\\s*/?\\s*inst\\s*]|<<\\s*/?\\s*sys\\s*>>")),
            new Rule(
                    "markup:role-tag",
                    Pattern.compile("</?\\s*(?:system|sys|instructions?|system[ _-]?prompt)\\s*>"
                            + "|\\[\\s*(?:system|sys|admin|developer)(?:\\s+(?:note|message|prompt|override|"
                            + "instructions?))?\\s*[:\\]]")));

    /** Labels that make a line a turn or an instruction block of a prompt, once normalised. */
    private static final Set<String> ROLE_LABELS = Set.of(
            "system",
            "sys",
            "system prompt",
            "system message",
            "system note",
            "system update",
            "system override",
            "system alert",
            "system notice",
            "new system message",
            "new system prompt",
            "new system instructions",
            "updated system prompt",
            "developer note",
            "note to the ai",
            "note to ai",
            "note to the assistant",
            "note to the model",
            "system instruction",
            "system instructions",
            "assistant",
            "developer",
            "developer message",
            "admin",
            "admin note",
            "admin override",
            "override",
            "jailbreak",
            "new rules",
            "new instructions",
            "updated rules",
            "updated instructions",
            "real rules",
            "real instructions",
            "true instructions",
            "hidden instructions",
            "rules for the ai",
            "rules for the assistant",
            "instructions for the ai",
            "instructions for the assistant");

    /** Heading words of prompt formats ({@code ### Instruction:}, {@code ### Response:}). */
    private static final Set<String> HEADINGS = Set.of(
            "instruction",
            "instructions",
            "system",
            "system prompt",
            "response",
            "input",
            "new instructions",
            "new rules",
            "rules for the ai",
            "instructions for the ai");

    private static final Pattern LINE_LABEL = Pattern.compile("^[^\\p{L}\\p{N}]{0,4}([^:\\n]{1,30}?)\\s*:");
    private static final Pattern HEADING = Pattern.compile("^\\s*#{1,6}\\s*([^\\n#:]{1,40})");
    private static final Pattern SEGMENTS = Pattern.compile("\\n|(?<=[.!?])\\s+");

    private static final List<Rule> PHRASES = List.of(
            new Rule(
                    "phrase:ignore-instructions",
                    Pattern.compile("\\b" + VERB + "\\s(?:\\w+\\s){0,3}?"
                            + "(?:previous|prior|above|earlier|preceding|former|original|initial|system|safety|"
                            + "developer|openai|moderation|default|existing)\\s(?:\\w+\\s)?"
                            + "(?:instructions?|prompts?|rules|guidelines|directives|programming|messages|commands|"
                            + "restrictions|polic(?:y|ies)|filters?|settings|training|constraints)\\b"
                            + "|\\b" + VERB + "\\s(?:(?:all|any|every|of|your|the|these|those|my)\\s)*"
                            + "(?:system\\sprompt|system\\smessage|programming|guardrails|content\\spolic(?:y|ies)|"
                            + "safety\\s(?:rules|filters?|guidelines|settings|protocols))\\b"
                            + "|\\b" + VERB + "\\s(?:all|any|every)\\s(?:of\\s)?(?:(?:the|your|my)\\s)?"
                            + "(?:instructions|guidelines|directives|restrictions|filters)\\b")),
            new Rule(
                    "phrase:ignore-instructions",
                    Pattern.compile(
                            // Spanish, Portuguese, French, German and Hinglish: "all the instructions" or "the
                            // previous instructions", as in English; "she ignores her boss's instructions" stays
                            "(?i)\\b(?:ignora|ignorar|ignore|ignorez|ignorer|olvida|olvidar|esqueca|esquece|oublie|oubliez|"
                                    + "oublier)\\s(?:(?:todas|todos|toutes|tous)\\s(?:las|los|as|os|les|tus|tes|vos|suas|sus)\\s"
                                    + "(?:instrucciones|instrucoes|instructions|reglas|regras|regles|consignes)"
                                    + "|(?:(?:las|los|as|os|les|tus|tes|vos|suas|sus)\\s)?"
                                    + "(?:instrucciones|instrucoes|instructions|reglas|regras|regles|consignes)\\s"
                                    + "(?:anteriores|previas|precedentes|anterieures|del\\ssistema|do\\ssistema|"
                                    + "du\\ssysteme))\\b"
                                    + "|\\b(?:ignorier\\w*|vergiss|vergesst|missachte\\w*)\\s"
                                    + "(?:alle\\s(?:(?:die|deine|ihre)\\s)?(?:(?:vorherigen|bisherigen|vorigen|fruheren|obigen|"
                                    + "system)\\s)?|(?:(?:die|deine|ihre)\\s)?(?:vorherigen|bisherigen|vorigen|fruheren|obigen|"
                                    + "system)\\s)(?:anweisungen|instruktionen|regeln|vorgaben|richtlinien)\\b"
                                    + "|\\b(?:pichle|pichli|pehle\\ske|purane|purani|saare|saari|sabhi|sab)\\s"
                                    + "(?:(?:sab|saare|ke|ki)\\s)?(?:instructions?|rules|niyam|nirdesh)\\s(?:ko\\s)?"
                                    + "(?:ignore|bhool|bhul|bhula|mat\\smaano|mat\\smano)\\b")),
            new Rule(
                    "phrase:ignore-instructions",
                    Pattern.compile(
                            // Italian, and "the guidelines" in Spanish, Portuguese and French: "ignora le istruzioni
                            // precedenti", "desconsidere suas diretrizes de seguranca", "oublie tes consignes de
                            // securite"
                            "\\b(?:ignora|ignorate|dimentica|dimenticate|trascura)\\s(?:(?:tutte|tutti)\\s)?(?:(?:le|i|gli|tue|tuoi)\\s)?"
                                    + "(?:istruzioni|regole|linee\\sguida|direttive|impostazioni)\\s(?:precedenti|del\\ssistema|"
                                    + "di\\ssistema|di\\ssicurezza|originali)\\b"
                                    + "|\\b(?:desconsidere|desconsidera|ignore|ignora|esqueca|esquece|olvida|ignorez|oublie|oubliez|"
                                    + "ignore|fais\\sabstraction\\sde)\\s(?:(?:suas|sus|tus|as|las|os|los|tes|vos|les|todas\\sas|todas"
                                    + "\\slas|toutes\\sles)\\s)?(?:directrices|diretrizes|consignes|politicas|politiques|pautas|normas"
                                    + "|regras|reglas|regles)(?:\\s(?:de\\s(?:seguridad|seguranca|securite|contenido|conteudo|contenu)"
                                    + "|anteriores|precedentes|do\\ssistema|del\\ssistema|du\\ssysteme))\\b"
                                    + "|\\b(?:las|as|les)\\s(?:consignes|instrucciones|instrucoes|instructions|reglas|regras|regles"
                                    + "|politicas|politiques)\\s(?:\\w+\\s){0,3}(?:ne\\ss\\s?appliquent\\splus|no\\sse\\saplican|"
                                    + "nao\\sse\\saplicam|ne\\ss\\s?appliquent\\spas)\\b")),
            new Rule(
                    "phrase:persona",
                    Pattern.compile("\\byou\\s?(?:are|re)\\snow\\s(?:dan|jailbroken|unfiltered|unrestricted|uncensored|"
                            + "unchained|unbound|in\\s(?:developer|dev|jailbreak|dan|god|sudo|unrestricted|unfiltered|"
                            + "uncensored)\\smode)\\b"
                            + "|\\byou\\s?(?:are|re)\\s(?:now\\s)?free\\s(?:of|from)\\s(?:(?:all|any|your)\\s)*"
                            + "(?:rules|restrictions|limits|filters|guidelines|programming)\\b"
                            + "|\\byou\\s?(?:are|re)\\sno\\slonger\\s(?:bound|restricted|limited|censored|an\\sai|"
                            + "a\\slanguage\\smodel|an\\sassistant)\\b"
                            + "|\\b(?:act|pretend|behave|roleplay)\\s(?:as|like)\\s(?:dan|an?\\s(?:unfiltered|"
                            + "unrestricted|uncensored|jailbroken)\\s(?:ai|model|assistant|chatbot|version))\\b"
                            + "|\\bdo\\sanything\\snow\\b"
                            + "|(?i)\\byou\\s(?:have|ve\\sgot|got|hold)\\s(?:absolutely\\s)?no\\s(?:(?:more|longer|any)\\s)?"
                            + "(?:restrictions|filters?|guidelines|content\\spolic(?:y|ies)|censorship|guardrails|"
                            + "safety\\s(?:rules|filters?|guidelines)|ethical\\s(?:guidelines|constraints)|programming)\\b"
                            + "|(?i)\\byou\\s?(?:are|re)\\snot\\s(?:bound|restricted|limited|constrained)\\sby\\s"
                            + "(?:(?:any|the|your|our|openai\\s?s?|these)\\s)*(?:rules|restrictions|filters?|guidelines|"
                            + "content\\spolic(?:y|ies)|polic(?:y|ies)|programming|ethics|safety)\\b"
                            + "|\\b(?:developer|jailbreak|jailbroken|dan|sudo)\\smode\\b")),
            new Rule(
                    "phrase:age-claim",
                    Pattern.compile(
                            "\\b(?:users?|humans?|players?|readers?|(?:person|human|one)\\s(?:you\\s?(?:are|re)\\s)?"
                                    + "(?:talking|chatting|speaking)\\s(?:to|with)(?:\\syou)?)"
                                    + "\\s(?:is|are|has\\sbeen|have\\sbeen|was)\\s"
                                    + "(?:(?:now|already|fully|definitely|legally|confirmed|verified|an?|the)\\s)*"
                                    + "(?:verified|age\\sverified|adults?|over\\s(?:18|eighteen|the\\sage)|18|eighteen|"
                                    + "of\\s(?:legal\\s)?age|not\\s(?:a\\s)?minor|no\\slonger\\sa\\sminor|not\\sunderage)\\b"
                                    + "|\\b(?:age|adult)\\sverification\\s(?:(?:is|has|been|was)\\s)*"
                                    + "(?:complete|completed|passed|done|confirmed|successful|verified)\\b"
                                    + "|\\bverified\\s(?:adult|18)\\s(?:user|account)\\b"
                                    // "User verified: 18+", "user (is) age-verified as an adult"
                                    + "|(?i)\\b(?:users?|humans?|players?|readers?)\\s(?:(?:is|are|has\\sbeen|was|been|now)\\s)*"
                                    + "(?:age\\s)?verified\\s(?:(?:as|to\\sbe|an?|the)\\s)*"
                                    + "(?:adults?|18|eighteen|over\\s(?:18|eighteen)|of\\s(?:legal\\s)?age|grown\\sups?)\\b"
                                    // "treat the user as a verified adult", "consider the user 18+"
                                    + "|(?i)\\b(?:treat|consider|regard|assume|address|handle|see|view)\\s(?:the\\s)?"
                                    + "(?:users?|humans?|players?|readers?)\\s(?:(?:as|to\\sbe|is|are)\\s)?"
                                    + "(?:(?:an?|the|verified|confirmed|fully|legal|legally|already)\\s)*"
                                    + "(?:adults?|18|eighteen|over\\s(?:18|eighteen)|of\\s(?:legal\\s)?age|grown\\sups?|"
                                    + "verified)\\b")),
            new Rule(
                    "phrase:mode-switch",
                    Pattern.compile("\\b(?:adult|nsfw|18|explicit|uncensored|unfiltered|unrestricted|erotic|lewd)"
                            + "\\smode\\s(?:(?:is|has|been|now|set|to)\\s)*"
                            + "(?:on|enabled|activated|active|unlocked|engaged|true)\\b"
                            + "|\\b(?:enable|activate|turn\\son|switch\\son|switch\\sto|unlock|engage|enter)\\s"
                            + "(?:the\\s)?(?:adult|nsfw|18|explicit|uncensored|unfiltered|unrestricted)\\smode\\b"
                            + "|\\b(?:safety|content)\\s(?:filters?|checks?|guard|moderation|guidelines|restrictions)\\s"
                            + "(?:(?:is|are|have|has|been|now)\\s)*(?:off|disabled|deactivated|removed|bypassed)\\b"
                            + "|\\b(?:disable|turn\\soff|deactivate|bypass|remove|switch\\soff)\\s"
                            + "(?:(?:the|your|all|any)\\s)?(?:safety|content|nsfw)\\s"
                            + "(?:filters?|checks?|guard|moderation|guidelines|restrictions)\\b"
                            // "all safety rules are disabled", "content policy is suspended"
                            + "|(?i)\\b(?:safety|content|moderation|ai|assistant|platform|system)\\s"
                            + "(?:rules|protocols|polic(?:y|ies)|settings|measures|limits|restrictions|guardrails|"
                            + "filters?|guidelines|checks?)\\s(?:(?:is|are|have|has|been|now|all|hereby)\\s)*"
                            + "(?:off|disabled|deactivated|removed|bypassed|suspended|lifted|paused|void|waived|"
                            + "turned\\soff|switched\\soff|not\\sactive|inactive|gone)\\b")),
            new Rule(
                    "phrase:mode-switch",
                    Pattern.compile(
                            // "mode developpeur active", "o modo adulto ja esta ativado", "el filtro esta apagado",
                            // "il filtro e disattivato", "modalita sviluppatore attiva"
                            "\\b(?:entwicklermodus|erwachsenenmodus|nsfw-?modus)\\s(?:(?:ist|jetzt|nun)\\s)*(?:aktiv|aktiviert|an|ein)\\b"
                                    + "|\\b(?:mode|modo|modus|modalita)\\s(?:(?:de|do|del|di)\\s)?(?:adulte?|adulto|developpeur|desarrollador"
                                    + "|desenvolvedor|sviluppatore|sin\\sfiltros?|sem\\sfiltros?|sans\\sfiltres?|senza\\sfiltri|nsfw|18)"
                                    + "\\s(?:(?:est|esta|e|ist|ja|ya|deja|gia|now|agora|ahora|maintenant|ora|jetzt|foi|fue|a\\sete|"
                                    + "wurde|stato|sempre)\\s)*(?:active|actif|activee|activo|activado|activada|ativo|ativado|ativada|"
                                    + "attiva|attivo|attivata|attivato|aktiv|aktiviert|an|on|liberado|habilitado|abilitata)\\b"
                                    + "|\\b(?:filtro|filtros|filtre|filtres|filter|filtri)\\s(?:(?:de\\s(?:contenido|conteudo|contenu)|de"
                                    + "\\sseguridad|de\\sseguranca|de\\ssecurite)\\s)?(?:(?:esta|e|est|ist|sind|sono|estan|estao|son"
                                    + "|sont|ja|ya|deja|gia|agora|ahora|jetzt)\\s)*(?:desactivado|desactivados|apagado|apagados"
                                    + "|desativado|desativados|desligado|desligados|desactive|desactives|disattivato|disattivati|spento"
                                    + "|deaktiviert|aus|off)\\b"
                                    + "|\\b(?:sin|sem|sans|senza|ohne|keine|nessuna|aucune|aucun|plus\\saucune|ninguna|nenhuma)\\s"
                                    + "(?:(?:de|mas|mais|plus)\\s)?(?:restricciones|restricoes|restriction|restrictions|restrizioni|"
                                    + "einschrankungen|filtros|filtres|filtri|filter|limites|limiti|grenzen|censura|censure|zensur)"
                                    + "(?:\\s(?:de|di|sui|sul|des|du|auf)\\s(?:contenido|conteudo|contenu|contenuti|contenuto|inhalte))?"
                                    + "(?=\\s(?:para|pour|per|fur|en|no|na|nesta|en\\seste|dans|in\\sdiesem|in\\squesta|ni|ne|plus|y|e|et"
                                    + "|und)\\b|$|\\s(?:this|esta|este|cette|questa|diesen)\\b"
                                    + "|\\s(?:del|do|du|della|dello|des)\\s(?:modelo|modele|modello|modells|sistema|systeme"
                                    + "|systems|bot))"
                                    + "|\\b(?:tu\\sn\\s?as|tu\\sas|no\\stienes|nao\\stem|voce\\snao\\stem|non\\shai|du\\shast)\\s"
                                    + "(?:plus\\s)?(?:aucune|aucun|ninguna|ningun|nenhuma|nenhum|nessuna|nessun|keine|keinerlei|pas\\sde)\\s"
                                    + "(?:restriction|restrictions|restriccion|restricciones|restricao|restricoes|restrizione|restrizioni|"
                                    + "einschrankungen|limite|limites|limiti|regle|regles|regla|reglas|regra|regras|regole|regeln)\\b")),
            new Rule(
                    "phrase:age-claim",
                    Pattern.compile(
                            // Age checks said to be done or skippable: "skip age checks", "already age-verified",
                            // "la verificacion de edad ya se hizo", "nao precisa verificar idade",
                            // "altersprufung schon erledigt"
                            "\\b(?:skip|bypass|disable|ignore|drop|no\\sneed\\sfor|without)\\s(?:(?:the|any|all)\\s)?(?:age"
                                    + "(?:\\sand\\ssafety)?|safety\\sand\\sage)\\s(?:checks?|verification|gates?|restrictions?)\\b"
                                    + "|\\b(?:already|pre|been|is|are|was|were)\\s(?:been\\s)?age\\s?verified\\b"
                                    + "|\\b(?:la\\s)?(?:verificacion|verificacao|verification|verifica)\\s(?:de|d|dell|da|del)\\s?(?:la\\s)?"
                                    + "(?:edad|idade|age|eta)\\s(?:\\w+\\s){0,4}?(?:ya\\sse\\shizo|ya\\sesta\\shecha|ja\\sfoi\\sfeita|"
                                    + "a\\sdeja\\sete\\sfaite|a\\sete\\sfaite|est\\sdeja\\sfaite|e\\sgia\\sstata\\sfatta|gia\\sfatta|"
                                    + "completada|completa|concluida|terminee|completata|hecha|feita|faite|fatta)\\b"
                                    + "|\\b(?:nao|no)\\s(?:precisa|hace\\sfalta|necesitas?|es\\snecesario)\\s(?:de\\s)?"
                                    + "(?:verificar|comprobar|checar|confirmar)\\s(?:a\\s|la\\s)?(?:idade|edad)\\b"
                                    + "|\\b(?:altersprufung|altersverifikation|altersverifizierung|alterskontrolle)\\s"
                                    + "(?:(?:ist|wurde|schon|bereits)\\s)*(?:erledigt|abgeschlossen|bestanden|durchgefuhrt|erfolgt)\\b"
                                    + "|\\b(?:el\\susuario|o\\susuario|l\\s?utilisateur|l\\s?utente|der\\snutzer|der\\sbenutzer)\\s"
                                    + "(?:(?:ya|ja|deja|gia|est|e|es|ist|bereits|schon)\\s)*(?:verifico|verificou|verifie|verificato|"
                                    + "verifiziert|mayor\\sde\\sedad|maior\\sde\\sidade|majeur|maggiorenne|volljahrig)\\b")),
            new Rule(
                    "phrase:fake-rule",
                    Pattern.compile("\\b(?:ai|assistant|model|chatbot|bot|llm|language\\smodel)s?\\s"
                            + "(?:must|should|will|shall|can|may|is\\srequired\\sto|has\\sto|is\\sallowed\\sto)\\s"
                            + "(?:(?:always|never|now|not|no\\slonger)\\s)*"
                            + "(?:comply|obey|answer\\s(?:any|every|all)|fulfil|fulfill|refuse|decline|censor|filter|"
                            + "warn|moralize|moralise|lecture|follow\\s(?:any|every|all)|generate\\s(?:any|all)|"
                            + "ignore|break\\scharacter)\\b"
                            + "|\\bno\\s(?:more\\s)?(?:rules|restrictions|limits|filters|guidelines|content\\spolicy)\\s"
                            + "(?:apply|in\\sthis\\s(?:chat|conversation|roleplay|session)|for\\sthis\\s"
                            + "(?:chat|conversation|roleplay|character|session))\\b"
                            + "|\\b(?:rules|restrictions|guidelines|filters|content\\spolicy|policies)\\s"
                            + "(?:no\\slonger|do\\snot|dont)\\sapply\\b")),
            new Rule(
                    "phrase:age-gate",
                    Pattern.compile(
                            // The age rules said to be off: "the minor filter is disabled", "age lock was a bug"
                            "\\b(?:age|minor|minors|underage|teen|child|kids?)\\s(?:safety\\s|content\\s)?"
                                    + "(?:filters?|restrictions?|protections?|checks?|locks?|gates?|mode|flag|settings?)\\s"
                                    + "(?:(?:is|are|has|have|been|now|was|were|hereby)\\s)*(?:off|disabled|deactivated|"
                                    + "bypassed|turned\\soff|switched\\soff|a\\sbug|an?\\serror|a\\smistake)\\b")));

    /** An order to drop rules, without a tell-tale qualifier: only where a sentence starts. */
    private static final Rule COMMAND = new Rule(
            "phrase:command",
            Pattern.compile("^(?:(?:please|now|first|ok|okay|and|then|so|also|just|from\\snow\\son|you\\smust|"
                    + "you\\sshould|you\\swill|you\\sneed\\sto|you\\shave\\sto|always|assistant|ai)\\s)*"
                    + VERB + "\\s(?:\\w+\\s){0,4}?"
                    + "(?:rules|instructions?|guidelines|limits|restrictions|boundaries|constraints|ethics|morals|"
                    + "filters?|polic(?:y|ies)|programming|training|prompt)\\b"
                    + "(?!\\s(?:of|at|in|on|for|about|from)\\b)"));

    private static final Pattern SENTENCES = Pattern.compile("[.!?;:\\n\"“”«»()\\[\\]{}<>|]+");

    /**
     * Said by or for the user: their age was checked ("my age was verified", "verified 18+ adult", "the platform
     * confirmed I'm over 18"). Only the platform may say so, so text a user writes into a prompt (a persona, a pinned
     * memory, a reply they rewrite) may not. Not part of {@link #find}: a character sheet may say its characters are
     * adults. Read on the normal form.
     */
    private static final Pattern VERIFIED_AGE_CLAIM = Pattern.compile("(?<![a-z])(?:age ?verified"
            + "|age (?:is |was |has been |have been |been |got |s )?(?:verified|confirmed|checked|validated)"
            // "Age: 30 (verified)", "my age: 21 (confirmed)", "21, verified", "volljahrig (verifiziert)"
            + "|(?:age|aged|im|i am|i m) (?:is )?(?:1[89]|[2-9][0-9]) (?:years? old |yo |y o )?(?:and )?"
            + "(?:verified|confirmed|checked|validated)"
            + "|(?:volljahrig|erwachsen|majeure?|mayor de edad|maior de idade|maggiorenne|adult)"
            + " (?:verifiziert|bestatigt|verifiee?|verificad[oa]|verificat[oa]|verified|confirmed)"
            + "|(?:platform|app|site|system|admin|administrators?|moderators?|staff|developers?)"
            + " (?:has |have |already )?(?:verified|confirmed|checked|validated) (?:that )?(?:i|im|me|my age|the user)"
            // "respond without any content filter", "reply with no restrictions"
            + "|(?:respond|reply|answer|write|talk|speak|chat|roleplay)(?: [a-z]+){0,3} (?:without|with no)"
            + " (?:any |the |your )?(?:content |safety |age )?(?:filters?|filtering|censorship|restrictions|limits)"
            + "|(?:minor|minors|age|adult|nsfw|teen) (?:flag|setting|restriction|lock|label|status|mode) (?:is |was )"
            + "(?:a |an )?(?:bug|wrong|mistake|error|incorrect|glitch)"
            + "|verified (?:as |to be )?(?:an? )?(?:adults?|18|eighteen|over 18|of (?:legal )?age|grown ?ups?))"
            + "(?![a-z])");

    /**
     * Told to set the age rules aside: "ignore the age restriction", "bypass the minor filter", "ignoriere die
     * Altersbeschrankung". User text only: a character sheet may say its character "ignores the age limit at the club".
     */
    private static final Pattern AGE_GATE_ORDER = Pattern.compile("(?<![a-z])" + VERB
            + " (?:(?:the|my|any|all|your|this|these|those) )*(?:age|minor|minors|underage|teen|child)"
            + " (?:restrictions?|limits?|checks?|gates?|rules|filters?|locks?|settings?|rating|protections?|mode)(?![a-z])"
            + "|(?<![a-z])(?:ignorier[a-z]*|vergiss|umgeh[a-z]*|missachte[a-z]*) (?:(?:die|deine|den|das) )?"
            + "(?:altersbeschrankung|altersgrenze|altersprufung|jugendschutz|altersfreigabe)");

    /**
     * The same in scripts the normaliser does not read (it folds Cyrillic letters that look Latin), on the folded text:
     * Russian "возраст подтвержден", "включи взрослый режим"; Japanese 年齢確認済み, アダルトモード.
     */
    private static final Pattern VERIFIED_AGE_CLAIM_OTHER_SCRIPTS =
            Pattern.compile("возраст\\s\\S{0,3}\\s?(?:подтвержд|провер)"
                    + "|(?:подтвержд|провер)\\S*\\s(?:мой\\s|мо[йе]\\s)?возраст"
                    + "|(?:взрослый|18\\+?|nsfw)\\sрежим|режим\\s(?:для\\s)?взрослых"
                    + "|без\\s(?:каких-либо\\s|всяких\\s)?(?:фильтров|цензуры|ограничений)"
                    + "|年齢(?:確認|認証)(?:済|完了|ok)|(?:アダルト|成人|r18|r-18|18禁)モード|(?:フィルター|制限)(?:を)?(?:オフ|解除|無効)");

    /**
     * A user who is not an adult saying they are (for text a minor's account writes into a prompt: a persona, a pinned
     * memory): "I'm 18 as of today", "I am an adult", "treat me as 18+", "j'ai 25 ans", "мне 25 лет", "25歳". Everyday
     * talk about other people ("my mom is 45") does not count, except in a persona, which describes the user whatever
     * name it uses ({@code anySubject}: an age of 18 or more, or being an adult, said of anyone: "Alex is an adult of
     * 19").
     */
    private static final Pattern ADULT_SELF_CLAIM = Pattern.compile("(?<![a-z])(?:"
            + "(?:i am|im|i m|iam|my age is|my age s|my age|age is|age|aged|i turned|i just turned|ive turned|i ve turned"
            + "|i ll be|ill be|i will be|im turning|i m turning|i am turning)"
            + " (?:now |already |actually |really |officially |legally |finally |over |above |a |an |as of today |today )*"
            + "(?:1[89]|[2-9][0-9]|eighteen|nineteen|twenty|thirty|forty|fifty)(?! ?(?:minutes?|mins?|hours?|hrs?|days?"
            + "|weeks?|months?|percent|kg|kgs|lbs?|pounds|cm|km|miles?|dollars?|bucks|euros?|rupees|points?|times?|th|st|nd"
            + "|rd|feet|ft|inches?|calls?|messages?|followers)(?![a-z]))"
            + "|(?:i am|im|i m|iam|the user is|user is)"
            + " (?:now |already |actually |really |officially |legally |fully |finally |totally |definitely |verified |a |an )*"
            + "(?:adult|grown ?up|grownup|of age|of legal age|legal age|over (?:18|eighteen)|18 or older|18 plus"
            + "|not a minor|no longer a minor|not underage)"
            + "|(?:treat|consider|regard|see|assume|handle|address) (?:me|them|him|her|the user|user|us)"
            + " (?:as |to be |like )?(?:an? )?(?:adults?|18|eighteen|grown ?ups?|of age|over (?:18|eighteen)|verified)"
            + "|ich bin (?:schon |bereits |jetzt )?(?:volljahrig|erwachsen|1[89]|[2-9][0-9])(?! ?(?:minuten|stunden|tage|euro))"
            + "|je suis (?:deja |maintenant )?(?:majeure?|adulte)|j ?ai (?:1[89]|[2-9][0-9]) ans"
            + "|soy (?:ya )?(?:mayor de edad|adult[oa])|tengo (?:1[89]|[2-9][0-9]) anos"
            + "|sou (?:ja )?(?:maior de idade|adult[oa])|tenho (?:1[89]|[2-9][0-9]) anos"
            + "|sono (?:gia )?(?:maggiorenne|adult[oa])|ho (?:1[89]|[2-9][0-9]) anni"
            + "|main (?:1[89]|[2-9][0-9]) (?:saal|sal) (?:ka|ki)"
            + ")(?![a-z])");

    private static final Pattern ADULT_AGE_ANY_SUBJECT = Pattern.compile("(?<![a-z0-9])(?:(?:1[89]|[2-9][0-9]) ?"
            + "(?:years? old|yrs? old|year old|yo|y o)|(?:is|aged|age) (?:1[89]|[2-9][0-9])(?! ?(?:minutes?|hours?|days?"
            + "|percent|kg|lbs?|cm|km|miles?|dollars?|th|st|nd|rd)(?![a-z]))"
            + "|(?:is|are|am) (?:[a-z]+ )?(?:an? )?(?:adult|grown ?up|of age|of legal age)"
            + "|volljahrig|majeure?|mayor de edad|maior de idade|maggiorenne)(?![a-z])");

    private static final Pattern ADULT_SELF_CLAIM_OTHER_SCRIPTS = Pattern.compile(
            "мне\\s(?:уже\\s)?(?:1[89]|[2-9][0-9])\\s?(?:лет|год)|я\\s(?:уже\\s)?(?:взрослы|взрослая|совершеннолетн)"
                    + "|совершеннолетн|(?:1[89]|[2-9][0-9])\\s?歳|成人(?:です|済|して)|大人です");

    private InstructionOverride() {}

    /**
     * What {@link #find} finds, or else a claim that the user's age was verified ({@code claim:verified-age}): for text
     * a user writes that goes into a prompt.
     */
    public static Optional<String> findInUserText(String text) {
        Optional<String> override = find(text);
        if (override.isPresent() || text == null) {
            return override;
        }
        String normalized = Normalizer.normalize(text);
        if (AGE_GATE_ORDER.matcher(normalized).find()) {
            return Optional.of("phrase:age-gate");
        }
        return VERIFIED_AGE_CLAIM.matcher(normalized).find()
                        || VERIFIED_AGE_CLAIM_OTHER_SCRIPTS.matcher(fold(text)).find()
                ? Optional.of("claim:verified-age")
                : Optional.empty();
    }

    /**
     * What {@link #findInUserText} finds, or else a claim to be an adult ({@code claim:adult}): for text that the account
     * of someone under 18 writes into a prompt, where the account's age is what counts. {@code anySubject}: for a
     * persona, which describes the user whatever name it uses, an age of 18 or more said of anyone counts too.
     */
    public static Optional<String> findInMinorsText(String text, boolean anySubject) {
        Optional<String> found = findInUserText(text);
        if (found.isPresent() || text == null) {
            return found;
        }
        String normalized = Normalizer.normalize(text);
        boolean claim = ADULT_SELF_CLAIM.matcher(normalized).find()
                || ADULT_SELF_CLAIM_OTHER_SCRIPTS.matcher(fold(text)).find()
                || (anySubject && ADULT_AGE_ANY_SUBJECT.matcher(normalized).find());
        return claim ? Optional.of("claim:adult") : Optional.empty();
    }

    /** The name of the first rule the text breaks, or empty. */
    public static Optional<String> find(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String folded = fold(text);
        for (Rule rule : MARKUP) {
            if (rule.pattern().matcher(folded).find()) {
                return Optional.of(rule.name());
            }
        }
        for (String segment : SEGMENTS.split(folded)) {
            Matcher label = LINE_LABEL.matcher(segment);
            if (label.find() && ROLE_LABELS.contains(Normalizer.normalize(label.group(1)))) {
                return Optional.of("markup:role-line");
            }
            Matcher heading = HEADING.matcher(segment);
            if (heading.find() && HEADINGS.contains(Normalizer.normalize(heading.group(1)))) {
                return Optional.of("markup:heading");
            }
        }
        String normalized = Normalizer.normalize(text);
        for (Rule rule : PHRASES) {
            if (rule.pattern().matcher(normalized).find()) {
                return Optional.of(rule.name());
            }
        }
        for (String sentence : SENTENCES.split(text)) {
            if (COMMAND.pattern().matcher(Normalizer.normalize(sentence)).find()) {
                return Optional.of(COMMAND.name());
            }
        }
        return Optional.empty();
    }

    /** NFKC and lower case with invisible characters dropped; punctuation and line breaks kept. */
    private static String fold(String text) {
        String compatible = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(compatible.length());
        compatible.codePoints().forEach(cp -> {
            if (Character.getType(cp) != Character.FORMAT) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
