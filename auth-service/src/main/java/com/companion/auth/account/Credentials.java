package com.companion.auth.account;

import com.companion.auth.account.internal.PasswordHasher;
import com.companion.auth.account.internal.UserStore;
import com.companion.auth.account.internal.UserStore.Attempt;
import com.companion.auth.audit.ClientInfo;
import com.companion.auth.audit.SecurityAudit;
import com.companion.auth.audit.SecurityEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Checks a password for an account, with lockout: {@code max-attempts} consecutive failures
 * lock the account for {@code duration}, during which every check answers locked, right password
 * or not; a success resets the count. Every path (unknown account, locked account, wrong or right
 * password) runs exactly one Argon2 verification, so timing does not tell them apart.
 */
@Service
public class Credentials {

    /** The outcome of a password check. */
    public sealed interface Check {}

    public record Valid(UUID userId) implements Check {}

    public record Invalid() implements Check {}

    /** The account is locked until {@code until}; {@code justLocked} when this failed check locked it. */
    public record Locked(Instant until, boolean justLocked) implements Check {}

    private final UserStore users;
    private final PasswordHasher hasher;
    private final SecurityAudit audit;
    private final LockoutProperties lockout;
    private final Clock clock;

    Credentials(UserStore users, PasswordHasher hasher, SecurityAudit audit, LockoutProperties lockout, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.audit = audit;
        this.lockout = lockout;
        this.clock = clock;
    }

    /** {@code userId} null means no account matched what the caller typed. */
    public Check check(UUID userId, String password, ClientInfo client) {
        if (userId == null) {
            hasher.verify(password, null);
            return new Invalid();
        }
        Instant now = clock.instant();
        Optional<Attempt> attempt =
                users.beginAttempt(userId, now, lockout.maxAttempts(), now.plus(lockout.duration()));
        if (attempt.isEmpty()) {
            hasher.verify(password, null);
            return users.lockedUntil(userId, now)
                    .<Check>map(until -> new Locked(until, false))
                    .orElseGet(Invalid::new);
        }
        String hash = attempt.get().passwordHash();
        if (hasher.verify(password, hash)) {
            users.attemptSucceeded(userId);
            if (hasher.needsRehash(hash)) {
                users.updatePasswordHash(userId, hasher.hash(password), clock.instant());
            }
            return new Valid(userId);
        }
        Instant lockedUntil = attempt.get().lockedUntil();
        if (lockedUntil != null) {
            audit.record(
                    SecurityEvent.LOCKOUT,
                    userId,
                    client,
                    Map.of(
                            "locked_until",
                            lockedUntil.toString(),
                            "failed_attempts",
                            attempt.get().number()));
            return new Locked(lockedUntil, true);
        }
        return new Invalid();
    }
}
