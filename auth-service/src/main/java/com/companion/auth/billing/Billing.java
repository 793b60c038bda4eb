package com.companion.auth.billing;

import com.companion.auth.account.AccountAdministration;
import com.companion.auth.account.AccountAdministration.BillingAccount;
import com.companion.auth.account.AccountDeleting;
import com.companion.auth.billing.internal.BillingStore;
import com.companion.auth.billing.internal.BillingStore.SubscriptionRow;
import com.companion.auth.mail.MailProperties;
import com.companion.contracts.Plan;
import com.companion.platform.web.problem.ApiProblem;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.param.checkout.SessionCreateParams;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Buying premium: a Stripe Checkout session for the premium price (the plan changes when Stripe's
 * webhook says the payment went through, never on the client's return), the customer portal to
 * manage or cancel it, and the subscription as billing knows it. Return URLs must lead back to
 * the app ({@code AUTH_PUBLIC_URL}), so a checkout link cannot send a payer elsewhere.
 */
@Service
class Billing {

    record SubscriptionView(Plan plan, String status, Instant renewsAt, boolean manageable) {}

    private static final Logger log = LoggerFactory.getLogger(Billing.class);

    private final BillingProperties properties;
    private final MailProperties site;
    private final AccountAdministration accounts;
    private final BillingStore store;
    private final StripeClient stripe;

    Billing(BillingProperties properties, MailProperties site, AccountAdministration accounts, BillingStore store) {
        this.properties = properties;
        this.site = site;
        this.accounts = accounts;
        this.store = store;
        this.stripe = properties.checkoutConfigured()
                ? StripeClient.builder()
                        .setApiKey(properties.secretKey())
                        .setApiBase(properties.apiBase())
                        .setConnectTimeout(5_000)
                        .setReadTimeout(15_000)
                        .setMaxNetworkRetries(2)
                        .build()
                : null;
    }

    /** The request, then the account, then Stripe: 400 and 409 answer whether or not billing is configured. */
    String checkout(UUID userId, String successUrl, String cancelUrl) {
        requireOwnSite("success_url", successUrl);
        requireOwnSite("cancel_url", cancelUrl);
        BillingAccount account = accounts.billingAccount(userId).orElseThrow(() -> ApiProblem.notFound("account"));
        if (account.plan() == Plan.PREMIUM) {
            throw new ApiProblem(HttpStatus.CONFLICT, "already-premium", "Conflict", "The account is premium already.");
        }
        StripeClient client = configured();
        Optional<String> customer = store.find(userId).map(SubscriptionRow::customerId);
        SessionCreateParams.Builder params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                .addLineItem(SessionCreateParams.LineItem.builder()
                        .setPrice(properties.pricePremium())
                        .setQuantity(1L)
                        .build())
                .setSuccessUrl(successUrl)
                .setCancelUrl(cancelUrl)
                .setClientReferenceId(userId.toString())
                .putMetadata("user_id", userId.toString())
                .setSubscriptionData(SessionCreateParams.SubscriptionData.builder()
                        .putMetadata("user_id", userId.toString())
                        .build());
        if (customer.isPresent()) {
            params.setCustomer(customer.get());
        } else {
            params.setCustomerEmail(account.email());
        }
        try {
            return client.v1().checkout().sessions().create(params.build()).getUrl();
        } catch (StripeException e) {
            throw stripeFailed(e);
        }
    }

    String portal(UUID userId, String returnUrl) {
        requireOwnSite("return_url", returnUrl);
        String customer = store.find(userId)
                .map(SubscriptionRow::customerId)
                .orElseThrow(() -> ApiProblem.notFound("subscription"));
        StripeClient client = configured();
        try {
            return client.v1()
                    .billingPortal()
                    .sessions()
                    .create(com.stripe.param.billingportal.SessionCreateParams.builder()
                            .setCustomer(customer)
                            .setReturnUrl(returnUrl)
                            .build())
                    .getUrl();
        } catch (StripeException e) {
            throw stripeFailed(e);
        }
    }

    /** From the database alone, so it answers without Stripe keys too (a free account: plan free, status none). */
    SubscriptionView subscription(UUID userId) {
        BillingAccount account = accounts.billingAccount(userId).orElseThrow(() -> ApiProblem.notFound("account"));
        Optional<SubscriptionRow> row = store.find(userId);
        return new SubscriptionView(
                account.plan(),
                row.map(SubscriptionRow::status).orElse("none"),
                row.map(SubscriptionRow::renewsAt).orElse(null),
                row.map(SubscriptionRow::customerId).isPresent());
    }

    /**
     * A deleted account must not go on paying: its subscription is cancelled at Stripe right after
     * the deletion commits. Best effort: a failure is logged with the subscription id for an
     * operator (the account and its billing row are gone by then).
     */
    @EventListener
    void on(AccountDeleting deleting) {
        Optional<String> subscriptionId = store.find(deleting.userId())
                .filter(row -> !"canceled".equals(row.status()))
                .map(SubscriptionRow::subscriptionId);
        if (subscriptionId.isEmpty()) {
            return;
        }
        if (stripe == null) {
            log.error(
                    "account {} was deleted with Stripe subscription {} and billing is not configured: cancel it by hand",
                    deleting.userId(),
                    subscriptionId.get());
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    stripe.v1().subscriptions().cancel(subscriptionId.get());
                    log.info(
                            "cancelled Stripe subscription {} of deleted account {}",
                            subscriptionId.get(),
                            deleting.userId());
                } catch (StripeException e) {
                    log.error(
                            "could not cancel Stripe subscription {} of deleted account {}: {}; cancel it by hand",
                            subscriptionId.get(),
                            deleting.userId(),
                            e.getMessage());
                }
            }
        });
    }

    private StripeClient configured() {
        if (stripe == null) {
            throw BillingProblems.notConfigured();
        }
        return stripe;
    }

    private void requireOwnSite(String field, String url) {
        URI site = this.site.publicUrl();
        URI given;
        try {
            given = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw invalidUrl(field);
        }
        boolean same = site.getScheme().equalsIgnoreCase(String.valueOf(given.getScheme()))
                && site.getHost().equalsIgnoreCase(String.valueOf(given.getHost()))
                && site.getPort() == given.getPort();
        if (!same) {
            throw invalidUrl(field);
        }
    }

    private ApiProblem invalidUrl(String field) {
        return ApiProblem.badRequest(
                "invalid-return-url", field + " must be an address of this app (" + site.publicUrl() + ")");
    }

    private static ApiProblem stripeFailed(StripeException e) {
        log.warn("Stripe refused or failed: {} (request {})", e.getMessage(), e.getRequestId());
        return new ApiProblem(
                HttpStatus.BAD_GATEWAY,
                "billing-provider-failed",
                "Bad Gateway",
                "The payment provider did not answer.");
    }
}
