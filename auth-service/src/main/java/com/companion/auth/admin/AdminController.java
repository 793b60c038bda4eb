package com.companion.auth.admin;

import com.companion.auth.account.AccountAdministration;
import com.companion.auth.account.UserProfile;
import com.companion.auth.audit.ClientInfo;
import com.companion.platform.web.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasRole('admin')")
class AdminController {

    private final AccountAdministration administration;

    AdminController(AccountAdministration administration) {
        this.administration = administration;
    }

    @Operation(summary = "Set a user's plan (admin only)", description = "Publishes UserUpdated when the plan changes.")
    @PutMapping("/admin/users/{id}/plan")
    UserProfile changePlan(
            @PathVariable UUID id,
            @Valid @RequestBody PlanRequest request,
            AuthenticatedUser admin,
            ClientInfo client) {
        return administration.changePlan(admin.userId(), id, request.plan(), client);
    }

    @Operation(
            summary = "Set a user's age once verified (admin only)",
            description = "The only way an age goes up (an owner may only lower it). age 13 to 120; reason 1 to 500"
                    + " characters, kept in the security audit with the admin, the old and the new age. Answers the"
                    + " updated profile; the user's age today is no change. Publishes UserUpdated when the adult"
                    + " flag changes; the user's next refresh carries it. 404 for an unknown user.")
    @PutMapping("/admin/users/{id}/age")
    UserProfile changeAge(
            @PathVariable UUID id, @Valid @RequestBody AgeRequest request, AuthenticatedUser admin, ClientInfo client) {
        return administration.changeAge(admin.userId(), id, request.age(), request.reason(), client);
    }

    @Operation(
            summary = "Ban a user (admin only)",
            description = "The account is disabled and every device session ends (open sockets close; refresh and"
                    + " sign-in are refused); published as UserUpdated (status). reason (optional) 1 to 500 characters, kept in"
                    + " the security audit. 409 admin-account for an administrator; 404 for an unknown user.")
    @PostMapping("/admin/users/{id}/ban")
    UserProfile ban(
            @PathVariable UUID id,
            @Valid @RequestBody(required = false) @Nullable ModerationReason request,
            AuthenticatedUser admin,
            ClientInfo client) {
        return administration.ban(admin.userId(), id, ModerationReason.of(request), client);
    }

    @Operation(summary = "Lift a user's ban (admin only)", description = "The account is active again; audited.")
    @PostMapping("/admin/users/{id}/unban")
    UserProfile unban(
            @PathVariable UUID id,
            @Valid @RequestBody(required = false) @Nullable ModerationReason request,
            AuthenticatedUser admin,
            ClientInfo client) {
        return administration.unban(admin.userId(), id, ModerationReason.of(request), client);
    }
}
