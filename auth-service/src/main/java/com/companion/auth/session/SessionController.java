package com.companion.auth.session;

import com.companion.auth.audit.ClientInfo;
import com.companion.auth.session.Sessions.SessionPage;
import com.companion.platform.web.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SessionController {

    private final Sessions sessions;
    private final AdulthoodPropagation propagation;

    SessionController(Sessions sessions, AdulthoodPropagation propagation) {
        this.sessions = sessions;
        this.propagation = propagation;
    }

    @Operation(summary = "Exchange a refresh token for a new access token and a new refresh token")
    @PostMapping("/auth/refresh")
    IssuedTokens refresh(@Valid @RequestBody RefreshTokenRequest body, ClientInfo client) {
        return sessions.refresh(body.refreshToken(), client);
    }

    @Operation(summary = "End the device session of a refresh token")
    @PostMapping("/auth/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(@Valid @RequestBody RefreshTokenRequest body, ClientInfo client) {
        // Answered once the services have applied the end of the device session, so that its access token, refused
        // by every service from then on, is not taken by one of them for the next few milliseconds.
        sessions.logout(body.refreshToken(), client)
                .ifPresent(userId -> propagation.awaitApplied(AdulthoodPropagation.Change.DEVICE_SESSION, userId));
    }

    @Operation(
            summary = "The caller's signed-in devices",
            description = "Most recently used first, limit (1-100, default 20) at a time; next_cursor (null on the"
                    + " last page) is passed back as cursor. 400 validation naming limit, 400 invalid-cursor.")
    @GetMapping("/auth/sessions")
    SessionPage list(
            AuthenticatedUser user,
            @Parameter(hidden = true) @AuthenticationPrincipal Jwt token,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(required = false) String cursor) {
        String sid = token.getClaimAsString("sid");
        UUID current = sid == null ? null : UUID.fromString(sid);
        return sessions.list(user.userId(), current, limit, cursor);
    }

    @Operation(summary = "Sign one of the caller's devices out")
    @DeleteMapping("/auth/sessions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable UUID id, AuthenticatedUser user, ClientInfo client) {
        sessions.revoke(user.userId(), id, client);
        propagation.awaitApplied(AdulthoodPropagation.Change.DEVICE_SESSION, user.userId());
    }
}
