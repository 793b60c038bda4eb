package com.companion.auth.login;

import com.companion.auth.account.SignInResponse;
import com.companion.auth.audit.ClientInfo;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class LoginController {

    private final LoginService logins;

    LoginController(LoginService logins) {
        this.logins = logins;
    }

    @Operation(
            summary = "Sign in with a username, an email or a phone number, and a password",
            description = "401 whatever was wrong; 423 with `locked_until` after 5 failures from one client, or while"
                    + " the account-wide brake refuses clients that never signed in to the account.")
    @PostMapping("/auth/login")
    SignInResponse login(@Valid @RequestBody LoginRequest request, ClientInfo client) {
        return logins.login(request, client);
    }
}
