package com.companion.auth.session;

import com.companion.auth.audit.ClientInfo;
import com.companion.auth.audit.SecurityAudit;
import com.companion.auth.audit.SecurityEvent;
import com.companion.auth.session.internal.DeviceSessionStore;
import com.companion.auth.session.internal.DeviceSessionStore.Consumed;
import com.companion.auth.session.internal.DeviceSessionStore.SessionRow;
import com.companion.auth.session.internal.DeviceSessionStore.TokenState;
import com.companion.auth.session.internal.RefreshTokens;
import com.companion.auth.token.AccessTokenClaims;
import com.companion.auth.token.AccessTokens;
import com.companion.auth.token.IssuedAccessToken;
import com.companion.auth.token.TokenProperties;
import com.companion.contracts.auth.SessionRevoked;
import com.companion.platform.messaging.outbox.Outbox;
import com.companion.platform.web.problem.ApiProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Device sessions: each sign-in starts one, whose refresh token is replaced on every use. A
 * refresh token that was already replaced and is presented again means two parties hold the
 * session's tokens, so the whole session (every token it was given) is revoked and the event
 * audited; the legitimate device signs in again.
 *
 * <p>Every session that ends before its time (logout, revoked from the device list, a reused
 * refresh token, pushed out by the per-user limit, every session at a password or privilege
 * change) is published as {@link SessionRevoked} in the same transaction, so services holding a
 * live connection for it (chat sockets) close it at once rather than when its access token expires.
 */
@Service
public class Sessions {

    private final DeviceSessionStore store;
    private final AccessTokens accessTokens;
    private final SessionSubjects subjects;
    private final SecurityAudit audit;
    private final TokenProperties tokens;
    private final SessionProperties properties;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final Outbox outbox;

    Sessions(
            DeviceSessionStore store,
            AccessTokens accessTokens,
            SessionSubjects subjects,
            SecurityAudit audit,
            TokenProperties tokens,
            SessionProperties properties,
            Clock clock,
            PlatformTransactionManager transactionManager,
            Outbox outbox) {
        this.store = store;
        this.accessTokens = accessTokens;
        this.subjects = subjects;
        this.audit = audit;
        this.tokens = tokens;
        this.properties = properties;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
        this.outbox = outbox;
    }

