package com.companion.analytics.query;

import com.companion.contracts.analytics.DailyRollup;
import com.companion.contracts.analytics.NamedCount;
import com.companion.contracts.analytics.RollupDimension;
import com.companion.platform.web.problem.ApiProblem;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.springframework.stereotype.Component;

/**
 * Today's (UTC) product figures as gauges ({@code analytics_today_*}), read from the global store at each
 * scrape, for the Grafana dashboard's product panels. Every instance holds the same store, so any
 * instance's value is the product's; the dashboard takes the max over instances.
 */
@Component
class ProductGauges {

    ProductGauges(RollupStore rollups, Clock clock, MeterRegistry registry) {
        Map<String, ToDoubleFunction<DailyRollup>> figures = Map.of(
                "active_users", DailyRollup::activeUsers,
                "turns", DailyRollup::turns,
                "tokens_in", DailyRollup::tokensIn,
                "tokens_out", DailyRollup::tokensOut,
                "ads_shown", DailyRollup::adsShown,
                "ad_clicks", DailyRollup::adClicks,
                "blocked_inputs", r -> total(r.blockedInputs()),
                "blocked_outputs", r -> total(r.blockedOutputs()),
                "failures", r -> total(r.failures()),
                "reply_p95_ms", DailyRollup::latencyP95Ms);
        figures.forEach((name, figure) -> Gauge.builder("analytics.today." + name, () -> {
                    try {
                        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
                        return rollups.day(today, RollupDimension.ALL, null)
                                .map(figure::applyAsDouble)
                                .orElse(0.0);
                    } catch (ApiProblem starting) {
                        return Double.NaN;
                    }
                })
                .description("today's (UTC) " + name.replace('_', ' ') + " from analytics-service's rollups")
                .register(registry));
    }

    private static double total(java.util.List<NamedCount> counts) {
        return counts.stream().mapToLong(NamedCount::count).sum();
    }
}
