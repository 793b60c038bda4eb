package com.companion.auth.account.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The age a deleted minor's email and phone number carry: deleting the account and signing up again with the same
 * email as an adult would otherwise be a two-request way around "an age may only go down". Only a hash of each
 * identifier is kept, with the age and the time, and only for accounts that were minors.
 */
@Repository
public class MinorAgeFloor {

    private final JdbcClient jdbc;

    MinorAgeFloor(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the floor for the identifiers of a minor's account being deleted (replacing an older one). */
    public void record(String email, String phone, int age, Instant now) {
        for (String hash : hashes(email, phone)) {
            jdbc.sql("""
                            insert into minor_age_floor (identity_hash, age, recorded_at) values (:hash, :age, :at)
                            on conflict (identity_hash) do update set age = excluded.age, recorded_at = excluded.recorded_at
                            """)
                    .param("hash", hash)
                    .param("age", age)
                    .param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                    .update();
        }
    }

    /**
     * The age at least one of these identifiers' deleted account would have today, if that is still under 18: a new
     * account with them may not claim more.
     */
    public Optional<Integer> minorAgeToday(String email, String phone, Instant now) {
        return jdbc
                .sql("select age, recorded_at from minor_age_floor where identity_hash in (:hashes)")
                .param("hashes", hashes(email, phone))
                .query((rs, n) -> UserRow.ageToday(
                        rs.getInt("age"),
                        rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                        now))
                .list()
                .stream()
                .filter(age -> age < 18)
                .max(Integer::compare);
    }

    private static List<String> hashes(String email, String phone) {
        return List.of(sha256("email:" + email.strip().toLowerCase(Locale.ROOT)), sha256("phone:" + phone.strip()));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
