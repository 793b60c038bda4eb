package com.companion.auth.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.companion.auth.support.Api.Reply;
import com.companion.auth.support.AuthApiTest;
import com.companion.auth.support.Signups;
import com.companion.platform.test.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Without Stripe keys every billing endpoint answers 503 billing-not-configured. */
@IntegrationTest
class BillingNotConfiguredIT extends AuthApiTest {

    @Test
    void withoutStripeKeysBillingAnswers503() {
        String token = api.post("/auth/signup", Signups.valid().body()).text("access_token");
        Reply checkout = api.post(
                "/billing/checkout",
                Map.of(
                        "plan", "premium",
                        "success_url", "http://localhost:8080/app",
                        "cancel_url", "http://localhost:8080/app"),
                token);
        Reply subscription = api.get("/billing/subscription", token);
        Reply webhook = api.post("/billing/webhook", "{\"id\":\"evt_1\"}");

        for (Reply reply : List.of(checkout, subscription, webhook)) {
            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.text("type")).endsWith("billing-not-configured");
        }
    }
}
