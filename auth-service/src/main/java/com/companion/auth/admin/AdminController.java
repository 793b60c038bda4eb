package com.companion.auth.admin;

import com.companion.auth.account.AccountAdministration;
import com.companion.auth.account.UserProfile;
import com.companion.auth.audit.ClientInfo;
import com.companion.platform.web.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
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
}
