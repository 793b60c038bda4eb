package com.companion.worker.llm;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which of the configured models to ask. A model the provider says it does not serve is skipped
 * for the recheck interval, so that only one request now and then pays for asking it again.
 */
public final class ModelRoster {

    private static final Logger log = LoggerFactory.getLogger(ModelRoster.class);

    private final List<String> models;
    private final long recheckNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Long> skippedUntil = new ConcurrentHashMap<>();

    ModelRoster(List<String> models, Duration recheck, LongSupplier nanoTime) {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("at least one model is needed");
        }
        this.models = List.copyOf(models);
        this.recheckNanos = recheck.toNanos();
        this.nanoTime = nanoTime;
    }

    /**
     * The first model in preference order that is not {@code excluded} (already refused during this
     * request) and not being skipped. When every candidate is being skipped, the one whose recheck is
     * due soonest: the configuration may have been wrong about all of them only for a while.
     */
    Optional<String> next(Set<String> excluded) {
        long now = nanoTime.getAsLong();
        List<String> candidates =
                models.stream().filter(m -> !excluded.contains(m)).toList();
        return candidates.stream()
                .filter(m -> now - skippedUntil.getOrDefault(m, now) >= 0)
                .findFirst()
                .or(() -> candidates.stream().min(Comparator.comparingLong(m -> skippedUntil.getOrDefault(m, now))));
    }

    void unavailable(String model) {
        if (skippedUntil.put(model, nanoTime.getAsLong() + recheckNanos) == null) {
            log.warn("model {} is not served by the provider; using the next configured model", model);
        }
    }

    void available(String model) {
        if (skippedUntil.remove(model) != null) {
            log.info("model {} is served again", model);
        }
    }

    /** The models in preference order. */
    public List<String> models() {
        return models;
    }

    /** Forgets what was learned about every model. */
    public void reset() {
        skippedUntil.clear();
    }
}
