package com.companion.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the verified caller's user id (never the token) and the gateway's request id into every
 * log line of the request, beside the trace and span ids, so one request can be followed from the
 * gateway's log into every service it reached.
 */
public class CallerLogContext extends OncePerRequestFilter {

    public static final String USER_ID = "user.id";
    public static final String REQUEST_ID = "request_id";

    private static final java.util.regex.Pattern SAFE_REQUEST_ID =
            java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
            MDC.put(USER_ID, jwt.getSubject());
        }
        String requestId = request.getHeader("X-Request-Id");
        if (requestId != null && SAFE_REQUEST_ID.matcher(requestId).matches()) {
            MDC.put(REQUEST_ID, requestId);
        }
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(USER_ID);
            MDC.remove(REQUEST_ID);
        }
    }
}
