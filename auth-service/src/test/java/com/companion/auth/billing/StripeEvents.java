package com.companion.auth.billing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Stripe webhook events as Stripe sends them, and their Stripe-Signature as Stripe computes it. */
final class StripeEvents {

    static final String SECRET = "whsec_test_4eC39HqLyjWDarjtT1zdp7dc";

    static String event(String id, String type, Instant created, String object) {
        return """
                {"id":"%s","object":"event","api_version":"2025-09-30.clover","created":%d,"livemode":false,\
                "pending_webhooks":1,"request":{"id":null,"idempotency_key":null},"type":"%s",\
                "data":{"object":%s}}""".formatted(id, created.getEpochSecond(), type, object);
    }

    static String checkoutCompleted(UUID userId, String customer, String subscription) {
        return """
                {"id":"cs_test_%s","object":"checkout.session","mode":"subscription","status":"complete",\
                "payment_status":"paid","client_reference_id":"%s","customer":"%s","subscription":"%s",\
                "metadata":{"user_id":"%s"}}""".formatted(shortId(), userId, customer, subscription, userId);
    }

    static String subscription(UUID userId, String customer, String id, String status, Instant periodEnd) {
        return """
                {"id":"%s","object":"subscription","customer":"%s","status":"%s","metadata":{"user_id":"%s"},\
                "items":{"object":"list","data":[{"id":"si_%s","object":"subscription_item",\
                "current_period_end":%d}]}}""".formatted(id, customer, status, userId, shortId(), periodEnd.getEpochSecond());
    }

    static String invoice(String customer, String subscription) {
        return """
                {"id":"in_%s","object":"invoice","customer":"%s","status":"open","attempt_count":1,\
                "parent":{"subscription_details":{"subscription":"%s"}}}""".formatted(shortId(), customer, subscription);
    }

    /** {@code t=<seconds>,v1=<hex HMAC-SHA256 of "t.payload" keyed by the endpoint secret>}. */
    static String signature(String payload, Instant at, String secret) {
        long t = at.getEpochSecond();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((t + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + t + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String newId(String prefix) {
        return prefix + "_" + shortId();
    }

    private static String shortId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    private StripeEvents() {}
}
