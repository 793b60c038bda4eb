package com.companion.auth.account.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One-time tokens sent by mail ({@code account_token}): 32 random bytes, base64url, of which only
 * the SHA-256 is stored, so a leaked table opens no account. A token is used at most once (the
 * update that uses it is conditional), expires, and a new token of one purpose drops the user's
 * unused ones of that purpose, so only the latest link works.
 */
@Repository
public class AccountTokenStore {

    public enum Purpose {
        VERIFY_EMAIL("verify_email"),
        RESET_PASSWORD("reset_password"),
        CHANGE_EMAIL("change_email");

        private final String stored;

        Purpose(String stored) {
            this.stored = stored;
        }
    }

    /** What a used token was for. {@code newEmail} only for a change of email. */
    public record UsedToken(UUID userId, String newEmail) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    AccountTokenStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Issues a token and answers it in the clear, for the mail; only its hash is kept. */
    public String issue(UUID userId, Purpose purpose, String newEmail, Instant now, Instant expiresAt) {
        jdbc.sql("delete from account_token where user_id = :userId and purpose = :purpose and used_at is null")
                .param("userId", userId)
                .param("purpose", purpose.stored)
                .update();
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("""
                        insert into account_token (token_hash, user_id, purpose, new_email, created_at, expires_at)
                        values (:hash, :userId, :purpose, :newEmail, :now, :expiresAt)
                        """)
                .param("hash", hash(token))
                .param("userId", userId)
                .param("purpose", purpose.stored)
                .param("newEmail", newEmail)
                .param("now", utc(now))
                .param("expiresAt", utc(expiresAt))
                .update();
        return token;
    }

    /** Uses a token of this purpose if it is live; empty for unknown, used, expired or other-purpose tokens. */
    public Optional<UsedToken> use(String token, Purpose purpose, Instant now) {
        if (token == null || token.isBlank() || token.length() > 128) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        update account_token set used_at = :now
                        where token_hash = :hash and purpose = :purpose and used_at is null and expires_at > :now
                        returning user_id, new_email
                        """)
                .param("hash", hash(token))
                .param("purpose", purpose.stored)
                .param("now", utc(now))
                .query((rs, n) -> new UsedToken(rs.getObject("user_id", UUID.class), rs.getString("new_email")))
                .optional();
    }

    /** A live token's owner without using it: to check a new password against before the token is spent. */
    public Optional<UsedToken> peek(String token, Purpose purpose, Instant now) {
        if (token == null || token.isBlank() || token.length() > 128) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select user_id, new_email from account_token
                        where token_hash = :hash and purpose = :purpose and used_at is null and expires_at > :now
                        """)
                .param("hash", hash(token))
                .param("purpose", purpose.stored)
                .param("now", utc(now))
                .query((rs, n) -> new UsedToken(rs.getObject("user_id", UUID.class), rs.getString("new_email")))
                .optional();
    }

    /** Drops the user's unused tokens of a purpose (a reset link stops working once the password changed). */
    public void revoke(UUID userId, Purpose purpose) {
        jdbc.sql("delete from account_token where user_id = :userId and purpose = :purpose and used_at is null")
                .param("userId", userId)
                .param("purpose", purpose.stored)
                .update();
    }

    /** Forgets used and expired tokens. */
    public int deleteSpent(Instant now) {
        return jdbc.sql("delete from account_token where used_at is not null or expires_at <= :now")
                .param("now", utc(now))
                .update();
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
