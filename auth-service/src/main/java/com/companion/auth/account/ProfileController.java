package com.companion.auth.account;

import com.companion.auth.audit.ClientInfo;
import com.companion.platform.web.problem.ApiProblem;
import com.companion.platform.web.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ProfileController {

    private final AccountService accounts;

    ProfileController(AccountService accounts) {
        this.accounts = accounts;
    }

    @Operation(summary = "The caller's profile, plan and adult flag")
    @GetMapping("/auth/me")
    UserProfile me(AuthenticatedUser user) {
        return accounts.profile(user.userId());
    }

    @Operation(
            summary = "Change the caller's profile",
            description = "first_name, last_name, gender, phone_number, age; absent fields stay as they are."
                    + " age may only be lowered (a correction), compared with the age today (the stated age plus"
                    + " the years since); raising it answers 403 age-change-needs-verification and changes"
                    + " nothing: an admin sets a verified age. The same age is no change.")
    @PatchMapping("/auth/me")
    UserProfile update(AuthenticatedUser user, @Valid @RequestBody ProfilePatch patch, ClientInfo client) {
        return accounts.update(user.userId(), patch, client);
    }

    /**
     * The body is declared JSON, as on every other JSON endpoint: Spring reads a DELETE's body without
     * checking its type, so a {@code text/plain} body was answered 400 {@code malformed-body} instead of 415. The
     * body is optional in the mapping only so that a request without one still gets 400 {@code malformed-body}
     * (as POST, PUT and PATCH do) rather than 415 for its missing type.
     */
    @Operation(summary = "Delete the caller's account (asks for the password again)")
    @DeleteMapping(value = "/auth/me", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(
            AuthenticatedUser user,
            @Valid @RequestBody(required = false) DeleteAccountRequest request,
            ClientInfo client) {
        if (request == null) {
            throw ApiProblem.badRequest("malformed-body", "The request body is not valid JSON.");
        }
        accounts.delete(user.userId(), request.password(), client);
    }
}
