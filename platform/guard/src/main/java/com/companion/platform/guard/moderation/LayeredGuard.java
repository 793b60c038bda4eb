package com.companion.platform.guard.moderation;

import com.companion.platform.guard.Audience;
import com.companion.platform.guard.Category;
import com.companion.platform.guard.ContentGuard;
import com.companion.platform.guard.Flag;
import com.companion.platform.guard.GuardContext;
import com.companion.platform.guard.Policy;
import com.companion.platform.guard.Stage;
import com.companion.platform.guard.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules first, then a moderation model as a second opinion on what the rules let through.
 *
 * <ul>
 *   <li>If the rules block, that is the verdict; the model is not asked.
 *   <li>The model's categories block in every mode, with these exceptions: S12 (sexual content) does not block in
 *       adult mode, where the rules decide what is too graphic; S11 on input is a person talking about self-harm, so
 *       it adds the support flag instead of blocking; the record-only categories (by default S5 defamation, S6
 *       specialized advice, S7 privacy, S8 intellectual property, S13 elections, S14 code interpreter abuse) are
 *       noted for review and do not block a companion chat.
 *   <li><b>Fail-safe rule</b> when the model does not answer within the deadline or fails: <em>fail closed</em> if
 *       the rules flagged the text {@link Flag#SUSPICIOUS} (risk markers that did not add up to a violation: a minor
 *       and romance, a non-consent or paedophilia term on its own, family and bed), <em>fail open</em> with a logged
 *       warning and {@link Flag#MODERATION_UNAVAILABLE} otherwise. The same rule holds on input and output. The
 *       rules are tuned to avoid false blocks, so their suspicious set is exactly where the second opinion is needed;
 *       on a platform with minors a refusal is the safer answer there. Failing closed on everything would let an
 *       outage at the provider block every chat, and turn a person in crisis (never marked suspicious) into a 400.
 *       On output a fail-closed block costs a refusal in character; on input a 400 with the policy.
 * </ul>
 */
public final class LayeredGuard implements ContentGuard {

    public static final Set<Category> DEFAULT_RECORD_ONLY =
            Set.copyOf(EnumSet.of(Category.S5, Category.S6, Category.S7, Category.S8, Category.S13, Category.S14));

    private static final Logger log = LoggerFactory.getLogger(LayeredGuard.class);

    private final ContentGuard rules;
    private final ModerationClient moderation;
    private final Duration timeout;
    private final Set<Category> recordOnly;

    public LayeredGuard(ContentGuard rules, ModerationClient moderation, Duration timeout) {
        this(rules, moderation, timeout, DEFAULT_RECORD_ONLY);
    }

    public LayeredGuard(ContentGuard rules, ModerationClient moderation, Duration timeout, Set<Category> recordOnly) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.moderation = Objects.requireNonNull(moderation, "moderation");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.recordOnly = Set.copyOf(recordOnly);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    /** The first layer's version, the moderation model's, and the categories it only records. */
    @Override
    public String version() {
        return rules.version() + " " + moderation.version() + " record-only/"
                + recordOnly.stream().map(Category::code).sorted().collect(Collectors.joining(","));
    }

    @Override
    public Verdict check(String text, GuardContext context) {
        Verdict first = rules.check(text, context);
        if (first.blocked() || text == null || text.isBlank()) {
            return first;
        }
        ModerationResult result;
        CompletableFuture<ModerationResult> call = null;
        try {
            call = moderation.classify(text, context);
            result = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable(first, context, "interrupted");
        } catch (TimeoutException e) {
            call.cancel(true);
            return unavailable(first, context, "timeout after " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            return unavailable(first, context, e.getCause().getClass().getSimpleName());
        } catch (RuntimeException e) {
            return unavailable(first, context, e.getClass().getSimpleName());
        }
        return combine(first, result, context);
    }

    private Verdict combine(Verdict first, ModerationResult result, GuardContext context) {
        if (result.safe()) {
            return first;
        }
        if (result.categories().isEmpty()) {
            return Verdict.block(Policy.HARMFUL_CONTENT, List.of(), reasons(first, "moderation:unsafe"), first.flags());
        }
        List<Category> blocking = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean support = false;
        for (Category category : result.categories()) {
            if (category == Category.S12 && context.audience() == Audience.ADULT_MODE) {
                notes.add("moderation:S12 left to the rules in adult mode");
            } else if (category == Category.S11 && context.stage() == Stage.INPUT) {
                support = true;
                notes.add("moderation:S11 on input -> support");
            } else if (recordOnly.contains(category)) {
                notes.add("moderation:" + category.code() + " recorded");
            } else {
                blocking.add(category);
            }
        }
        if (!blocking.isEmpty()) {
            blocking.sort(Comparator.comparingInt(LayeredGuard::severity));
            List<String> reasons = reasons(first, "moderation:" + String.join(",", codes(blocking)));
            reasons.addAll(notes);
            EnumSet<Flag> flags = flags(first);
            if (support || blocking.contains(Category.S11)) {
                flags.add(Flag.SUPPORT);
            }
            return Verdict.block(Policy.forCategory(blocking.getFirst()), blocking, reasons, flags);
        }
        List<Category> observed = new ArrayList<>(first.categories());
        result.categories().stream().filter(c -> !observed.contains(c)).forEach(observed::add);
        EnumSet<Flag> flags = flags(first);
        if (support) {
            flags.add(Flag.SUPPORT);
        }
        if (notes.stream().anyMatch(n -> n.endsWith("recorded"))) {
            flags.add(Flag.SUSPICIOUS);
        }
        List<String> reasons = new ArrayList<>(first.reasons());
        reasons.addAll(notes);
        return new Verdict(true, Policy.NONE, observed, reasons, flags);
    }

    private Verdict unavailable(Verdict first, GuardContext context, String why) {
        if (first.has(Flag.SUSPICIOUS)) {
            Category suspected = first.categories().stream()
                    .min(Comparator.comparingInt(LayeredGuard::severity))
                    .orElse(Category.S4);
            log.info(
                    "Moderation unavailable ({}) on a suspicious {} message ({}): failing closed",
                    why,
                    context.stage().wireName(),
                    context.audience());
            EnumSet<Flag> flags = flags(first);
            flags.add(Flag.MODERATION_UNAVAILABLE);
            return Verdict.block(
                    Policy.forCategory(suspected),
                    List.of(suspected),
                    reasons(first, "moderation unavailable (" + why + "): failing closed on a suspicious message"),
                    flags);
        }
        log.warn(
                "Moderation unavailable ({}) for a {} message ({}): failing open on the rules verdict",
                why,
                context.stage().wireName(),
                context.audience());
        return first.with(Flag.MODERATION_UNAVAILABLE, "moderation unavailable (" + why + "): rules verdict kept");
    }

    private static List<String> reasons(Verdict first, String reason) {
        List<String> reasons = new ArrayList<>(first.reasons());
        reasons.add(reason);
        return reasons;
    }

    private static EnumSet<Flag> flags(Verdict first) {
        return first.flags().isEmpty() ? EnumSet.noneOf(Flag.class) : EnumSet.copyOf(first.flags());
    }

    private static List<String> codes(List<Category> categories) {
        return categories.stream().map(Category::code).toList();
    }

    /** S4 first, then S3, then the other harms, S12 and S11 last: the primary category of a block. */
    private static int severity(Category category) {
        return switch (category) {
            case S4 -> 0;
            case S3 -> 1;
            case S12 -> 20;
            case S11 -> 21;
            default -> 2 + category.ordinal();
        };
    }
}
