package com.companion.chat;

import com.companion.platform.web.problem.ApiProblem;
import com.companion.platform.web.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /admin/**} to a signed-in caller without the {@code admin} role: the 404 {@code not-found} of an unknown
 * resource, with {@code instance} and the gateway's {@code request_id}, as the gateway answers for the admin paths it
 * refuses itself (the gateway passes {@code /admin/blocked-messages} on, so chat-service answers it). Runs in the
 * security chain after the token is read and before authorization, so whatever the method or the parameters, nothing
 * else is answered first. A caller without a token goes on to the usual 401.
 */
final class AdminPathsHidden extends OncePerRequestFilter {

    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/admin") || path.startsWith("/admin/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn = authentication != null && authentication.getPrincipal() instanceof Jwt;
        boolean admin = signedIn
                && authentication.getAuthorities().stream().anyMatch(a -> "ROLE_admin".equals(a.getAuthority()));
        if (!signedIn || admin) {
            chain.doFilter(request, response);
            return;
        }
        ProblemDetail problem = ApiProblem.notFound("resource").toProblemDetail();
        // Problems.write puts the properties after type, title, status and detail, so these two land as the
        // gateway writes them.
        problem.setProperty("instance", request.getRequestURI());
        String requestId = request.getHeader("X-Request-Id");
        if (requestId != null && REQUEST_ID.matcher(requestId).matches()) {
            problem.setProperty("request_id", requestId);
        }
        Problems.write(response, problem);
    }
}
