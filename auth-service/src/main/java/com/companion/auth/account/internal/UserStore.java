package com.companion.auth.account.internal;

import com.companion.auth.account.Gender;
import com.companion.contracts.Plan;
import com.companion.contracts.auth.UserPersona;
import com.companion.contracts.auth.UserStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.postgresql.util.PSQLException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code users} table. Uniqueness of username, email and phone number is left to the unique
 * indexes, whose violations come back as {@link FieldTaken} naming the field.
 */
@Repository
public class UserStore {

    public record NewUser(
            UUID id,
            String username,
            String email,
            String phoneNumber,
            String firstName,
            String lastName,
            Gender gender,
            Integer age,
            boolean isAdult,
            Plan plan,
            List<String> roles,
            String passwordHash,
            Instant now) {}

    private static final String COLUMNS = """
            id, username, email, phone_number, first_name, last_name, gender, age, age_given_at, is_adult,
            plan, roles, status, password_hash, created_at, email_verified, persona_name, persona_description
            """;

    private static final RowMapper<UserRow> ROW = UserStore::row;

    private final JdbcClient jdbc;

    UserStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public UserRow insert(NewUser user) {
        try {
            return jdbc.sql("""
                            insert into users (id, username, email, phone_number, first_name, last_name, gender, age,
                                               age_given_at, is_adult, plan, roles, password_hash, created_at, updated_at)
                            values (:id, :username, :email, :phone, :firstName, :lastName, :gender, :age,
                                    :ageGivenAt, :isAdult, :plan, :roles, :passwordHash, :now, :now)
                            returning\s""" + COLUMNS)
                    .param("id", user.id())
                    .param("username", user.username())
                    .param("email", user.email())
                    .param("phone", user.phoneNumber())
                    .param("firstName", user.firstName())
                    .param("lastName", user.lastName())
                    .param("gender", user.gender().wire())
                    .param("age", user.age())
                    .param("ageGivenAt", user.age() == null ? null : utc(user.now()))
                    .param("isAdult", user.isAdult())
                    .param("plan", user.plan().wire())
                    .param("roles", user.roles().toArray(String[]::new))
                    .param("passwordHash", user.passwordHash())
                    .param("now", utc(user.now()))
                    .query(ROW)
                    .single();
        } catch (DuplicateKeyException e) {
            throw taken(e);
        }
    }

