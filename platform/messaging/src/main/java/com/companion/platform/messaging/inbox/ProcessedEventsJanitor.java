package com.companion.platform.messaging.inbox;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Forgets idempotency marks once no redelivery can bring their events back (after the topics'
 * retention), so the table does not grow without bound.
 */
public class ProcessedEventsJanitor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProcessedEventsJanitor.class);

    private final ProcessedEvents processed;
    private final Duration retention;
    private ScheduledExecutorService scheduler;

    public ProcessedEventsJanitor(ProcessedEvents processed, Duration retention) {
        this.processed = processed;
        this.retention = retention;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("processed-events-janitor").daemon().factory());
        scheduler.scheduleWithFixedDelay(this::purge, 1, 60, TimeUnit.MINUTES);
    }

    private void purge() {
        try {
            int purged = processed.purgeOlderThan(retention);
            if (purged > 0) {
                log.info("forgot {} idempotency marks older than {}", purged, retention);
            }
        } catch (RuntimeException e) {
            log.warn("could not purge idempotency marks: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }
}