    /** Starts a device session for an account that has just proven who it is. Joins the caller's transaction. */
    @Transactional
    public IssuedTokens start(SessionSubject subject, ClientInfo client) {
        Instant now = clock.instant();
        UUID sessionId = UUID.randomUUID();
        Instant expiresAt = now.plus(min(tokens.refreshTokenTtl(), properties.absoluteLifetime()));
        store.insertSession(sessionId, subject.userId(), now, expiresAt, client);
        store.trimToLimit(subject.userId(), now, properties.maxPerUser())
                .forEach(pushedOut -> revoked(subject.userId(), pushedOut, "revoked", now));
        return issue(subject, sessionId, now, expiresAt);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Replaces a refresh token; 401 for any token that is not the current one of a live session. */
    public IssuedTokens refresh(String refreshToken, ClientInfo client) {
        byte[] hash = RefreshTokens.hash(refreshToken);
        // The transaction commits in every case (a reuse revokes the family and is audited), then answers.
        IssuedTokens issued = transaction.execute(status -> rotate(hash, client));
        if (issued == null) {
            throw invalidRefreshToken();
        }
        return issued;
    }

    private IssuedTokens rotate(byte[] hash, ClientInfo client) {
        Instant now = clock.instant();
        Optional<Consumed> consumed = store.consume(hash, now);
        if (consumed.isEmpty()) {
            Optional<TokenState> state = store.find(hash);
            if (state.isPresent() && state.get().usedAt() != null) {
                TokenState reused = state.get();
                boolean wasLive = store.revoke(reused.sessionId(), now, "refresh_token_reuse");
                if (wasLive) {
                    revoked(reused.userId(), reused.sessionId(), "reuse-detected", now);
                }
                audit.record(
                        SecurityEvent.REFRESH_REUSE,
                        reused.userId(),
                        client,
                        Map.of("session_id", reused.sessionId().toString(), "session_was_live", wasLive));
            }
            return null;
        }
        Optional<SessionSubject> subject = subjects.findActive(consumed.get().userId());
        if (subject.isEmpty()) {
            store.revoke(consumed.get().sessionId(), now, "account_inactive");
            return null;
        }
        Instant expiresAt = store.touch(
                consumed.get().sessionId(),
                now,
                now.plus(tokens.refreshTokenTtl()),
                properties.absoluteLifetime(),
                client);
        return issue(subject.get(), consumed.get().sessionId(), now, expiresAt);
    }

    private IssuedTokens issue(SessionSubject subject, UUID sessionId, Instant now, Instant expiresAt) {
        String refreshToken = RefreshTokens.generate();
        store.insertToken(RefreshTokens.hash(refreshToken), sessionId, now, expiresAt);
        IssuedAccessToken access = accessTokens.issue(new AccessTokenClaims(
                subject.userId(), subject.username(), subject.plan(), subject.isAdult(), subject.roles(), sessionId));
        return new IssuedTokens(access.token(), refreshToken, access.expiresIn());
    }

    /**
     * Ends the session the token belongs to. Answers the same whether or not the token was known,
     * so it reveals nothing; an already replaced token also ends its session.
     *
     * @return the user whose session this call ended, if it ended one
     */
    @Transactional
    public Optional<UUID> logout(String refreshToken, ClientInfo client) {
        return store.find(RefreshTokens.hash(refreshToken))
                .filter(state -> {
                    Instant now = clock.instant();
                    if (!store.revoke(state.sessionId(), now, "logout")) {
                        return false;
                    }
                    revoked(state.userId(), state.sessionId(), "logout", now);
                    audit.record(
                            SecurityEvent.LOGOUT,
                            state.userId(),
                            client,
                            Map.of("session_id", state.sessionId().toString()));
                    return true;
                })
                .map(state -> state.userId());
    }

    /** A page of the caller's signed-in devices and the cursor of the next page (null on the last one). */
    public record SessionPage(List<DeviceSessionView> items, String nextCursor) {}

    /**
     * The caller's live sessions, most recently used first, {@code limit} at a time; {@code cursor} is the
     * {@code nextCursor} of the previous page (400 {@code invalid-cursor} when it is not one). A session used
     * between two pages moves to the front, so it may be missed or seen twice, like any list in motion.
     */
    public SessionPage list(UUID userId, UUID currentSessionId, int limit, String cursor) {
        SessionRow after = cursor == null ? null : SessionCursor.decode(cursor);
        List<SessionRow> rows = store.listLive(userId, clock.instant(), after, limit + 1);
        List<SessionRow> page = rows.size() > limit ? rows.subList(0, limit) : rows;
        List<DeviceSessionView> items = page.stream()
                .map(row -> new DeviceSessionView(
                        row.id(),
                        row.createdAt(),
                        row.lastUsedAt(),
                        row.userAgent(),
                        row.id().equals(currentSessionId)))
                .toList();
        return new SessionPage(items, rows.size() > limit ? SessionCursor.encode(page.getLast()) : null);
    }

    /**
     * Whether an access token's device session ({@code sid}) still stands: the user's, not signed out (logout,
     * revoked from the device list, a password change or reset, a ban, a reused refresh token) and not expired.
     */
    public boolean isLive(UUID sessionId, UUID userId) {
        return store.isLive(sessionId, userId, clock.instant());
    }

    /** Revokes one of the caller's sessions; 404 for a session that is not the caller's or not live. */
    @Transactional
    public void revoke(UUID userId, UUID sessionId, ClientInfo client) {
        Instant now = clock.instant();
        if (!store.revokeOwned(sessionId, userId, now, "revoked_by_user")) {
            throw ApiProblem.notFound("session");
        }
        revoked(userId, sessionId, "revoked", now);
        audit.record(SecurityEvent.SESSION_REVOKED, userId, client, Map.of("session_id", sessionId.toString()));
    }

    /** Ends every session of an account (its password or privileges changed). Joins the caller's transaction. */
    @Transactional
    public int revokeAll(UUID userId, String reason) {
        Instant now = clock.instant();
        List<UUID> ended = store.revokeAll(userId, now, reason);
        ended.forEach(sessionId -> revoked(userId, sessionId, "revoked", now));
        return ended.size();
    }

    /** Ends every session of an account but {@code keep}, the device that asked. Joins the caller's transaction. */
    @Transactional
    public int revokeAllExcept(UUID userId, UUID keep, String reason) {
        Instant now = clock.instant();
        List<UUID> ended = store.revokeAllExcept(userId, keep, now, reason);
        ended.forEach(sessionId -> revoked(userId, sessionId, "revoked", now));
        return ended.size();
    }

    /**
     * Whether the account signed in before from a device with this user agent: the test for a
     * "new sign-in" mail. Ended sessions count until housekeeping purges them.
     */
    public boolean knownDevice(UUID userId, ClientInfo client) {
        return store.signedInBeforeWith(userId, client.userAgent());
    }

    private void revoked(UUID userId, UUID sessionId, String reason, Instant now) {
        outbox.publish(new SessionRevoked(userId, sessionId, reason, now));
    }

    private static ApiProblem invalidRefreshToken() {
        return new ApiProblem(
                HttpStatus.UNAUTHORIZED,
                "invalid-refresh-token",
                "Unauthorized",
                "The refresh token is not valid. Please sign in again.");
    }
}
