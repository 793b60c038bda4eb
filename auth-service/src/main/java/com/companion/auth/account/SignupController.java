package com.companion.auth.account;

import com.companion.auth.audit.ClientInfo;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SignupController {

    private final AccountService accounts;

    SignupController(AccountService accounts) {
        this.accounts = accounts;
    }

    @Operation(
            summary = "Create an account and sign in on this device",
            description = "409 with `field` when the username, email or phone number belongs to another account.")
    @PostMapping("/auth/signup")
    ResponseEntity<SignInResponse> signup(@Valid @RequestBody SignupRequest request, ClientInfo client) {
        return ResponseEntity.created(URI.create("/auth/me")).body(accounts.signup(request, client));
    }
}
