package com.companion.analytics.topology;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param grace how long after a UTC day ends its late events still count ({@code ANALYTICS_GRACE}); later
 *     ones are dropped (Streams' {@code dropped-records} metric). Longer grace keeps more state and delays
 *     the final figure of a day, never the running one.
 */
@Validated
@ConfigurationProperties("analytics")
public record AnalyticsProperties(
        @DefaultValue("6h") @NotNull Duration grace) {}
