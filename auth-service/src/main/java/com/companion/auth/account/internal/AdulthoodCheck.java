package com.companion.auth.account.internal;

import com.companion.auth.audit.ClientInfo;
import com.companion.auth.audit.SecurityAudit;
import com.companion.auth.audit.SecurityEvent;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An account records the age its owner stated and when. Once the years since make a minor 18,
 * the account becomes adult and the services that apply adult rules are told.
 */
@Component
public class AdulthoodCheck {

    private static final Logger log = LoggerFactory.getLogger(AdulthoodCheck.class);
    private static final int BATCH = 500;

    private final UserStore users;
    private final UserEvents events;
    private final SecurityAudit audit;
    private final Clock clock;
    private final TransactionTemplate transaction;

    AdulthoodCheck(
            UserStore users,
            UserEvents events,
            SecurityAudit audit,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.users = users;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Scheduled(
            initialDelayString = "${auth.accounts.adulthood-check-interval:1h}",
            fixedDelayString = "${auth.accounts.adulthood-check-interval:1h}")
    void scheduled() {
        try {
            int promoted = promoteNewAdults();
            if (promoted > 0) {
                log.info("{} accounts became adult", promoted);
            }
        } catch (RuntimeException e) {
            log.warn("adulthood check failed; will try again", e);
        }
    }

    /** Marks adult every account that has come of age; returns how many. */
    public int promoteNewAdults() {
        int total = 0;
        int batch;
        do {
            batch = transaction.execute(status -> {
                List<UserRow> promoted = users.promoteNewAdults(clock.instant(), BATCH);
                for (UserRow user : promoted) {
                    events.updated(user, List.of(UserEvents.IS_ADULT));
                    audit.record(
                            SecurityEvent.ADULT_FLAG_CHANGE,
                            user.id(),
                            ClientInfo.SYSTEM,
                            Map.of("is_adult", true, "reason", "came_of_age"));
                }
                return promoted.size();
            });
            total += batch;
        } while (batch == BATCH);
        return total;
    }
}
