package com.companion.auth.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.companion.auth.support.Api.Reply;
import com.companion.auth.support.AuthApiTest;
import com.companion.auth.support.Signups;
import com.companion.platform.test.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

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
    void theRequestAndThePlanAreCheckedBeforeWhetherStripeIsConfigured() {
        Reply signup = api.post("/auth/signup", Signups.valid().body());
        String token = signup.text("access_token");
        for (String url : List.of("https://evil.com/", "javascript:alert(1)")) {
            Reply checkout = api.post(
                    "/billing/checkout",
                    Map.of("plan", "premium", "success_url", url, "cancel_url", "http://localhost:8080/app"),
                    token);
            assertThat(checkout.status()).as(url).isEqualTo(400);
            assertThat(checkout.text("type")).isEqualTo("/problems/invalid-return-url");
            assertThat(checkout.text("detail")).startsWith("success_url");
        }
        Reply portal = api.post("/billing/portal", Map.of("return_url", "https://evil.com/"), token);
        assertThat(portal.status()).isEqualTo(400);
        assertThat(portal.text("type")).isEqualTo("/problems/invalid-return-url");

        jdbc.sql("update users set plan = 'premium' where id = cast(:id as uuid)")
                .param("id", signup.at("/user/id").asString())
                .update();
        Reply premium = api.post(
                "/billing/checkout",
                Map.of(
                        "plan", "premium",
                        "success_url", "http://localhost:8080/app",
                        "cancel_url", "http://localhost:8080/app"),
                token);
        assertThat(premium.status()).isEqualTo(409);
        assertThat(premium.text("type")).isEqualTo("/problems/already-premium");
    }

    @Test
    void anotherMethodOnTheWebhookIs405WithAllowWithOrWithoutAToken() {
        String token = api.post("/auth/signup", Signups.valid().body()).text("access_token");
        for (String bearer : java.util.Arrays.asList(null, token)) {
            Reply get = api.get("/billing/webhook", bearer);
            assertThat(get.status()).isEqualTo(405);
            assertThat(get.text("type")).isEqualTo("/problems/method-not-allowed");
            assertThat(get.headers().getAllow()).containsExactly(HttpMethod.POST);
        }
        Reply login = api.get("/auth/login", null);
        assertThat(login.status()).isEqualTo(405);
        assertThat(login.headers().getAllow()).containsExactly(HttpMethod.POST);
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
