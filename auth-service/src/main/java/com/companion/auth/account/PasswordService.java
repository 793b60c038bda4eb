package com.companion.auth.account;

import com.companion.auth.account.internal.AccountTokenStore;
import com.companion.auth.account.internal.AccountTokenStore.Purpose;
import com.companion.auth.account.internal.AccountTokenStore.UsedToken;
import com.companion.auth.account.internal.FieldProblems;
import com.companion.auth.account.internal.PasswordHasher;
import com.companion.auth.account.internal.PasswordPolicy;
import com.companion.auth.account.internal.UserRow;
import com.companion.auth.account.internal.UserStore;
import com.companion.auth.audit.ClientInfo;
import com.companion.auth.audit.SecurityAudit;
import com.companion.auth.audit.SecurityEvent;
import com.companion.auth.session.Sessions;
import com.companion.platform.web.problem.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changing a password (knowing the current one: other devices are signed out, this one stays) and
 * resetting a forgotten one by a link mailed to the account's address (single use, 30 minutes,
 * stored hashed; every device is signed out). Asking for a reset answers the same whether or not
 * the address is an account's, so it tells nobody which addresses have accounts. New passwords
 * are hashed before a transaction opens.
 */
@Service
class PasswordService {

    private final UserStore users;
    private final AccountTokenStore tokens;
    private final AccountMail mail;
    private final Credentials credentials;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final Sessions sessions;
    private final SecurityAudit audit;
    private final AccountProperties properties;
    private final Clock clock;
    private final TransactionTemplate transaction;

    PasswordService(
            UserStore users,
            AccountTokenStore tokens,
            AccountMail mail,
            Credentials credentials,
            PasswordHasher hasher,
            PasswordPolicy policy,
            Sessions sessions,
            SecurityAudit audit,
            AccountProperties properties,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.users = users;
        this.tokens = tokens;
        this.mail = mail;
        this.credentials = credentials;
        this.hasher = hasher;
        this.policy = policy;
        this.sessions = sessions;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    void change(UUID userId, UUID currentSessionId, String current, String next, ClientInfo client) {
        // A "change" to the same password would change nothing but still sign every other device out.
        if (next.equals(current)) {
            throw FieldProblems.invalid("new_password", "must differ from the current password");
        }
        switch (credentials.check(userId, current, client)) {
            case Credentials.Valid valid -> {}
            case Credentials.Locked locked -> throw Problems.locked(locked.until());
            case Credentials.Invalid invalid -> {
                audit.record(SecurityEvent.PASSWORD_CHANGE_REFUSED, userId, client, Map.of("reason", "wrong_password"));
                throw wrongPassword();
            }
        }
        UserRow user = users.find(userId).orElseThrow(() -> ApiProblem.notFound("account"));
        String hash = acceptableHash(next, user, "new_password");
        transaction.executeWithoutResult(status -> {
            Instant now = clock.instant();
            users.updatePasswordHash(userId, hash, now);
            int signedOut = currentSessionId == null
                    ? sessions.revokeAll(userId, "password_changed")
                    : sessions.revokeAllExcept(userId, currentSessionId, "password_changed");
            tokens.revoke(userId, Purpose.RESET_PASSWORD);
            mail.passwordChanged(user, now);
            audit.record(SecurityEvent.PASSWORD_CHANGED, userId, client, Map.of("sessions_revoked", signedOut));
        });
    }

    /** Mails a reset link when the address is an active account's; answers nothing either way. */
    void forgot(String email, ClientInfo client) {
        transaction.executeWithoutResult(status -> {
            Optional<UserRow> user = users.findByEmailForUpdate(email.strip()).filter(UserRow::active);
            if (user.isEmpty()) {
                return;
            }
            Instant now = clock.instant();
            String token = tokens.issue(
                    user.get().id(), Purpose.RESET_PASSWORD, null, now, now.plus(properties.resetPasswordTtl()));
            mail.resetPassword(user.get(), token);
            audit.record(SecurityEvent.PASSWORD_RESET_REQUESTED, user.get().id(), client);
        });
    }

    void reset(String token, String next, ClientInfo client) {
        UserRow owner = tokens.peek(token, Purpose.RESET_PASSWORD, clock.instant())
                .flatMap(peeked -> users.find(peeked.userId()))
                .filter(UserRow::active)
                .orElseThrow(EmailService::invalidToken);
        String hash = acceptableHash(next, owner, "new_password");
        transaction.executeWithoutResult(status -> {
            Instant now = clock.instant();
            UsedToken used = tokens.use(token, Purpose.RESET_PASSWORD, now)
                    .filter(it -> it.userId().equals(owner.id()))
                    .orElseThrow(EmailService::invalidToken);
            users.updatePasswordHash(used.userId(), hash, now);
            int signedOut = sessions.revokeAll(used.userId(), "password_reset");
            mail.passwordChanged(owner, now);
            audit.record(SecurityEvent.PASSWORD_RESET, used.userId(), client, Map.of("sessions_revoked", signedOut));
        });
    }

    private String acceptableHash(String password, UserRow user, String field) {
        policy.problem(password, user.username(), user.email()).ifPresent(problem -> {
            throw FieldProblems.invalid(field, problem);
        });
        return hasher.hash(password);
    }

    static ApiProblem wrongPassword() {
        return new ApiProblem(HttpStatus.FORBIDDEN, "wrong-password", "Forbidden", "The password is not correct.");
    }
}
