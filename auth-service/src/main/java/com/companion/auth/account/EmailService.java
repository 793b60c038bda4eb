package com.companion.auth.account;

import com.companion.auth.account.internal.AccountTokenStore;
import com.companion.auth.account.internal.AccountTokenStore.Purpose;
import com.companion.auth.account.internal.AccountTokenStore.UsedToken;
import com.companion.auth.account.internal.FieldProblems;
import com.companion.auth.account.internal.FieldTaken;
import com.companion.auth.account.internal.UserRow;
import com.companion.auth.account.internal.UserStore;
import com.companion.auth.audit.ClientInfo;
import com.companion.auth.audit.SecurityAudit;
import com.companion.auth.audit.SecurityEvent;
import com.companion.platform.web.problem.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An account's email address: verified by a link mailed to it at sign-up (the account works
 * meanwhile; the profile's {@code email_verified} lets clients remind), and changed only once the
 * new address confirmed a link mailed to it, so a typo or a stolen session cannot move the
 * account to an address its owner does not read. The old address hears of the change.
 */
@Service
class EmailService {

    private final UserStore users;
    private final AccountTokenStore tokens;
    private final AccountMail mail;
    private final Credentials credentials;
    private final SecurityAudit audit;
    private final AccountProperties properties;
    private final Clock clock;
    private final TransactionTemplate transaction;

    EmailService(
            UserStore users,
            AccountTokenStore tokens,
            AccountMail mail,
            Credentials credentials,
            SecurityAudit audit,
            AccountProperties properties,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.users = users;
        this.tokens = tokens;
        this.mail = mail;
        this.credentials = credentials;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** Mails a verification link for the user's address. Joins the caller's transaction (sign-up). */
    void sendVerification(UserRow user) {
        Instant now = clock.instant();
        String token = tokens.issue(user.id(), Purpose.VERIFY_EMAIL, null, now, now.plus(properties.verifyEmailTtl()));
        mail.verifyEmail(user, token);
    }

    void resend(UUID userId) {
        transaction.executeWithoutResult(status -> {
            UserRow user = users.findForUpdate(userId).orElseThrow(() -> ApiProblem.notFound("account"));
            if (!user.emailVerified()) {
                sendVerification(user);
            }
        });
    }

    void verify(String token, ClientInfo client) {
        transaction.executeWithoutResult(status -> {
            Instant now = clock.instant();
            UsedToken used = tokens.use(token, Purpose.VERIFY_EMAIL, now).orElseThrow(EmailService::invalidToken);
            users.markEmailVerified(used.userId(), now);
            audit.record(SecurityEvent.EMAIL_VERIFIED, used.userId(), client);
        });
    }

    /** Asks for the password again, then mails a confirmation link to the new address; nothing changes yet. */
    void requestChange(UUID userId, String password, String newEmail, ClientInfo client) {
        String email = newEmail.strip();
        switch (credentials.check(userId, password, client)) {
            case Credentials.Valid valid -> {}
            case Credentials.Locked locked -> throw Problems.locked(locked.until());
            case Credentials.Invalid invalid -> throw PasswordService.wrongPassword();
        }
        transaction.executeWithoutResult(status -> {
            Instant now = clock.instant();
            UserRow user = users.findForUpdate(userId).orElseThrow(() -> ApiProblem.notFound("account"));
            if (user.email().equalsIgnoreCase(email)) {
                throw FieldProblems.invalid("new_email", "is already the account's address");
            }
            users.findIdByEmail(email).ifPresent(other -> {
                throw FieldProblems.taken("email");
            });
            String token =
                    tokens.issue(userId, Purpose.CHANGE_EMAIL, email, now, now.plus(properties.verifyEmailTtl()));
            mail.confirmNewEmail(user, email, token);
            audit.record(SecurityEvent.EMAIL_CHANGE_REQUESTED, userId, client);
        });
    }

    void confirmChange(String token, ClientInfo client) {
        try {
            transaction.executeWithoutResult(status -> {
                Instant now = clock.instant();
                UsedToken used = tokens.use(token, Purpose.CHANGE_EMAIL, now).orElseThrow(EmailService::invalidToken);
                UserRow before = users.findForUpdate(used.userId()).orElseThrow(EmailService::invalidToken);
                users.updateEmail(before.id(), used.newEmail(), now);
                tokens.revoke(before.id(), Purpose.VERIFY_EMAIL);
                mail.emailChanged(before, used.newEmail(), now);
                audit.record(SecurityEvent.EMAIL_CHANGED, before.id(), client);
            });
        } catch (FieldTaken taken) {
            throw FieldProblems.taken(taken.field());
        }
    }

    /** One answer for unknown, used, expired and other-purpose tokens, so none can be told apart. */
    static ApiProblem invalidToken() {
        return new ApiProblem(
                HttpStatus.BAD_REQUEST,
                "invalid-token",
                "Bad Request",
                "The link is not valid: it was used already, has expired, or a newer one was sent.");
    }
}
