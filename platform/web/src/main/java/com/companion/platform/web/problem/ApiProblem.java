package com.companion.platform.web.problem;

import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * An error a controller or service raises on purpose. The handler turns it into an RFC 9457
 * problem: {@code type} is a stable slug under {@code /problems/}, {@code detail} is safe to
 * show to the caller. Extra properties (such as the field that was taken) are added as-is.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String slug;
    private final String title;
    private final Map<String, Object> properties;

    public ApiProblem(HttpStatus status, String slug, String title, String detail, Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.properties = Map.copyOf(properties);
    }

    public ApiProblem(HttpStatus status, String slug, String title, String detail) {
        this(status, slug, title, detail, Map.of());
    }

    /** The answer for anything the caller may not see, so its existence is not leaked. */
    public static ApiProblem notFound(String what) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not Found", what + " not found");
    }

    public static ApiProblem conflict(String slug, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, slug, "Conflict", detail);
    }

    public static ApiProblem badRequest(String slug, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, slug, "Bad Request", detail);
    }

    /** 429 with {@code retry_after} (seconds) in the body and the {@code Retry-After} header. */
    public static ApiProblem tooManyRequests(String detail, long retryAfterSeconds) {
        return new ApiProblem(
                HttpStatus.TOO_MANY_REQUESTS,
                "rate-limited",
                "Too Many Requests",
                detail,
                Map.of(RETRY_AFTER, retryAfterSeconds));
    }

    static final String RETRY_AFTER = "retry_after";

    public HttpStatus status() {
        return status;
    }

    public ProblemDetail toProblemDetail() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
        problem.setType(Problems.type(slug));
        problem.setTitle(title);
        properties.forEach(problem::setProperty);
        return problem;
    }

    /** Seconds the caller should wait before trying again, when the problem says. */
    public java.util.OptionalLong retryAfterSeconds() {
        return properties.get(RETRY_AFTER) instanceof Number n
                ? java.util.OptionalLong.of(n.longValue())
                : java.util.OptionalLong.empty();
    }

    /** The stable slug of {@code type}: {@code content-blocked}, {@code rate-limited}, ... */
    public String slug() {
        return slug;
    }

    /** The extra properties of the problem ({@code policy}, {@code support}, {@code retry_after}, ...). */
    public Map<String, Object> properties() {
        return properties;
    }

    public URI type() {
        return Problems.type(slug);
    }
}
