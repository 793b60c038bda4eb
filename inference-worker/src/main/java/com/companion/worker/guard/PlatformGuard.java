package com.companion.worker.guard;

import com.companion.contracts.character.Persona;
import com.companion.platform.guard.Audience;
import com.companion.platform.guard.ContentGuard;
import com.companion.platform.guard.GuardContext;
import com.companion.platform.guard.Policy;
import com.companion.platform.guard.Refusals;
import com.companion.platform.guard.Verdict;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The platform's content guard ({@code com.companion:guard}) behind the worker's interface. The whole
 * text goes through the configured guard (rules, plus Llama Guard when the platform turns it on);
 * text still streaming goes through the rules alone, which need no network.
 */
final class PlatformGuard implements ReplyGuard {

    private final ContentGuard guard;
    private final ContentGuard whileStreaming;

    PlatformGuard(ContentGuard guard, ContentGuard whileStreaming) {
        this.guard = guard;
        this.whileStreaming = whileStreaming;
    }

    @Override
    public Screening screen(String text, Subject subject) {
        return screening(guard.check(text, context(subject)));
    }

    @Override
    public Screening screenPartial(String text, Subject subject) {
        return screening(whileStreaming.check(text, context(subject)));
    }

    @Override
    public String refusal(Persona character, Screening screening, UUID requestId) {
        Policy policy = Arrays.stream(Policy.values())
                .filter(p -> p.code().equals(screening.policy()))
                .findFirst()
                .orElse(Policy.HARMFUL_CONTENT);
        return Refusals.inCharacter(
                character.name(), policy, requestId.getMostSignificantBits() ^ requestId.getLeastSignificantBits());
    }

    private static GuardContext context(Subject subject) {
        Audience audience = Audience.of(subject.userIsAdult(), subject.characterNsfw());
        return subject.stage() == Stage.INPUT
                ? GuardContext.input(audience)
                : GuardContext.output(audience, subject.userMessage());
    }

    private static Screening screening(Verdict verdict) {
        if (verdict.allowed()) {
            return verdict.needsSupport() ? new Screening(false, null, List.of(), true) : Screening.ALLOWED;
        }
        return new Screening(true, verdict.policy().code(), verdict.categoryCodes(), verdict.needsSupport());
    }
}
