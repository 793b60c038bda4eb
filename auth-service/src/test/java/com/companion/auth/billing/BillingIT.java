package com.companion.auth.billing;

import static com.companion.auth.billing.StripeEvents.SECRET;
import static com.companion.auth.billing.StripeEvents.event;
import static com.companion.auth.billing.StripeEvents.newId;
import static com.companion.auth.billing.StripeEvents.signature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.companion.auth.support.Api.Reply;
import com.companion.auth.support.AuthApiTest;
import com.companion.auth.support.Signups;
import com.companion.platform.test.IntegrationTest;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Stripe billing: Checkout against a stand-in for Stripe's API, and webhooks signed exactly as
 * Stripe signs them (valid, replayed, tampered, stale, unsigned, unknown type, out of order).
 */
@IntegrationTest(
        properties = {
            "auth.billing.secret-key=sk_test_billing_it",
            "auth.billing.price-premium=price_premium_it",
            "auth.billing.webhook-secret=" + SECRET
        })
class BillingIT extends AuthApiTest {

    private static final List<String> stripeRequests = new CopyOnWriteArrayList<>();
    private static final HttpServer stripe = fakeStripe();

    @DynamicPropertySource
    static void stripeApi(DynamicPropertyRegistry registry) {
        registry.add(
                "auth.billing.api-base",
                () -> "http://127.0.0.1:" + stripe.getAddress().getPort());
    }

    @AfterAll
    static void stopStripe() {
        stripe.stop(0);
    }

    @Test
    void checkoutOpensAStripeSessionForThePremiumPriceAndOnlyReturnsToTheApp() {
        Reply user = api.post("/auth/signup", Signups.valid().body());
        String token = user.text("access_token");
        String userId = user.at("/user/id").asString();

        Reply checkout = api.post(
                "/billing/checkout",
                Map.of(
                        "plan", "premium",
                        "success_url", "http://localhost:8080/app/billing/done",
                        "cancel_url", "http://localhost:8080/app/billing"),
                token);

        assertThat(checkout.status()).as(checkout.body().toString()).isEqualTo(200);
        assertThat(checkout.text("url")).isEqualTo("https://checkout.stripe.com/c/pay/cs_test_it");
        String form = URLDecoder.decode(stripeRequests.getLast(), StandardCharsets.UTF_8);
        assertThat(form)
                .contains("mode=subscription")
                .contains("line_items[0][price]=price_premium_it")
                .contains("client_reference_id=" + userId)
                .contains("subscription_data[metadata][user_id]=" + userId)
                .contains("customer_email=" + user.at("/user/email").asString());

        Reply elsewhere = api.post(
                "/billing/checkout",
                Map.of(
                        "plan", "premium",
                        "success_url", "https://evil.example/thanks",
                        "cancel_url", "http://localhost:8080/app/billing"),
                token);
        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(api.post("/billing/checkout", Map.of("plan", "gold", "success_url", "x", "cancel_url", "y"), token)
                        .status())
                .isEqualTo(400);
    }

    @Test
    void aSignedCheckoutCompletedMakesTheUserPremiumOnceAndAReplayChangesNothing() {
        Reply user = api.post("/auth/signup", Signups.valid().body());
        String token = user.text("access_token");
        UUID userId = UUID.fromString(user.at("/user/id").asString());
        String customer = newId("cus");
        String subscription = newId("sub");
        String payload = event(
                newId("evt"),
                "checkout.session.completed",
                Instant.now(),
                StripeEvents.checkoutCompleted(userId, customer, subscription));

        Reply applied = webhook(payload, signature(payload, Instant.now(), SECRET));

        assertThat(applied.status()).as(applied.body().toString()).isEqualTo(200);
        assertThat(applied.text("result")).isEqualTo("applied");
        assertThat(api.get("/auth/me", token).text("plan")).isEqualTo("premium");
        Reply subscriptionView = api.get("/billing/subscription", token);
        assertThat(subscriptionView.text("plan")).isEqualTo("premium");
        assertThat(subscriptionView.text("status")).isEqualTo("active");
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        !events.about(userId.toString(), "auth.user-updated").isEmpty());
        assertThat(events.about(userId.toString(), "auth.user-updated")
                        .getFirst()
                        .data()
                        .path("changed")
                        .toString())
                .isEqualTo("[\"plan\"]");

