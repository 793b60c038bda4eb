package com.companion.analytics.query;

import com.companion.analytics.figures.Latency;
import com.companion.contracts.analytics.DailyRollup;
import com.companion.contracts.analytics.NamedCount;
import com.companion.contracts.analytics.RollupDimension;
import com.companion.platform.web.problem.ApiProblem;
import com.companion.platform.web.problem.FieldError;
import com.companion.platform.web.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The product figures for administrators. Anyone else gets 404, as for every resource a caller may not
 * see. Days are UTC; a day without events answers zeros.
 */
@RestController
class AnalyticsController {

    static final int MAX_DAYS = 366;
    static final int MAX_LIMIT = 100;

    private final RollupStore rollups;
    private final Clock clock;

    AnalyticsController(RollupStore rollups, Clock clock) {
        this.rollups = rollups;
        this.clock = clock;
    }

    @Operation(
            summary = "Daily product figures (admin only)",
            description = "from/to are UTC dates, inclusive;" + " default the last 7 days. At most 366 days.")
    @GetMapping("/admin/analytics/daily")
    List<DailyView> daily(
            AuthenticatedUser caller,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        admin(caller);
        LocalDate last = to == null ? today() : to;
        LocalDate first = from == null ? last.minusDays(6) : from;
        if (first.isAfter(last)) {
            throw ApiProblem.badRequest("invalid-range", "from must not be after to");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw ApiProblem.badRequest("invalid-range", "at most " + MAX_DAYS + " days at once");
        }
        return first.datesUntil(last.plusDays(1))
                .map(date -> rollups.day(date, RollupDimension.ALL, null)
                        .map(DailyView::of)
                        .orElseGet(() -> DailyView.empty(date)))
                .toList();
    }

    @Operation(
            summary = "Most chatted characters (admin only)",
            description = "By completed replies over the"
                    + " last `days` UTC days including today (default 7, at most 366); `limit` default 10, at most 100."
                    + " Out of range: 400 validation naming the parameter.")
    @GetMapping("/admin/analytics/characters/top")
    List<CharacterView> topCharacters(
            AuthenticatedUser caller,
            @RequestParam(defaultValue = "10") int limit,
            @RequestParam(defaultValue = "7") int days) {
        admin(caller);
        checkRanges(limit, days);
        List<DailyRollup> found = rollups.of(RollupDimension.CHARACTER, firstOf(days), today());
        return merged(found, CharacterView::of).values().stream()
                .sorted(Comparator.comparingLong(CharacterView::turns)
                        .reversed()
                        .thenComparing(CharacterView::characterId))
                .limit(limit)
                .toList();
    }

    @Operation(
            summary = "Per model figures (admin only)",
            description = "Over the last `days` UTC days including today (default 7, at most 366), busiest first."
                    + " `turns`, tokens and latency are of the replies the model wrote; `fallbacks` are those of"
                    + " them it wrote standing in for the preferred model, which could not serve (a reply the"
                    + " preferred model failed but a fallback delivered is a fallback, not a failure);"
                    + " `failures` (by reason in `failuresByReason`) are failed replies whose last model call"
                    + " was to this model. Failures before any model was called (an expired request, an open"
                    + " circuit) belong to no model and are counted in /daily only.")
    @GetMapping("/admin/analytics/models")
    List<ModelView> models(AuthenticatedUser caller, @RequestParam(defaultValue = "7") int days) {
        admin(caller);
        checkRanges(null, days);
        List<DailyRollup> found = rollups.of(RollupDimension.MODEL, firstOf(days), today());
        return merged(found, ModelView::of).values().stream()
                .sorted(Comparator.comparingLong(ModelView::turns).reversed().thenComparing(ModelView::model))
                .toList();
    }

