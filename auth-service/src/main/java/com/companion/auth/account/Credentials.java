package com.companion.auth.account;

import com.companion.auth.account.internal.LoginThrottleStore;
import com.companion.auth.account.internal.PasswordHasher;
import com.companion.auth.account.internal.UserRow;
import com.companion.auth.account.internal.UserStore;
import com.companion.auth.audit.ClientInfo;
import com.companion.auth.audit.SecurityAudit;
import com.companion.auth.audit.SecurityEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Checks a password for an account, with lockout keyed by account and client: {@code max-attempts}
 * failures from one client lock that client out of the account for {@code duration} (a success
 * resets its count), so a stranger's guesses never lock the owner out. The failure that sets the lock
 * is answered as a failure; the attempts after it find the lock, whatever password they carry. An account-wide brake counts
 * failures from clients that never signed in to the account; past {@code account-max-attempts} in
 * a window such clients are refused until it ends, while the owner's known devices carry on. An
 * identifier that matches no account is counted the same way under a hash of what was typed, so
 * neither the answers nor their timing (every path runs exactly one Argon2 verification) tell
 * whether an account exists.
 */
@Service
public class Credentials {

    /** The outcome of a password check. */
    public sealed interface Check {}

    public record Valid(UUID userId) implements Check {}

    public record Invalid() implements Check {}

    /** Refused without a check: locked until {@code until}. */
    public record Locked(Instant until) implements Check {}

    private static final String ACCOUNT_WIDE = "*";

    private final UserStore users;
    private final LoginThrottleStore throttle;
    private final PasswordHasher hasher;
    private final SecurityAudit audit;
    private final LockoutProperties lockout;
    private final Clock clock;

    Credentials(
            UserStore users,
            LoginThrottleStore throttle,
            PasswordHasher hasher,
            SecurityAudit audit,
            LockoutProperties lockout,
            Clock clock) {
        this.users = users;
        this.throttle = throttle;
        this.hasher = hasher;
        this.audit = audit;
        this.lockout = lockout;
        this.clock = clock;
    }

    /** Checks the password of a known account (a deletion or password change confirmed by password). */
    public Check check(UUID userId, String password, ClientInfo client) {
        return check(userId, null, password, client);
    }

    /**
     * @param userId the account the identifier matched, or null when it matched none
     * @param identifier what the caller typed, normalised by the caller; counts failures when no account matched
     */
    public Check check(UUID userId, String identifier, String password, ClientInfo client) {
        Instant now = clock.instant();
        String subject = userId != null ? "user:" + userId : "identifier:" + sha256(identifier);
        String from = ClientKeys.of(client.ip());
        Optional<Instant> refused = admit(subject, from, now);
        Optional<LoginThrottleStore.Counted> counted = refused.isPresent()
                ? Optional.empty()
                : throttle.count(subject, from, now, lockout.maxAttempts(), lockout.duration());
        if (refused.isPresent() || counted.isEmpty()) {
            hasher.verify(password, null);
            return new Locked(refused.orElseGet(
                    () -> throttle.lockedUntil(subject, from, now).orElse(now)));
        }
        String hash = userId == null
                ? null
                : users.find(userId)
                        .filter(UserRow::active)
                        .map(UserRow::passwordHash)
                        .orElse(null);
        if (hasher.verify(password, hash) && hash != null) {
            throttle.succeeded(subject, from, now);
            if (hasher.needsRehash(hash)) {
                users.updatePasswordHash(userId, hasher.hash(password), clock.instant());
            }
            return new Valid(userId);
        }
        Instant lockedUntil = counted.get().lockedUntil();
        if (lockedUntil != null && userId != null) {
            audit.record(
                    SecurityEvent.LOCKOUT,
                    userId,
                    client,
                    Map.of(
                            "locked_until",
                            lockedUntil.toString(),
                            "failed_attempts",
                            counted.get().number()));
        }
        return new Invalid();
    }

    /**
     * The account-wide brake, for clients that never signed in to the account: each of their attempts is counted (not only failures), and
     * past the limit they are refused until the window ends. Empty when the client may try.
     */
    private Optional<Instant> admit(String subject, String from, Instant now) {
        if (throttle.known(subject, from, now.minus(lockout.knownClientFor()))) {
            return Optional.empty();
        }
        Optional<LoginThrottleStore.Counted> accountWide =
                throttle.count(subject, ACCOUNT_WIDE, now, lockout.accountMaxAttempts(), lockout.duration());
        if (accountWide.isEmpty()) {
            return Optional.of(throttle.lockedUntil(subject, ACCOUNT_WIDE, now).orElse(now));
        }
        return Optional.empty();
    }

    /** Counts and locks that ended, and clients that have not signed in for long, are of no use. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void forgetOldCounts() {
        Instant now = clock.instant();
        throttle.forget(now.minus(lockout.duration()), now.minus(lockout.knownClientFor()));
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((text == null ? "" : text).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
