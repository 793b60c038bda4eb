package com.companion.auth.account;

import com.companion.auth.account.PasswordRequests.ChangeEmail;
import com.companion.auth.account.PasswordRequests.ChangePassword;
import com.companion.auth.account.PasswordRequests.ForgotPassword;
import com.companion.auth.account.PasswordRequests.ResetPassword;
import com.companion.auth.account.PasswordRequests.TokenBody;
import com.companion.auth.audit.ClientInfo;
import com.companion.platform.web.NoBody;
import com.companion.platform.web.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Password change and reset, email verification and change. */
@RestController
class CredentialsController {

    private final PasswordService passwords;
    private final EmailService emails;

    CredentialsController(PasswordService passwords, EmailService emails) {
        this.passwords = passwords;
        this.emails = emails;
    }

    @Operation(
            summary = "Change the caller's password",
            description = "Needs the current password (403 wrong-password, 423 while locked); a new password equal"
                    + " to it is 400 validation naming new_password. Every other device is signed out; this one"
                    + " stays. The account's address gets a password-changed mail.")
    @PostMapping("/auth/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void change(
            AuthenticatedUser user,
            @Parameter(hidden = true) @AuthenticationPrincipal Jwt token,
            @Valid @RequestBody ChangePassword body,
            ClientInfo client) {
        String sid = token.getClaimAsString("sid");
        passwords.change(
                user.userId(),
                sid == null ? null : UUID.fromString(sid),
                body.currentPassword(),
                body.newPassword(),
                client);
    }

    @Operation(
            summary = "Ask for a password-reset link",
            description = "202 whatever the address: when it is an active account's, a link valid once for 30"
                    + " minutes is mailed to it (a newer request replaces the older link).")
    @PostMapping("/auth/password/forgot")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void forgot(@Valid @RequestBody ForgotPassword body, ClientInfo client) {
        passwords.forgot(body.email(), client);
    }

    @Operation(
            summary = "Set a new password with a reset link's token",
            description = "204; every device is signed out. 400 invalid-token for an unknown, used or expired token.")
    @PostMapping("/auth/password/reset")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reset(@Valid @RequestBody ResetPassword body, ClientInfo client) {
        passwords.reset(body.token(), body.newPassword(), client);
    }

    @Operation(
            summary = "Confirm the account's email address with the token of the mailed link",
            description = "204; the profile's email_verified becomes true. 400 invalid-token otherwise.")
    @PostMapping("/auth/email/verify")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void verify(@Valid @RequestBody TokenBody body, ClientInfo client) {
        emails.verify(body.token(), client);
    }

    @Operation(
            summary = "Mail the verification link again",
            description = "202; nothing is sent when the address is verified already. Earlier links stop working.")
    @PostMapping("/auth/email/resend")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void resend(AuthenticatedUser user, @RequestBody(required = false) @Nullable NoBody none) {
        emails.resend(user.userId());
    }

    @Operation(
            summary = "Change the account's email address",
            description = "Needs the password (403 wrong-password). 202: a confirmation link is mailed to the new"
                    + " address and the account keeps its address until it is confirmed; 409 when the new address"
                    + " is another account's.")
    @PostMapping("/auth/email/change")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void changeEmail(AuthenticatedUser user, @Valid @RequestBody ChangeEmail body, ClientInfo client) {
        emails.requestChange(user.userId(), body.password(), body.newEmail(), client);
    }

    @Operation(
            summary = "Confirm a new email address with the token mailed to it",
            description = "204: the address changes (verified) and the old one is told. 400 invalid-token; 409 when"
                    + " the address was taken meanwhile.")
    @PostMapping("/auth/email/change/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void confirmEmail(@Valid @RequestBody TokenBody body, ClientInfo client) {
        emails.confirmChange(body.token(), client);
    }
}
