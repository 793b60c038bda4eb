package com.companion.auth.billing;

import com.companion.auth.billing.Billing.SubscriptionView;
import com.companion.platform.web.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
class BillingController {

    record CheckoutRequest(
            @NotBlank @Pattern(regexp = "premium", message = "must be premium")
            String plan,

            @NotBlank @Size(max = 2048) String successUrl,
            @NotBlank @Size(max = 2048) String cancelUrl) {}

    record PortalRequest(@NotBlank @Size(max = 2048) String returnUrl) {}

    record RedirectUrl(String url) {}

    private final Billing billing;
    private final StripeWebhook webhook;

    BillingController(Billing billing, StripeWebhook webhook) {
        this.billing = billing;
        this.webhook = webhook;
    }

    @Operation(
            summary = "Start buying premium: a Stripe Checkout page",
            description = "Answers {url} of a Stripe Checkout session for the premium subscription; the plan changes"
                    + " when Stripe confirms the payment (webhook), not when the browser returns. success_url and"
                    + " cancel_url must be addresses of this app. 409 already-premium; 503 billing-not-configured"
                    + " without Stripe keys; 502 when Stripe fails.")
    @PostMapping("/billing/checkout")
    RedirectUrl checkout(AuthenticatedUser user, @Valid @RequestBody CheckoutRequest request) {
        return new RedirectUrl(billing.checkout(user.userId(), request.successUrl(), request.cancelUrl()));
    }

    @Operation(
            summary = "The Stripe customer portal, to change the card or cancel",
            description = "Answers {url}; 404 when the caller never subscribed; 503 without Stripe keys.")
    @PostMapping("/billing/portal")
    RedirectUrl portal(AuthenticatedUser user, @Valid @RequestBody PortalRequest request) {
        return new RedirectUrl(billing.portal(user.userId(), request.returnUrl()));
    }

    @Operation(
            summary = "The caller's plan and subscription",
            description = "{plan, status (none, active, trialing, past_due, canceled, ...), renews_at, manageable"
                    + " (a portal link can be asked for)}; 503 without Stripe keys.")
    @GetMapping("/billing/subscription")
    SubscriptionView subscription(AuthenticatedUser user) {
        return billing.subscription(user.userId());
    }

    @Operation(
            summary = "Stripe's webhook",
            description = "Stripe-Signature is verified with STRIPE_WEBHOOK_SECRET (400 invalid-signature when it does"
                    + " not match or is older than 5 minutes). Applies checkout.session.completed,"
                    + " customer.subscription.updated/deleted and invoice.payment_failed once per event id; answers"
                    + " {result: applied|duplicate|ignored}. Other types are acknowledged and ignored.")
    @PostMapping(value = "/billing/webhook", consumes = MediaType.ALL_VALUE)
    Map<String, String> webhook(
            @RequestBody String payload, @RequestHeader(name = "Stripe-Signature", required = false) String signature) {
        return Map.of(
                "result",
                webhook.receive(payload, signature == null ? "" : signature)
                        .name()
                        .toLowerCase(java.util.Locale.ROOT));
    }
}
