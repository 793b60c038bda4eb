package com.companion.platform.web.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

public class PayloadTooLargeException extends RuntimeException {

    private final long limitBytes;

    public PayloadTooLargeException(long limitBytes) {
        super("request body larger than " + limitBytes + " bytes");
        this.limitBytes = limitBytes;
    }

    public ProblemDetail toProblemDetail() {
        ProblemDetail problem = Problems.of(
                HttpStatus.CONTENT_TOO_LARGE,
                "too-large",
                "The request body is larger than the " + limitBytes + " bytes allowed.");
        problem.setProperty("limit_bytes", limitBytes);
        return problem;
    }
}