        Reply replayed = webhook(payload, signature(payload, Instant.now(), SECRET));
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.text("result")).isEqualTo("duplicate");
        await().during(Duration.ofMillis(800))
                .atMost(Duration.ofSeconds(3))
                .until(() ->
                        events.about(userId.toString(), "auth.user-updated").size() == 1);
        assertThat(jdbc.sql("select count(*) from security_audit where user_id = :u and event_type = 'plan.change'")
                        .param("u", userId)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void tamperedStaleUnsignedAndForeignlySignedEventsAreRefusedAndChangeNothing() {
        Reply user = api.post("/auth/signup", Signups.valid().body());
        UUID userId = UUID.fromString(user.at("/user/id").asString());
        UUID someoneElse = UUID.randomUUID();
        String eventId = newId("evt");
        String genuine = event(
                eventId,
                "checkout.session.completed",
                Instant.now(),
                StripeEvents.checkoutCompleted(someoneElse, newId("cus"), newId("sub")));
        String tampered = genuine.replace(someoneElse.toString(), userId.toString());
        assertThat(tampered).isNotEqualTo(genuine);

        Reply altered = webhook(tampered, signature(genuine, Instant.now(), SECRET));
        Reply stale = webhook(tampered, signature(tampered, Instant.now().minus(10, ChronoUnit.MINUTES), SECRET));
        Reply unsigned = webhook(tampered, null);
        Reply foreign = webhook(tampered, signature(tampered, Instant.now(), "whsec_someone_elses"));

        for (Reply refused : List.of(altered, stale, unsigned, foreign)) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.text("type")).endsWith("invalid-signature");
        }
        assertThat(api.get("/auth/me", user.text("access_token")).text("plan")).isEqualTo("free");
        assertThat(jdbc.sql("select count(*) from billing_event where event_id = :id")
                        .param("id", eventId)
                        .query(Integer.class)
                        .single())
                .as("nothing refused is recorded, so the genuine event can still be applied")
                .isZero();
        assertThat(jdbc.sql("select count(*) from billing_subscription where user_id = :u")
                        .param("u", userId)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void anUnknownEventTypeIsAcknowledgedAndIgnored() {
        Reply user = api.post("/auth/signup", Signups.valid().body());
        UUID userId = UUID.fromString(user.at("/user/id").asString());
        String payload = event(
                newId("evt"),
                "customer.created",
                Instant.now(),
                "{\"id\":\"cus_x\",\"object\":\"customer\",\"metadata\":{\"user_id\":\"" + userId + "\"}}");

        Reply reply = webhook(payload, signature(payload, Instant.now(), SECRET));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text("result")).isEqualTo("ignored");
        assertThat(api.get("/auth/me", user.text("access_token")).text("plan")).isEqualTo("free");
    }

    @Test
    void thePlanFollowsTheSubscriptionAndALateOlderEventChangesNothing() {
        Reply user = api.post("/auth/signup", Signups.valid().body());
        String token = user.text("access_token");
        UUID userId = UUID.fromString(user.at("/user/id").asString());
        String customer = newId("cus");
        String subscription = newId("sub");
        Instant t0 = Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        Instant renews = t0.plus(30, ChronoUnit.DAYS);

        send(event(
                newId("evt"),
                "checkout.session.completed",
                t0,
                StripeEvents.checkoutCompleted(userId, customer, subscription)));
        send(event(
                newId("evt"),
                "customer.subscription.updated",
                t0.plusSeconds(1),
                StripeEvents.subscription(userId, customer, subscription, "active", renews)));
        Reply active = api.get("/billing/subscription", token);
        assertThat(active.text("plan")).isEqualTo("premium");
        assertThat(Instant.parse(active.text("renews_at"))).isEqualTo(renews);
        assertThat(active.body().path("manageable").asBoolean()).isTrue();

        send(event(
                newId("evt"),
                "invoice.payment_failed",
                t0.plusSeconds(2),
                StripeEvents.invoice(customer, subscription)));
        assertThat(api.get("/billing/subscription", token).text("plan")).isEqualTo("free");
        assertThat(api.get("/billing/subscription", token).text("status")).isEqualTo("past_due");

        send(event(
                newId("evt"),
                "customer.subscription.updated",
                t0.plusSeconds(3),
                StripeEvents.subscription(userId, customer, subscription, "active", renews)));
        assertThat(api.get("/auth/me", token).text("plan")).isEqualTo("premium");

        send(event(
                newId("evt"),
                "customer.subscription.deleted",
                t0.plusSeconds(4),
                StripeEvents.subscription(userId, customer, subscription, "canceled", renews)));
        assertThat(api.get("/auth/me", token).text("plan")).isEqualTo("free");

        Reply late = send(event(
                newId("evt"),
                "customer.subscription.updated",
                t0.plusSeconds(2),
                StripeEvents.subscription(userId, customer, subscription, "active", renews)));
        assertThat(late.text("result")).isEqualTo("ignored");
        assertThat(api.get("/auth/me", token).text("plan")).isEqualTo("free");
        assertThat(api.get("/billing/subscription", token).text("status")).isEqualTo("canceled");
    }

    @Test
    void deletingAnAccountCancelsItsStripeSubscription() {
        Reply user = api.post("/auth/signup", Signups.valid().body());
        UUID userId = UUID.fromString(user.at("/user/id").asString());
        String subscription = newId("sub");
        send(event(
                newId("evt"),
                "checkout.session.completed",
                Instant.now(),
                StripeEvents.checkoutCompleted(userId, newId("cus"), subscription)));

        Reply deleted = api.delete("/auth/me", Map.of("password", Signups.PASSWORD), user.text("access_token"));

        assertThat(deleted.status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> stripeRequests.contains("DELETE /v1/subscriptions/" + subscription));
        assertThat(jdbc.sql("select count(*) from billing_subscription where user_id = :u")
                        .param("u", userId)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    private Reply send(String payload) {
        Reply reply = webhook(payload, signature(payload, Instant.now(), SECRET));
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return reply;
    }

    private Reply webhook(String payload, String signature) {
        return api.call(
                HttpMethod.POST,
                "/billing/webhook",
                payload,
                null,
                signature == null
                        ? Map.of(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                        : Map.of(
                                HttpHeaders.CONTENT_TYPE,
                                "application/json; charset=utf-8",
                                "Stripe-Signature",
                                signature));
    }

    /** Answers Checkout session creation as Stripe's API does, keeping each form body. */
    private static HttpServer fakeStripe() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/v1/checkout/sessions", exchange -> {
                stripeRequests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                byte[] body = """
                        {"id":"cs_test_it","object":"checkout.session","mode":"subscription",\
                        "url":"https://checkout.stripe.com/c/pay/cs_test_it"}""".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.createContext("/v1/subscriptions/", exchange -> {
                stripeRequests.add(exchange.getRequestMethod() + " "
                        + exchange.getRequestURI().getPath());
                String id = exchange.getRequestURI().getPath().substring("/v1/subscriptions/".length());
                byte[] body = ("{\"id\":\"" + id + "\",\"object\":\"subscription\",\"status\":\"canceled\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
