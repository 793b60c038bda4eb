package com.companion.auth.audit;

import com.companion.contracts.moderation.AdminActionRecorded;
import com.companion.platform.messaging.outbox.Outbox;
import java.time.Clock;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Publishes an administrator's action on an account to the moderation audit ({@code moderation.audit.v1}, kept by
 * chat-service for {@code GET /admin/audit}), through the outbox in the transaction of the action: beside its
 * {@link SecurityAudit} row, and only when the action changed something.
 */
@Component
public class ModerationAudit {

    static final String SERVICE = "auth-service";
    static final String TARGET_TYPE = "user";

    /** What was done, by its wire name. */
    public enum AdminAction {
        BANNED("account.banned"),
        UNBANNED("account.unbanned"),
        AGE_SET("account.age-set"),
        PLAN_SET("account.plan-set");

        private final String wire;

        AdminAction(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    private final Outbox outbox;
    private final Clock clock;

    ModerationAudit(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * @param actionId the action's id in the audit; an action carried out on request (a ban decided on a report)
     *     keeps the request's id, so carrying it out again cannot record it twice
     * @param reason the administrator's reason; null where none is asked for (a plan)
     */
    public void record(UUID actionId, AdminAction action, UUID userId, UUID adminId, @Nullable String reason) {
        outbox.publish(new AdminActionRecorded(
                actionId, SERVICE, action.wire(), TARGET_TYPE, userId, adminId, reason, clock.instant()));
    }
}
