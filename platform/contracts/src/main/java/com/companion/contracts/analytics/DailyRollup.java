package com.companion.contracts.analytics;

import com.companion.contracts.Event;
import com.companion.contracts.EventType;
import com.companion.contracts.Topics;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The figures of one UTC day for one dimension, as analytics-service has them so far. A later rollup with the same
 * {@code rollupId} replaces an earlier one (the topic is compacted), so the latest record per key is the day's
 * current figure. {@code latencyHistogram} is an HdrHistogram (milliseconds) in its compressed form, base64: it
 * merges across days and dimensions, where percentiles do not.
 *
 * <p>{@code failures} counts failed replies by reason; for a model, those whose last call was to that model.
 * {@code fallbacks} counts completed replies that a fallback model wrote because the preferred model could not
 * serve; for a model, those it wrote as the fallback (a subset of its {@code turns}). Null on rollups written
 * before fallbacks were counted.
 */
public record DailyRollup(
        UUID rollupId,
        String date,
        RollupDimension dimension,
        @Nullable String dimensionId,
        long activeUsers,
        long newUsers,
        long sessionsStarted,
        long messagesSent,
        long turns,
        long tokensIn,
        long tokensOut,
        List<NamedCount> failures,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Long fallbacks,
        List<NamedCount> blockedInputs,
        List<NamedCount> blockedOutputs,
        long adsDecided,
        long adsShown,
        long adClicks,
        long latencyP50Ms,
        long latencyP95Ms,
        String latencyHistogram)
        implements Event {

    public static final EventType<DailyRollup> TYPE =
            EventType.of("analytics.daily-rollup", Topics.ANALYTICS_DAILY, DailyRollup.class);

    public DailyRollup {
        failures = List.copyOf(failures);
        blockedInputs = List.copyOf(blockedInputs);
        blockedOutputs = List.copyOf(blockedOutputs);
    }

    /** The record key of a day's rollup for a dimension: a name-based UUID, the same on every producer. */
    public static UUID rollupId(String date, RollupDimension dimension, @Nullable String dimensionId) {
        String name = date + "/" + dimension.name().toLowerCase(java.util.Locale.ROOT) + "/"
                + (dimensionId == null ? "" : dimensionId);
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String partitionKey() {
        return rollupId.toString();
    }
}
