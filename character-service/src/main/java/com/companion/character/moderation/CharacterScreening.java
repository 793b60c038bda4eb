package com.companion.character.moderation;

import com.companion.platform.guard.Audience;
import com.companion.platform.guard.ContentGuard;
import com.companion.platform.guard.Conversation;
import com.companion.platform.guard.GuardContext;
import com.companion.platform.guard.Verdict;
import com.companion.platform.guard.rules.InstructionOverride;
import com.companion.platform.guard.rules.RuleGuard;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one screening of what a creator writes, used wherever such text is accepted or its mode
 * changes (create, update, adult mode, the re-screening job; a card import would call it too).
 *
 * <p>Each field alone and the fields together go through the content guard at stage INPUT, as
 * {@link Audience#ADULT_MODE} only for a character in adult mode with an adult owner, otherwise
 * {@link Audience#CLEAN}. The guard already encodes what may pass where: never-allowed content
 * (minors, non-consent, incest, bestiality) is blocked in every mode, sexual content outside adult
 * mode and graphic content in it, self-harm encouragement always; so a blocked verdict is a refusal.
 * The same texts go through {@link InstructionOverride}, since creator text becomes part of the
 * system message. When several checks fail, the worst policy is reported, naming the first field
 * that fails with it alone, or {@code character} when only the fields together do.
 */
@Component
public class CharacterScreening {

    private static final Logger log = LoggerFactory.getLogger(CharacterScreening.class);

    /**
     * The revision of what this class adds to the guard: the fields it judges, the sheet as context, the instruction
     * overrides. Raise it with a change that can turn a verdict, so stored characters are screened again.
     */
    static final String SHEET_REVISION = "sheet/4";

    private final ContentGuard guard;
    private final String version;

    CharacterScreening(ContentGuard guard) {
        this.guard = guard;
        this.version = SHEET_REVISION + " " + guard.version();
    }

    /**
     * What judges a character's text, recorded with each verdict ({@code screened_with}): the sheet checks' revision and
     * the guard's version ({@link ContentGuard#version()}). Text judged under an older one is screened again.
     */
    public String version() {
        return version;
    }

    /** Empty when the text is acceptable in this mode. */
    public Optional<Refusal> screen(CharacterText text, boolean adultMode) {
        GuardContext context = GuardContext.input(adultMode ? Audience.ADULT_MODE : Audience.CLEAN);
        Map<String, String> fields = text.fields();
        Refusal worst = null;
        for (Map.Entry<String, String> field : fields.entrySet()) {
            worst = worse(worst, judge(field.getValue(), field.getKey(), context));
        }
        worst = worse(worst, judge(text.together(), CharacterText.TOGETHER, context));
        // An age given in one place and sexual content in another, however far apart: the rules read each field
        // with the whole sheet (every field) as its context, as they read a chat message with the sheet and the
        // messages before it. Only what that context adds counts here; the field alone was judged above.
        GuardContext sheet = context.with(Conversation.of(List.of(), String.join("\n", fields.values())));
        for (Map.Entry<String, String> field : fields.entrySet()) {
            Verdict verdict = RuleGuard.shared().check(field.getValue(), sheet);
            if (verdict.blocked() && verdict.reasons().stream().anyMatch(r -> r.startsWith("context:"))) {
                worst = worse(worst, Refusal.of(verdict, field.getKey()));
            }
        }
        return Optional.ofNullable(worst);
    }

    /**
     * @throws com.companion.platform.web.problem.ApiProblem 422 {@code content-blocked} naming the
     *     policy and the field, never the text
     */
    public void requireAcceptable(CharacterText text, boolean adultMode) {
        Optional<Refusal> refusal = screen(text, adultMode);
        if (refusal.isPresent()) {
            Refusal r = refusal.get();
            log.info("character text refused: policy {} field {} rules {}", r.policy(), r.field(), r.rules());
            throw r.problem();
        }
    }

    private @Nullable Refusal judge(String text, String field, GuardContext context) {
        Verdict verdict = guard.check(text, context);
        Refusal refusal = verdict.blocked() ? Refusal.of(verdict, field) : null;
        Optional<String> override = InstructionOverride.find(text);
        if (override.isPresent()) {
            refusal = worse(refusal, Refusal.override(override.get(), field));
        }
        return refusal;
    }

    private static @Nullable Refusal worse(@Nullable Refusal current, @Nullable Refusal candidate) {
        if (current == null) {
            return candidate;
        }
        return candidate != null && candidate.worseThan(current) ? candidate : current;
    }
}
