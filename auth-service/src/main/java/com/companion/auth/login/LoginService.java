package com.companion.auth.login;

import com.companion.auth.account.Accounts;
import com.companion.auth.account.Credentials;
import com.companion.auth.account.Problems;
import com.companion.auth.account.SignInResponse;
import com.companion.auth.audit.ClientInfo;
import com.companion.auth.audit.SecurityAudit;
import com.companion.auth.audit.SecurityEvent;
import com.companion.platform.web.problem.ApiProblem;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Login by username, email or phone. Whatever was wrong (no such account, wrong password) the
 * answer is the same 401 after the same Argon2 work, the failure that sets a lock included; a client
 * locked out of an identifier then answers 423 with when it may try again, whether or not the
 * identifier is an account.
 */
@Service
class LoginService {

    private final Accounts accounts;
    private final Credentials credentials;
    private final SecurityAudit audit;

    LoginService(Accounts accounts, Credentials credentials, SecurityAudit audit) {
        this.accounts = accounts;
        this.credentials = credentials;
        this.audit = audit;
    }

    SignInResponse login(LoginRequest request, ClientInfo client) {
        UUID userId = accounts.findIdByIdentifier(request.identifier()).orElse(null);
        switch (credentials.check(userId, typed(request.identifier()), request.password(), client)) {
            case Credentials.Valid valid -> {
                SignInResponse signedIn =
                        accounts.signIn(valid.userId(), client).orElseThrow(LoginService::invalidCredentials);
                audit.record(SecurityEvent.LOGIN_SUCCESS, valid.userId(), client);
                return signedIn;
            }
            case Credentials.Locked locked -> {
                audit.record(SecurityEvent.LOGIN_FAILURE, userId, client, Map.of("reason", "locked"));
                throw Problems.locked(locked.until());
            }
            case Credentials.Invalid invalid -> {
                audit.record(
                        SecurityEvent.LOGIN_FAILURE,
                        userId,
                        client,
                        Map.of("reason", userId == null ? "unknown_identifier" : "wrong_password"));
                throw invalidCredentials();
            }
        }
    }

    /** What was typed, in one spelling, so that retyping it differently is not a fresh count. */
    private static String typed(String identifier) {
        return identifier == null ? "" : identifier.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static ApiProblem invalidCredentials() {
        return new ApiProblem(
                HttpStatus.UNAUTHORIZED,
                "invalid-credentials",
                "Unauthorized",
                "The identifier or the password is not correct.");
    }
}