    /**
     * {@code limit} (when the endpoint takes one) and {@code days} out of range are a 400 {@code validation} problem
     * naming each, as the platform answers a constraint on a parameter. Checked after the admin check, so nobody
     * else learns the endpoint exists.
     */
    private static void checkRanges(@Nullable Integer limit, int days) {
        List<FieldError> errors = new ArrayList<>();
        if (days < 1 || days > MAX_DAYS) {
            errors.add(new FieldError("days", "must be between 1 and " + MAX_DAYS));
        }
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            errors.add(new FieldError("limit", "must be between 1 and " + MAX_LIMIT));
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST,
                    "validation",
                    "Bad Request",
                    "The request has invalid fields; see errors.",
                    Map.of("errors", List.copyOf(errors)));
        }
    }

    private LocalDate firstOf(int days) {
        return today().minusDays(days - 1L);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC));
    }

    private static void admin(AuthenticatedUser caller) {
        if (!caller.hasRole("admin")) {
            throw ApiProblem.notFound("resource");
        }
    }

    /** One view per dimension id, the rollups of several days added up. */
    private static <V extends Mergeable<V>> Map<String, V> merged(
            List<DailyRollup> rollups, Function<DailyRollup, V> view) {
        return rollups.stream()
                .collect(Collectors.toMap(DailyRollup::dimensionId, view, Mergeable::plus, LinkedHashMap::new));
    }

    interface Mergeable<V> {
        V plus(V other);
    }

    record DailyView(
            String date,
            long activeUsers,
            long newUsers,
            long sessionsStarted,
            long messagesSent,
            long turns,
            long tokensIn,
            long tokensOut,
            long adsDecided,
            long adsShown,
            long adClicks,
            long failures,
            Map<String, Long> failuresByReason,
            long fallbacks,
            long blockedInputs,
            long blockedOutputs,
            Map<String, Long> blockedInputsByCategory,
            Map<String, Long> blockedOutputsByCategory,
            long replyP50Ms,
            long replyP95Ms) {

        static DailyView of(DailyRollup r) {
            return new DailyView(
                    r.date(),
                    r.activeUsers(),
                    r.newUsers(),
                    r.sessionsStarted(),
                    r.messagesSent(),
                    r.turns(),
                    r.tokensIn(),
                    r.tokensOut(),
                    r.adsDecided(),
                    r.adsShown(),
                    r.adClicks(),
                    total(r.failures()),
                    byName(r.failures()),
                    orZero(r.fallbacks()),
                    total(r.blockedInputs()),
                    total(r.blockedOutputs()),
                    byName(r.blockedInputs()),
                    byName(r.blockedOutputs()),
                    r.latencyP50Ms(),
                    r.latencyP95Ms());
        }

        static DailyView empty(LocalDate date) {
            return new DailyView(
                    date.toString(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of(), 0, 0, 0, Map.of(), Map.of(), 0, 0);
        }
    }

    private static long total(List<NamedCount> counts) {
        return counts.stream().mapToLong(NamedCount::count).sum();
    }

    private static Map<String, Long> byName(List<NamedCount> counts) {
        return counts.stream().collect(Collectors.toMap(NamedCount::name, NamedCount::count, Long::sum, TreeMap::new));
    }

    /** Rollups written before fallbacks were counted have none. */
    private static long orZero(@Nullable Long count) {
        return count == null ? 0 : count;
    }

    private static Map<String, Long> added(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> sum = new TreeMap<>(a);
        b.forEach((name, count) -> sum.merge(name, count, Long::sum));
        return sum;
    }

    /** {@code activeUserDays}: distinct users per day, added over the days (a user on two days counts twice). */
    record CharacterView(String characterId, long turns, long messagesSent, long sessionsStarted, long activeUserDays)
            implements Mergeable<CharacterView> {

        static CharacterView of(DailyRollup r) {
            return new CharacterView(
                    r.dimensionId(), r.turns(), r.messagesSent(), r.sessionsStarted(), r.activeUsers());
        }

        @Override
        public CharacterView plus(CharacterView o) {
            return new CharacterView(
                    characterId,
                    turns + o.turns,
                    messagesSent + o.messagesSent,
                    sessionsStarted + o.sessionsStarted,
                    activeUserDays + o.activeUserDays);
        }
    }

    /**
     * {@code fallbacks}: of its {@code turns}, those it wrote standing in for the preferred model. {@code failures}:
     * failed replies whose last model call was to it.
     */
    record ModelView(
            String model,
            long turns,
            long fallbacks,
            long failures,
            Map<String, Long> failuresByReason,
            long tokensIn,
            long tokensOut,
            long latencyP50Ms,
            long latencyP95Ms,
            @com.fasterxml.jackson.annotation.JsonIgnore byte[] latency)
            implements Mergeable<ModelView> {

        static ModelView of(DailyRollup r) {
            byte[] latency = Latency.fromBase64(r.latencyHistogram());
            return new ModelView(
                    r.dimensionId(),
                    r.turns(),
                    orZero(r.fallbacks()),
                    total(r.failures()),
                    byName(r.failures()),
                    r.tokensIn(),
                    r.tokensOut(),
                    Latency.percentile(latency, 50),
                    Latency.percentile(latency, 95),
                    latency);
        }

        @Override
        public ModelView plus(ModelView o) {
            byte[] merged = Latency.merge(latency, o.latency);
            return new ModelView(
                    model,
                    turns + o.turns,
                    fallbacks + o.fallbacks,
                    failures + o.failures,
                    added(failuresByReason, o.failuresByReason),
                    tokensIn + o.tokensIn,
                    tokensOut + o.tokensOut,
                    Latency.percentile(merged, 50),
                    Latency.percentile(merged, 95),
                    merged);
        }
    }
}
