package com.companion.contracts.moderation;

import com.companion.contracts.Event;
import com.companion.contracts.EventType;
import com.companion.contracts.Topics;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the moderation audit: what was done to whom, by which administrator, when and why. Each service
 * publishes its own administrative actions in the transaction that takes them (auth-service: {@code account.banned},
 * {@code account.unbanned}, {@code account.age-set}, {@code account.plan-set}; character-service:
 * {@code character.taken-down}, {@code character.restored}; chat-service: {@code report.filed},
 * {@code report.dismissed}, {@code report.resolved}). chat-service keeps them all for {@code GET /admin/audit}.
 *
 * @param service the service that took the action
 * @param targetType {@code user}, {@code character}, {@code message} or {@code report}
 * @param adminId the administrator; null for the platform itself (a report raised by repeated refusals)
 * @param reason the administrator's reason; null where none was asked for
 */
public record AdminActionRecorded(
        UUID actionId,
        String service,
        String action,
        String targetType,
        UUID targetId,
        @Nullable UUID adminId,
        @Nullable String reason,
        Instant occurredAt)
        implements Event {

    public static final EventType<AdminActionRecorded> TYPE =
            EventType.of("moderation.admin-action-recorded", Topics.MODERATION_AUDIT, AdminActionRecorded.class);

    @Override
    public String partitionKey() {
        return targetId.toString();
    }
}
