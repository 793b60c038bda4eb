package com.companion.auth.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.companion.auth.support.Api.Reply;
import com.companion.auth.support.AuthApiTest;
import com.companion.auth.support.Signups;
import com.companion.platform.test.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Without Stripe keys the endpoints that call Stripe or take its events answer 503 billing-not-configured; the
 * subscription, read from the database, still answers.
 */
@IntegrationTest
class BillingNotConfiguredIT extends AuthApiTest {

    @Test
    void withoutStripeKeysCheckoutAndTheWebhookAnswer503() {
        String token = api.post("/auth/signup", Signups.valid().body()).text("access_token");
        Reply checkout = api.post(
                "/billing/checkout",
                Map.of(
                        "plan", "premium",
                        "success_url", "http://localhost:8080/app",
                        "cancel_url", "http://localhost:8080/app"),
                token);
        Reply webhook = api.post("/billing/webhook", "{\"id\":\"evt_1\"}");

        for (Reply reply : List.of(checkout, webhook)) {
            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.text("type")).endsWith("billing-not-configured");
        }
    }

    @Test
    void withoutStripeKeysTheSubscriptionIsStillReadFromTheDatabase() {
        String token = api.post("/auth/signup", Signups.valid().body()).text("access_token");

        Reply subscription = api.get("/billing/subscription", token);

        assertThat(subscription.status()).isEqualTo(200);
        assertThat(subscription.text("plan")).isEqualTo("free");
        assertThat(subscription.text("status")).isEqualTo("none");
    }
}
