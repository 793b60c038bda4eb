package com.companion.auth.billing;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Stripe. Without the keys billing answers 503 billing-not-configured and plans are an admin's to set.
 *
 * @param secretKey STRIPE_SECRET_KEY, for Checkout and the customer portal
 * @param webhookSecret STRIPE_WEBHOOK_SECRET, the signing secret of the webhook endpoint
 * @param pricePremium STRIPE_PRICE_PREMIUM, the recurring price of the premium plan
 * @param signatureTolerance how old a signed webhook may be (Stripe's libraries use 5 minutes)
 * @param apiBase Stripe's API address; only tests change it
 */
@Validated
@ConfigurationProperties("auth.billing")
public record BillingProperties(
        String secretKey,
        String webhookSecret,
        String pricePremium,
        @NotNull @DefaultValue("5m") Duration signatureTolerance,
        @DefaultValue("https://api.stripe.com") String apiBase) {

    boolean checkoutConfigured() {
        return present(secretKey) && present(pricePremium);
    }

    boolean webhookConfigured() {
        return present(webhookSecret);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public String toString() {
        return "BillingProperties[pricePremium=" + pricePremium + ", keys=<hidden>]";
    }
}
