package com.companion.auth.billing.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code billing_subscription} and {@code billing_event}. */
@Repository
public class BillingStore {

    /** A user's subscription as the last applied Stripe event left it. */
    public record SubscriptionRow(
            UUID userId,
            String customerId,
            String subscriptionId,
            String status,
            Instant renewsAt,
            Instant lastEventAt) {}

    private final JdbcClient jdbc;

    BillingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records an event as applied; false when it was already (a redelivery or a replay). */
    public boolean firstDelivery(String eventId, String eventType, Instant now) {
        return jdbc.sql("""
                        insert into billing_event (event_id, event_type, received_at) values (:id, :type, :now)
                        on conflict (event_id) do nothing
                        """)
                        .param("id", eventId)
                        .param("type", eventType)
                        .param("now", utc(now))
                        .update()
                == 1;
    }

    public Optional<SubscriptionRow> findForUpdate(UUID userId) {
        return jdbc.sql("select * from billing_subscription where user_id = :user for update")
                .param("user", userId)
                .query((rs, n) -> row(rs))
                .optional();
    }

    public Optional<SubscriptionRow> find(UUID userId) {
        return jdbc.sql("select * from billing_subscription where user_id = :user")
                .param("user", userId)
                .query((rs, n) -> row(rs))
                .optional();
    }

    public Optional<UUID> userOfCustomer(String customerId) {
        return jdbc.sql("select user_id from billing_subscription where customer_id = :customer")
                .param("customer", customerId)
                .query(UUID.class)
                .optional();
    }

    public void save(SubscriptionRow row, Instant now) {
        jdbc.sql("""
                        insert into billing_subscription
                            (user_id, customer_id, subscription_id, status, renews_at, last_event_at, updated_at)
                        values (:user, :customer, :subscription, :status, :renewsAt, :lastEventAt, :now)
                        on conflict (user_id) do update set
                            customer_id = coalesce(excluded.customer_id, billing_subscription.customer_id),
                            subscription_id = coalesce(excluded.subscription_id, billing_subscription.subscription_id),
                            status = excluded.status,
                            renews_at = coalesce(excluded.renews_at, billing_subscription.renews_at),
                            last_event_at = excluded.last_event_at,
                            updated_at = excluded.updated_at
                        """)
                .param("user", row.userId())
                .param("customer", row.customerId())
                .param("subscription", row.subscriptionId())
                .param("status", row.status())
                .param("renewsAt", row.renewsAt() == null ? null : utc(row.renewsAt()))
                .param("lastEventAt", utc(row.lastEventAt()))
                .param("now", utc(now))
                .update();
    }

    private static SubscriptionRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
        OffsetDateTime renews = rs.getObject("renews_at", OffsetDateTime.class);
        return new SubscriptionRow(
                rs.getObject("user_id", UUID.class),
                rs.getString("customer_id"),
                rs.getString("subscription_id"),
                rs.getString("status"),
                renews == null ? null : renews.toInstant(),
                rs.getObject("last_event_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
