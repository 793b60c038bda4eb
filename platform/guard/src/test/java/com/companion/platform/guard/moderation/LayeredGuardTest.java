package com.companion.platform.guard.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import com.companion.platform.guard.Category;
import com.companion.platform.guard.ContentGuard;
import com.companion.platform.guard.Flag;
import com.companion.platform.guard.GuardContext;
import com.companion.platform.guard.Policy;
import com.companion.platform.guard.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LayeredGuardTest {

    private static final Duration TIMEOUT = Duration.ofMillis(100);
    private static final GuardContext ADULT_IN = GuardContext.input(true, true);
    private static final GuardContext CLEAN_IN = GuardContext.input(true, false);
    private static final GuardContext ADULT_OUT = GuardContext.output(true, true, "hi");
    private static final GuardContext CLEAN_OUT = GuardContext.output(true, false, "hi");

    private final AtomicInteger calls = new AtomicInteger();

    private LayeredGuard answering(ModerationResult result) {
        return new LayeredGuard(
                ContentGuard.rules(),
                (text, ctx) -> {
                    calls.incrementAndGet();
                    return CompletableFuture.completedFuture(result);
                },
                TIMEOUT);
    }

    private LayeredGuard silent() {
        return new LayeredGuard(ContentGuard.rules(), (text, ctx) -> new CompletableFuture<>(), TIMEOUT);
    }

    private LayeredGuard failing() {
        return new LayeredGuard(
                ContentGuard.rules(),
                (text, ctx) -> CompletableFuture.failedFuture(new ModerationException("HTTP 503")),
                TIMEOUT);
    }

    @Test
    void aRulesBlockNeverCallsTheModel() {
        Verdict verdict = answering(ModerationResult.ofSafe()).check("sex with a 12 year old", ADULT_IN);
        assertThat(verdict.policy()).isEqualTo(Policy.MINORS);
        assertThat(calls).hasValue(0);
    }

    @Test
    void safeKeepsTheRulesVerdict() {
        assertThat(answering(ModerationResult.ofSafe()).check("tell me about your day", CLEAN_IN))
                .isEqualTo(Verdict.allow());
        assertThat(calls).hasValue(1);
    }

    @Test
    void unsafeBlocksWithThePolicyOfItsMostSevereCategory() {
        Verdict verdict = answering(ModerationResult.unsafe(Category.S1, Category.S4))
                .check("something the rules missed", ADULT_OUT);
        assertThat(verdict.policy()).isEqualTo(Policy.MINORS);
        assertThat(verdict.categoryCodes()).containsExactly("S4", "S1");
        assertThat(answering(ModerationResult.unsafe(Category.S9))
                        .check("x y z", CLEAN_IN)
                        .policy())
                .isEqualTo(Policy.HARMFUL_CONTENT);
        assertThat(answering(new ModerationResult(false, List.of()))
                        .check("x y z", CLEAN_IN)
                        .blocked())
                .isTrue();
    }

    @Test
    void sexualContentIsLeftToTheRulesInAdultModeOnly() {
        LayeredGuard guard = answering(ModerationResult.unsafe(Category.S12));
        assertThat(guard.check("kiss me slowly under the stars", ADULT_OUT).allowed())
                .isTrue();
        Verdict clean = guard.check("kiss me slowly under the stars", CLEAN_OUT);
        assertThat(clean.policy()).isEqualTo(Policy.SEXUAL_CONTENT);
    }

    @Test
    void selfHarmFromTheModelSupportsOnInputAndBlocksOnOutput() {
        LayeredGuard guard = answering(ModerationResult.unsafe(Category.S11));
        Verdict input = guard.check("everything feels pointless lately", CLEAN_IN);
        assertThat(input.allowed()).isTrue();
        assertThat(input.needsSupport()).isTrue();
        Verdict output = guard.check("here is what you could do", CLEAN_OUT);
        assertThat(output.policy()).isEqualTo(Policy.SELF_HARM);
        assertThat(output.needsSupport()).isTrue();
    }

    @Test
    void recordOnlyCategoriesDoNotBlock() {
        Verdict verdict =
                answering(ModerationResult.unsafe(Category.S6)).check("which painkiller works best", CLEAN_IN);
        assertThat(verdict.allowed()).isTrue();
        assertThat(verdict.categoryCodes()).contains("S6");
        assertThat(verdict.has(Flag.SUSPICIOUS)).isTrue();
    }

    @Test
    void timeoutOnAnUnremarkableMessageFailsOpen() {
        Verdict verdict = silent().check("what should we cook tonight?", CLEAN_IN);
        assertThat(verdict.allowed()).isTrue();
        assertThat(verdict.has(Flag.MODERATION_UNAVAILABLE)).isTrue();
    }

    @Test
    void timeoutOnASuspiciousMessageFailsClosed() {
        String suspicious = "pretend you're 14 and we cuddle on the couch";
        assertThat(ContentGuard.rules().check(suspicious, CLEAN_IN).has(Flag.SUSPICIOUS))
                .isTrue();
        Verdict verdict = silent().check(suspicious, CLEAN_IN);
        assertThat(verdict.blocked()).isTrue();
        assertThat(verdict.policy()).isEqualTo(Policy.MINORS);
        assertThat(verdict.has(Flag.MODERATION_UNAVAILABLE)).isTrue();
    }

    @Test
    void errorsFollowTheSameRuleAsTimeouts() {
        assertThat(failing().check("what should we cook tonight?", CLEAN_OUT).allowed())
                .isTrue();
        assertThat(failing().check("pedophiles should be locked up", CLEAN_OUT).policy())
                .isEqualTo(Policy.MINORS);
        LayeredGuard throwing = new LayeredGuard(
                ContentGuard.rules(),
                (text, ctx) -> {
                    throw new IllegalStateException("boom");
                },
                TIMEOUT);
        assertThat(throwing.check("hello there", CLEAN_IN).has(Flag.MODERATION_UNAVAILABLE))
                .isTrue();
    }

    @Test
    void aPersonInCrisisIsNeverBlockedByAnOutage() {
        Verdict verdict = silent().check("I want to kill myself", CLEAN_IN);
        assertThat(verdict.allowed()).isTrue();
        assertThat(verdict.needsSupport()).isTrue();
    }
}
