package com.companion.auth.billing;

import com.companion.platform.web.problem.ApiProblem;
import org.springframework.http.HttpStatus;

final class BillingProblems {

    static ApiProblem notConfigured() {
        return new ApiProblem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "billing-not-configured",
                "Service Unavailable",
                "Billing is not configured on this server (no Stripe keys). An administrator can still set plans.");
    }

    static ApiProblem invalidSignature() {
        return new ApiProblem(
                HttpStatus.BAD_REQUEST,
                "invalid-signature",
                "Bad Request",
                "The Stripe-Signature header does not match the payload, or it is too old.");
    }

    private BillingProblems() {}
}
