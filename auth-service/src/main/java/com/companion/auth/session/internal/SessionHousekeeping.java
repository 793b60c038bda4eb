package com.companion.auth.session.internal;

import com.companion.auth.session.SessionProperties;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes long-dead sessions so the token tables stay proportional to live sessions. */
@Component
class SessionHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(SessionHousekeeping.class);

    private final DeviceSessionStore store;
    private final SessionProperties properties;
    private final Clock clock;

    SessionHousekeeping(DeviceSessionStore store, SessionProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${auth.sessions.housekeeping-interval:1h}",
            fixedDelayString = "${auth.sessions.housekeeping-interval:1h}")
    void purge() {
        try {
            int deleted = store.purge(clock.instant(), properties.revokedRetention());
            if (deleted > 0) {
                log.info("deleted {} revoked or expired device sessions", deleted);
            }
        } catch (RuntimeException e) {
            log.warn("session housekeeping failed; will try again", e);
        }
    }
}
