package com.companion.auth.billing;

import com.companion.auth.account.AccountAdministration;
import com.companion.auth.audit.ClientInfo;
import com.companion.auth.billing.internal.BillingStore;
import com.companion.auth.billing.internal.BillingStore.SubscriptionRow;
import com.companion.contracts.Plan;
import com.companion.platform.web.problem.ApiProblem;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies Stripe's webhook events. The signature is checked by stripe-java ({@code t=...,v1=HMAC}
 * over {@code t.payload} with the endpoint's secret, at most {@code signature-tolerance} old), so a
 * forged, altered or replayed-late request changes nothing. Each event id is applied once
 * ({@code billing_event}); an event older than the last one applied to the same user is recorded
 * and skipped, since Stripe does not promise order.
 *
 * <p>The plan follows the subscription's status: premium while it is {@code active} or
 * {@code trialing}, free otherwise ({@code past_due} after a failed payment, {@code canceled},
 * {@code unpaid}, ...). The change goes through {@link AccountAdministration#changePlan}, in the
 * same transaction, so it is audited and published as {@code UserUpdated} exactly like an admin's.
 * Event types other than the four below are acknowledged and ignored.
 */
@Service
class StripeWebhook {

    enum Outcome {
        APPLIED,
        DUPLICATE,
        IGNORED
    }

    private static final Logger log = LoggerFactory.getLogger(StripeWebhook.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> PREMIUM_STATUSES = Set.of("active", "trialing");
    private static final ClientInfo STRIPE = new ClientInfo(null, "stripe-webhook");

    private final BillingStore store;
    private final AccountAdministration accounts;
    private final BillingProperties properties;
    private final Clock clock;
    private final TransactionTemplate transaction;

    StripeWebhook(
            BillingStore store,
            AccountAdministration accounts,
            BillingProperties properties,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.store = store;
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    Outcome receive(String payload, String signature) {
        if (!properties.webhookConfigured()) {
            throw BillingProblems.notConfigured();
        }
        try {
            Webhook.Signature.verifyHeader(
                    payload,
                    signature,
                    properties.webhookSecret(),
                    properties.signatureTolerance().toSeconds(),
                    clock);
        } catch (SignatureVerificationException e) {
            log.warn("refused a Stripe webhook: {}", e.getMessage());
            throw BillingProblems.invalidSignature();
        }
        JsonNode event = parse(payload);
        String id = event.path("id").asString("");
        String type = event.path("type").asString("");
        if (id.isEmpty() || type.isEmpty()) {
            throw malformed();
        }
        Instant created = Instant.ofEpochSecond(event.path("created").asLong(0));
        JsonNode object = event.path("data").path("object");
        return transaction.execute(status -> {
            if (!store.firstDelivery(id, type, clock.instant())) {
                return Outcome.DUPLICATE;
            }
            Optional<Change> change = switch (type) {
                case "checkout.session.completed" -> checkoutCompleted(object);
                case "customer.subscription.updated" ->
                    subscription(object, object.path("status").asString(""));
                case "customer.subscription.deleted" -> subscription(object, "canceled");
                case "invoice.payment_failed" -> paymentFailed(object);
                default -> Optional.empty();
            };
            if (change.isEmpty()) {
                log.info("Stripe event {} ({}) changes nothing here", id, type);
                return Outcome.IGNORED;
            }
            return apply(change.get(), id, type, created);
        });
    }

    /** What an event says about one user's subscription. */
    private record Change(UUID userId, String customerId, String subscriptionId, String status, Instant renewsAt) {}

    private Optional<Change> checkoutCompleted(JsonNode session) {
        String paymentStatus = session.path("payment_status").asString("");
        if (!paymentStatus.equals("paid") && !paymentStatus.equals("no_payment_required")) {
            // an asynchronous payment: the subscription's own events decide
            return Optional.empty();
        }
        return uuid(session.path("client_reference_id").asString(null))
                .or(() -> uuid(session.path("metadata").path("user_id").asString(null)))
                .map(userId -> new Change(
                        userId, text(session.path("customer")), text(session.path("subscription")), "active", null));
    }

    private Optional<Change> subscription(JsonNode subscription, String status) {
        String customer = text(subscription.path("customer"));
        return uuid(subscription.path("metadata").path("user_id").asString(null))
                .or(() -> customer == null ? Optional.empty() : store.userOfCustomer(customer))
                .map(userId -> new Change(
                        userId, customer, subscription.path("id").asString(null), status, periodEnd(subscription)));
    }

    private Optional<Change> paymentFailed(JsonNode invoice) {
        String customer = text(invoice.path("customer"));
        return Optional.ofNullable(customer)
                .flatMap(store::userOfCustomer)
                .map(userId -> new Change(userId, customer, null, "past_due", null));
    }

    private Outcome apply(Change change, String eventId, String type, Instant created) {
        if (!accounts.exists(change.userId())) {
            log.info("Stripe event {} ({}) is about no account here ({})", eventId, type, change.userId());
            return Outcome.IGNORED;
        }
        Optional<SubscriptionRow> current = store.findForUpdate(change.userId());
        if (current.isPresent() && current.get().lastEventAt().isAfter(created)) {
            log.info("Stripe event {} ({}) is older than the last one applied; skipped", eventId, type);
            return Outcome.IGNORED;
        }
        store.save(
                new SubscriptionRow(
                        change.userId(),
                        change.customerId(),
                        change.subscriptionId(),
                        change.status(),
                        change.renewsAt(),
                        created),
                clock.instant());
        Plan plan = PREMIUM_STATUSES.contains(change.status()) ? Plan.PREMIUM : Plan.FREE;
        accounts.changePlan(null, change.userId(), plan, STRIPE);
        log.info(
                "Stripe event {} ({}): user {} is {} ({})",
                eventId,
                type,
                change.userId(),
                plan.wire(),
                change.status());
        return Outcome.APPLIED;
    }

    /** The period end: on the subscription's first item in current API versions, on the subscription before. */
    private static Instant periodEnd(JsonNode subscription) {
        JsonNode itemEnd = subscription.path("items").path("data").path(0).path("current_period_end");
        JsonNode end = itemEnd.isNumber() ? itemEnd : subscription.path("current_period_end");
        return end.isNumber() ? Instant.ofEpochSecond(end.asLong()) : null;
    }

    /** An id field, which Stripe sends as a string or, when expanded, as an object with an id. */
    private static String text(JsonNode node) {
        if (node.isObject()) {
            return node.path("id").asString(null);
        }
        return node.isString() ? node.asString() : null;
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static JsonNode parse(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (JacksonException e) {
            throw malformed();
        }
    }

    private static ApiProblem malformed() {
        return new ApiProblem(
                HttpStatus.BAD_REQUEST, "malformed-event", "Bad Request", "The event is not a Stripe event.");
    }
}
