package com.companion.analytics.query;

import com.companion.analytics.topology.AnalyticsTopology;
import com.companion.contracts.analytics.DailyRollup;
import com.companion.contracts.analytics.RollupDimension;
import com.companion.platform.web.problem.ApiProblem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Interactive queries over the global store of rollups. Every instance holds every rollup (they are few: a
 * record per day and dimension), so any instance answers any query from its own disk without a hop to the
 * owner of a key, and keeps answering while the windowed aggregation's partitions move during a rebalance.
 * The price is that a figure reaches the store one topic hop after it changed (the commit interval).
 */
@Component
class RollupStore {

    private final StreamsBuilderFactoryBean streams;

    RollupStore(StreamsBuilderFactoryBean streams) {
        this.streams = streams;
    }

    Optional<DailyRollup> day(LocalDate date, RollupDimension dimension, String dimensionId) {
        String key =
                DailyRollup.rollupId(date.toString(), dimension, dimensionId).toString();
        return Optional.ofNullable(store().get(key));
    }

    /** Rollups of one dimension for the days from {@code first} to {@code last}, inclusive. */
    List<DailyRollup> of(RollupDimension dimension, LocalDate first, LocalDate last) {
        List<DailyRollup> found = new ArrayList<>();
        try (KeyValueIterator<String, DailyRollup> all = store().all()) {
            while (all.hasNext()) {
                KeyValue<String, DailyRollup> next = all.next();
                DailyRollup rollup = next.value;
                LocalDate date = LocalDate.parse(rollup.date());
                if (rollup.dimension() == dimension && !date.isBefore(first) && !date.isAfter(last)) {
                    found.add(rollup);
                }
            }
        }
        return found;
    }

    private ReadOnlyKeyValueStore<String, DailyRollup> store() {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (kafkaStreams == null) {
            throw unavailable();
        }
        try {
            return kafkaStreams.store(StoreQueryParameters.fromNameAndType(
                    AnalyticsTopology.ROLLUPS, QueryableStoreTypes.keyValueStore()));
        } catch (InvalidStateStoreException | IllegalStateException e) {
            // Starting, restoring, or stopped after an error (health is down then, and the pod restarts).
            throw unavailable();
        }
    }

    private static ApiProblem unavailable() {
        return new ApiProblem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "analytics-starting",
                "Service Unavailable",
                "analytics is starting or restoring its state; try again shortly");
    }
}