    public Optional<UserRow> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from users where id = :id")
                .param("id", id)
                .query(ROW)
                .optional();
    }

    /** Whether the account exists and may be used (not disabled by a ban); one primary-key lookup. */
    public boolean isActive(UUID id) {
        return jdbc.sql("select exists (select 1 from users where id = :id and status = 'active')")
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    public Optional<UserRow> findForUpdate(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from users where id = :id for update")
                .param("id", id)
                .query(ROW)
                .optional();
    }

    public Optional<UserRow> findByEmailForUpdate(String email) {
        return jdbc.sql("select " + COLUMNS + " from users where lower(email) = lower(:email) for update")
                .param("email", email)
                .query(ROW)
                .optional();
    }

    public Optional<UserRow> findByEmail(String email) {
        return jdbc.sql("select " + COLUMNS + " from users where lower(email) = lower(:email)")
                .param("email", email)
                .query(ROW)
                .optional();
    }

    /** Case-insensitive, as usernames are unique ({@code users_username_key} is on {@code lower(username)}). */
    public Optional<UUID> findIdByUsername(String username) {
        return jdbc.sql("select id from users where lower(username) = lower(:username)")
                .param("username", username)
                .query(UUID.class)
                .optional();
    }

    public Optional<UUID> findIdByEmail(String email) {
        return jdbc.sql("select id from users where lower(email) = lower(:email)")
                .param("email", email)
                .query(UUID.class)
                .optional();
    }

    public Optional<UUID> findIdByPhone(String e164) {
        return jdbc.sql("select id from users where phone_number = :phone")
                .param("phone", e164)
                .query(UUID.class)
                .optional();
    }

    public void updatePasswordHash(UUID id, String passwordHash, Instant now) {
        jdbc.sql("update users set password_hash = :hash, updated_at = :now where id = :id")
                .param("id", id)
                .param("hash", passwordHash)
                .param("now", utc(now))
                .update();
    }

    public UserRow updateProfile(UserRow user, Instant now) {
        try {
            return jdbc.sql("""
                            update users set first_name = :firstName, last_name = :lastName, gender = :gender,
                                phone_number = :phone, age = :age, age_given_at = :ageGivenAt, is_adult = :isAdult,
                                updated_at = :now
                            where id = :id
                            returning\s""" + COLUMNS)
                    .param("id", user.id())
                    .param("firstName", user.firstName())
                    .param("lastName", user.lastName())
                    .param("gender", user.gender().wire())
                    .param("phone", user.phoneNumber())
                    .param("age", user.age())
                    .param("ageGivenAt", user.ageGivenAt() == null ? null : utc(user.ageGivenAt()))
                    .param("isAdult", user.isAdult())
                    .param("now", utc(now))
                    .query(ROW)
                    .single();
        } catch (DuplicateKeyException e) {
            throw taken(e);
        }
    }

    /** States a new age as of {@code now}, with the adult flag that follows from it. */
    public UserRow updateAge(UUID id, int age, Instant now) {
        return jdbc.sql("""
                        update users set age = :age, age_given_at = :now, is_adult = :isAdult, updated_at = :now
                        where id = :id
                        returning\s""" + COLUMNS)
                .param("id", id)
                .param("age", age)
                .param("isAdult", UserRow.adultAt(age))
                .param("now", utc(now))
                .query(ROW)
                .single();
    }

    public UserRow updatePlan(UUID id, Plan plan, Instant now) {
        return jdbc.sql("update users set plan = :plan, updated_at = :now where id = :id returning " + COLUMNS)
                .param("id", id)
                .param("plan", plan.wire())
                .param("now", utc(now))
                .query(ROW)
                .single();
    }

    public UserRow updateStatus(UUID id, UserStatus status, Instant now) {
        return jdbc.sql("update users set status = :status, updated_at = :now where id = :id returning " + COLUMNS)
                .param("id", id)
                .param("status", status.name().toLowerCase(Locale.ROOT))
                .param("now", utc(now))
                .query(ROW)
                .single();
    }

    /** Makes an account the configured admin: admin role, adult, premium, active, unlocked. */
    public UserRow makeAdmin(UUID id, String passwordHash, Instant now) {
        return jdbc.sql("""
                        update users set
                            roles = case when 'admin' = any(roles) then roles else array_append(roles, 'admin') end,
                            is_adult = true, plan = 'premium', status = 'active',
                            password_hash = :hash, updated_at = :now
                        where id = :id
                        returning\s""" + COLUMNS)
                .param("id", id)
                .param("hash", passwordHash)
                .param("now", utc(now))
                .query(ROW)
                .single();
    }

    public void markEmailVerified(UUID id, Instant now) {
        jdbc.sql("update users set email_verified = true, updated_at = :now where id = :id")
                .param("id", id)
                .param("now", utc(now))
                .update();
    }

    /** Sets a confirmed new address: it was confirmed by a link sent to it, so it is verified. */
    public UserRow updateEmail(UUID id, String email, Instant now) {
        try {
            return jdbc.sql("""
                            update users set email = :email, email_verified = true, updated_at = :now
                            where id = :id
                            returning\s""" + COLUMNS)
                    .param("id", id)
                    .param("email", email)
                    .param("now", utc(now))
                    .query(ROW)
                    .single();
        } catch (DuplicateKeyException e) {
            throw taken(e);
        }
    }

    /** Sets the user's persona (null clears it); empty when there is no such user. */
    public Optional<UserRow> updatePersona(UUID id, @Nullable UserPersona persona, Instant now) {
        return jdbc.sql("update users set persona_name = :name, persona_description = :description,"
                        + " updated_at = :now where id = :id returning " + COLUMNS)
                .param("id", id)
                .param("name", persona == null ? null : persona.name())
                .param("description", persona == null ? null : persona.description())
                .param("now", utc(now))
                .query(ROW)
                .optional();
    }

    public UserRow updateUsername(UUID id, String username, Instant now) {
        try {
            return jdbc.sql("update users set username = :username, updated_at = :now where id = :id returning "
                            + COLUMNS)
                    .param("id", id)
                    .param("username", username)
                    .param("now", utc(now))
                    .query(ROW)
                    .single();
        } catch (DuplicateKeyException e) {
            throw taken(e);
        }
    }

    public boolean delete(UUID id) {
        return jdbc.sql("delete from users where id = :id").param("id", id).update() == 1;
    }

    /** Marks adult the minors whose stated age plus the years since has reached 18; returns them. */
    public List<UserRow> promoteNewAdults(Instant now, int limit) {
        return jdbc.sql("""
                        update users set is_adult = true, updated_at = :now
                        where id in (
                            select id from users
                            where not is_adult and age is not null
                              and age_given_at + make_interval(years => 18 - age) <= :now
                            order by age_given_at
                            limit :limit
                            for update skip locked)
                        returning\s""" + COLUMNS)
                .param("now", utc(now))
                .param("limit", limit)
                .query(ROW)
                .list();
    }

    private static FieldTaken taken(DuplicateKeyException e) {
        String constraint = null;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
                constraint = psql.getServerErrorMessage().getConstraint();
                break;
            }
        }
        String field = switch (constraint == null ? "" : constraint) {
            case "users_username_key" -> "username";
            case "users_email_key" -> "email";
            case "users_phone_number_key" -> "phone_number";
            default -> throw e;
        };
        return new FieldTaken(field, e);
    }

    private static UserRow row(ResultSet rs, int rowNum) throws SQLException {
        int age = rs.getInt("age");
        Integer statedAge = rs.wasNull() ? null : age;
        return new UserRow(
                rs.getObject("id", UUID.class),
                rs.getString("username"),
                rs.getString("email"),
                rs.getString("phone_number"),
                rs.getString("first_name"),
                rs.getString("last_name"),
                Gender.fromWire(rs.getString("gender")),
                statedAge,
                instant(rs.getObject("age_given_at", OffsetDateTime.class)),
                rs.getBoolean("is_adult"),
                Plan.fromWire(rs.getString("plan")),
                List.of((String[]) rs.getArray("roles").getArray()),
                UserStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                rs.getString("password_hash"),
                instant(rs.getObject("created_at", OffsetDateTime.class)),
                rs.getBoolean("email_verified"),
                rs.getString("persona_name") == null
                        ? null
                        : new UserPersona(rs.getString("persona_name"), rs.getString("persona_description")));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
