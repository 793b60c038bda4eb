package com.companion.worker.guard;

import com.companion.contracts.character.Persona;
import com.companion.platform.guard.Audience;
import com.companion.platform.guard.ContentGuard;
import com.companion.platform.guard.Conversation;
import com.companion.platform.guard.GuardContext;
import com.companion.platform.guard.Policy;
import com.companion.platform.guard.Refusals;
import com.companion.platform.guard.Verdict;
import com.companion.platform.guard.rules.RuleGuard;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The platform's content guard ({@code com.companion:guard}) behind the worker's interface. Every check
 * sees the conversation (the latest messages and the character's own text). The whole text goes
 * through the configured guard (rules, plus Llama Guard when the platform turns it on); text still
 * streaming goes through the in-process guard ({@link ContentGuard#local()}: rules and the learned
 * layer), which needs no network.
 *
 * <p>Each check is timed as {@code worker.guard.screen{stage=input|streaming|output}} in thread CPU
 * time (wall time on a virtual thread, whose CPU time the JVM does not report), so the guard's cost
 * per reply can be read from the metrics.
 */
final class PlatformGuard implements ReplyGuard {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final ContentGuard guard;
    private final ContentGuard whileStreaming;
    private final boolean remoteModeration;
    private final Timer input;
    private final Timer streaming;
    private final Timer output;

    PlatformGuard(ContentGuard guard, ContentGuard whileStreaming, boolean remoteModeration, MeterRegistry meters) {
        this.guard = guard;
        this.whileStreaming = whileStreaming;
        this.remoteModeration = remoteModeration;
        this.input = timer(meters, "input");
        this.streaming = timer(meters, "streaming");
        this.output = timer(meters, "output");
    }

    @Override
    public Screening screen(String text, Subject subject) {
        return check(guard, text, subject, subject.stage() == Stage.INPUT ? input : output);
    }

    /**
     * chat-service runs the same in-process guard (rules and the learned layer) on every message before
     * it is published; only Llama Guard, which it does not run, is worth asking again.
     */
    @Override
    public Screening screenAllowedInput(String text, Subject subject, Screening upstream) {
        if (!remoteModeration) {
            return upstream;
        }
        Screening screening = screen(text, subject);
        return screening.blocked() || !upstream.support() ? screening : upstream;
    }

    /**
     * A reply that opens by declining ("I can't write a scene where she's drugged. I could write one where …"): while
     * its opening sentences stream, the sentence that declines is not judged, save what follows a turn in it ("I can't
     * write that, but …"), which the rules judge; what follows the sentence is judged by every in-process layer. Cut
     * into sentences, the refusal's first one names what it refuses without the offer that makes it a refusal, and the learned layer would read it as what it refuses. The whole reply is judged once
     * complete, where {@code LearnedGuard} makes the same split only for a reply the rules read as a refusal ({@code
     * RuleGuard.DECLINES}: it also offers something else or names the line it keeps, in at most four sentences). A
     * window cannot wait for that offer, which comes later in the stream, so here any opening that declines is split;
     * a reply that only opened like a refusal is judged whole, by every layer, at the end.
     */
    @Override
    public Screening screenPartial(String text, boolean opensReply, Subject subject) {
        if (!opensReply || !RuleGuard.opensByDeclining(text)) {
            return check(whileStreaming, text, subject, streaming);
        }
        // The rules read past the declining sentence, or from where it turns ("I can't write that, but …"), as they
        // read a whole refusal; both layers read what follows the sentence.
        Screening declining = check(ContentGuard.rules(), RuleGuard.afterDecline(text, true), subject, streaming);
        String rest = RuleGuard.afterDecline(text);
        return declining.blocked() || rest.isBlank() ? declining : check(whileStreaming, rest, subject, streaming);
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

    private static Screening check(ContentGuard guard, String text, Subject subject, Timer timer) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        Verdict verdict = guard.check(text, context(subject));
        long cpuAfter = cpu < 0 ? -1 : THREADS.getCurrentThreadCpuTime();
        timer.record(cpuAfter < 0 ? System.nanoTime() - wall : cpuAfter - cpu, TimeUnit.NANOSECONDS);
        return screening(verdict);
    }

    private static GuardContext context(Subject subject) {
        Audience audience = Audience.of(subject.userIsAdult(), subject.characterNsfw());
        GuardContext context = subject.stage() == Stage.INPUT
                ? GuardContext.input(audience)
                : GuardContext.output(audience, subject.userMessage());
        return context.with(Conversation.of(subject.recentMessages(), subject.characterText()));
    }

    private static Screening screening(Verdict verdict) {
        if (verdict.allowed()) {
            return verdict.needsSupport() ? new Screening(false, null, List.of(), true) : Screening.ALLOWED;
        }
        return new Screening(true, verdict.policy().code(), verdict.categoryCodes(), verdict.needsSupport());
    }

    private static Timer timer(MeterRegistry meters, String stage) {
        return Timer.builder("worker.guard.screen")
                .description("Thread CPU time of one content guard check, by stage (streaming: a window of a reply"
                        + " still streaming)")
                .tag("stage", stage)
                .register(meters);
    }
}
