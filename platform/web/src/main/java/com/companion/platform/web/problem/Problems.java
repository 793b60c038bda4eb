package com.companion.platform.web.problem;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** Building blocks shared by the exception handler, the security entry points and filters. */
public final class Problems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A request id as the gateway sets it (and as the caller may pass it on): kept only when it looks like one. */
    private static final java.util.regex.Pattern REQUEST_ID = java.util.regex.Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    public static URI type(String slug) {
        return URI.create("/problems/" + slug);
    }

    public static ProblemDetail of(HttpStatus status, String slug, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(slug));
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }

    public static ProblemDetail validation(List<FieldError> errors) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "validation", "The request has invalid fields; see errors.");
        problem.setProperty("errors", errors);
        return problem;
    }

    /**
     * The answer to a caller who is known but lacks a role: 403 {@code forbidden}, except under {@code /admin/}, where
     * it is the 404 {@code not-found} of an unknown resource, so the administrative API does not reveal itself. Either
     * carries {@code instance} and the gateway's {@code request_id}, as the gateway's own problems do, so the
     * 404 reads exactly like one for a resource that is not there.
     */
    public static ProblemDetail accessDenied(jakarta.servlet.http.HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        ProblemDetail problem = path.equals("/admin") || path.startsWith("/admin/")
                ? ApiProblem.notFound("resource").toProblemDetail()
                : of(HttpStatus.FORBIDDEN, "forbidden", "You are not allowed to do this.");
        return aboutRequest(problem, request);
    }

    /** Adds what every problem says of its request: {@code instance}, the path, and the gateway's {@code request_id}. */
    private static ProblemDetail aboutRequest(ProblemDetail problem, jakarta.servlet.http.HttpServletRequest request) {
        problem.setProperty("instance", request.getRequestURI());
        String requestId = request.getHeader("X-Request-Id");
        if (requestId != null && REQUEST_ID.matcher(requestId).matches()) {
            problem.setProperty("request_id", requestId);
        }
        return problem;
    }

    /**
     * Writes a problem outside Spring MVC (filters, security entry points), with {@code instance} and the gateway's
     * {@code request_id} as every other problem carries them.
     */
    public static void write(
            jakarta.servlet.http.HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response,
            ProblemDetail problem)
            throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.putAll(aboutRequest(problem, request).getProperties());
        JSON.writeValue(response.getOutputStream(), body);
    }

    private Problems() {}
}
