package com.companion.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.companion.system.Api.Response;
import com.companion.system.Api.User;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Buying premium through the gateway: Stripe's {@code checkout.session.completed}, signed as Stripe
 * signs webhooks with the stack's webhook secret ({@code deploy/local/run} sets a local one, {@code
 * STRIPE_WEBHOOK_SECRET} overrides it), makes the user's next reply ad-free, the very reply that would
 * have brought the ad. No Stripe API call is needed for a webhook.
 */
@ExtendWith(Stack.class)
class BillingSystemIT {

    static final String WEBHOOK_SECRET = System.getProperty(
            "system.stripe-webhook-secret",
            System.getenv().getOrDefault("STRIPE_WEBHOOK_SECRET", "whsec_local_stack_not_a_secret"));

    @Test
    void aPaidCheckoutMakesTheNextReplyAdFree() {
        User user = Api.signup(29);
        UUID session = ChatSystemIT.session(user, Characters.create(user, "private", false));
        for (int i = 1; i <= 9; i++) {
            JsonNode reply = ChatSystemIT.send(
                    user, session, ChatSystemIT.scripted("Message number " + i, "Lovely to hear from you, " + i + "."));
            assertThat(reply.path("ad_counter").asLong()).isEqualTo(i);
            assertThat(reply.path("show_ad").asBoolean()).as("reply %d", i).isFalse();
        }
        assertThat(Api.get("/chat/usage", user).json().path("daily_limit").isNumber())
                .as("a free user has a daily limit")
                .isTrue();

        String payload = checkoutCompleted(user.id());
        Response webhook = Api.send(Api.request("/billing/webhook", null)
                .header("Content-Type", "application/json")
                .header("Stripe-Signature", signature(payload, Instant.now()))
                .POST(HttpRequest.BodyPublishers.ofString(payload))
                .build());
        assertThat(webhook.status())
                .as("the stack must run with the test's STRIPE_WEBHOOK_SECRET: " + webhook.raw())
                .isEqualTo(200);
        assertThat(webhook.json().path("result").asString()).isEqualTo("applied");
        assertThat(Api.get("/auth/me", user).json().path("plan").asString()).isEqualTo("premium");
        // The purchase reaches chat-service as auth.user-updated; the access token still says free.
        await().atMost(Duration.ofSeconds(15))
                .until(() ->
                        !Api.get("/chat/usage", user).json().path("daily_limit").isNumber());

        JsonNode tenth = ChatSystemIT.send(
                user, session, ChatSystemIT.scripted("Message number 10", "Lovely to hear from you, 10."));
        assertThat(tenth.path("ad_counter").asLong()).isEqualTo(10);
        assertThat(tenth.path("show_ad").asBoolean())
                .as("the tenth reply of a free session brings an ad; after the purchase it does not")
                .isFalse();
        assertThat(tenth.has("ad") && !tenth.path("ad").isNull()).isFalse();
    }

    /** A {@code checkout.session.completed} event as Stripe sends it for the premium subscription. */
    private static String checkoutCompleted(UUID userId) {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String session = """
                {"id":"cs_test_%s","object":"checkout.session","mode":"subscription","status":"complete",\
                "payment_status":"paid","client_reference_id":"%s","customer":"cus_%s","subscription":"sub_%s",\
                "metadata":{"user_id":"%s"}}""".formatted(id, userId, id, id, userId);
        return """
                {"id":"evt_%s","object":"event","api_version":"2025-09-30.clover","created":%d,"livemode":false,\
                "pending_webhooks":1,"request":{"id":null,"idempotency_key":null},"type":"checkout.session.completed",\
                "data":{"object":%s}}""".formatted(id, Instant.now().getEpochSecond(), session);
    }

    /** {@code t=<seconds>,v1=<hex HMAC-SHA256 of "t.payload" keyed by the endpoint secret>}, as Stripe computes it. */
    private static String signature(String payload, Instant at) {
        long t = at.getEpochSecond();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((t + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + t + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
