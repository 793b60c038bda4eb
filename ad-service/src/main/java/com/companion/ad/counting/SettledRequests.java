package com.companion.ad.counting;

import com.companion.platform.messaging.kafka.MessagingProperties;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code settled_request} bounded. A row only stops a redelivered or redone outcome from being counted, and
 * none can come back after the idempotency marks' retention ({@code platform.messaging.processed-retention}, longer
 * than any topic's), so rows older than that are forgotten. Every instance runs it; the delete is idempotent.
 */
@Component
class SettledRequests {

    private static final Logger log = LoggerFactory.getLogger(SettledRequests.class);

    private final JdbcClient jdbc;
    private final Duration retention;

    SettledRequests(JdbcClient jdbc, MessagingProperties messaging) {
        this.jdbc = jdbc;
        this.retention = messaging.processedRetention();
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    int forgetOld() {
        int forgotten = jdbc.sql("delete from settled_request where settled_at < now() - make_interval(secs => :secs)")
                .param("secs", retention.toSeconds())
                .update();
        if (forgotten > 0) {
            log.info("forgot {} settled requests older than {}", forgotten, retention);
        }
        return forgotten;
    }
}
