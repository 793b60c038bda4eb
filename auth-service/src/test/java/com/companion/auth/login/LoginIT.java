package com.companion.auth.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.companion.auth.account.internal.AdulthoodCheck;
import com.companion.auth.support.Api.Reply;
import com.companion.auth.support.AuthApiTest;
import com.companion.auth.support.Concurrently;
import com.companion.auth.support.MutableClock;
import com.companion.auth.support.Signups;
import com.companion.auth.support.Tokens;
import com.companion.platform.test.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.bean.override.convention.TestBean;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class LoginIT extends AuthApiTest {

    private static final MutableClock CLOCK = new MutableClock(Duration.ZERO);

    @TestBean
    Clock clock;

    static Clock clock() {
        return CLOCK;
    }

    @Autowired
    MeterRegistry meters;

    @Autowired
    AdulthoodCheck adulthood;

    @Test
    void logsInWithTheUsernameTheEmailOrThePhoneNumberWrittenAnyWay() {
        Signups signup = Signups.valid().with("username", "Devi_" + suffix());
        String userId = api.post("/auth/signup", signup.body()).at("/user/id").asString();
        String phone = (String) signup.get("phone_number");
        String national = phone.replaceAll("[^0-9]", "").substring(2);

        List<String> identifiers = List.of(
                ((String) signup.get("username")).toUpperCase(),
                ((String) signup.get("email")).toUpperCase(),
                phone,
                Signups.nationalStyle(phone),
                national,
                "0091 " + national,
                "+91-" + national.substring(0, 5) + "-" + national.substring(5));
        for (String identifier : identifiers) {
            Reply login = api.post("/auth/login", Map.of("identifier", identifier, "password", Signups.PASSWORD));
            assertThat(login.status()).as(identifier).isEqualTo(200);
            assertThat(login.at("/user/id").asString()).isEqualTo(userId);
            assertThat(login.text("refresh_token")).isNotBlank();
            assertThat(login.body().path("expires_in").asLong()).isEqualTo(900);
            assertThat(Tokens.claims(login.text("access_token")).path("sub").asString())
                    .isEqualTo(userId);
        }
        assertThat(count("login.success", userId)).isEqualTo(identifiers.size());
    }

    @Test
    void everyFailedLoginGetsTheSame401AfterTheSameWork() {
        Signups signup = Signups.valid();
        String userId = api.post("/auth/signup", signup.body()).at("/user/id").asString();

        List<Map<String, String>> attempts = List.of(
                Map.of("identifier", (String) signup.get("username"), "password", "wrong-password-123"),
                Map.of("identifier", "nobody_" + suffix(), "password", Signups.PASSWORD),
                Map.of("identifier", "nobody@example.com", "password", Signups.PASSWORD),
                Map.of("identifier", Signups.indianMobile(), "password", Signups.PASSWORD),
                Map.of("identifier", "!!not an identifier!!", "password", Signups.PASSWORD));
        JsonNode first = null;
        for (Map<String, String> attempt : attempts) {
            double before = verifications();
            Reply reply = api.post("/auth/login", attempt);
            assertThat(verifications()).as("one Argon2 verification").isEqualTo(before + 1);
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.text("type")).isEqualTo("/problems/invalid-credentials");
            if (first == null) {
                first = reply.body();
            }
            assertThat(reply.body()).isEqualTo(first);
        }
        assertThat(count("login.failure", userId)).isEqualTo(1);
        String storedIdentifiers = jdbc.sql("select string_agg(details::text, ' ') from security_audit")
                .query(String.class)
                .single();
        assertThat(storedIdentifiers).doesNotContain("nobody", "wrong-password");
    }

    @Test
    void fiveFailuresInARowLockTheAccountForFifteenMinutes() {
        Signups signup = Signups.valid();
        String userId = api.post("/auth/signup", signup.body()).at("/user/id").asString();
        Map<String, String> wrong = Map.of("identifier", (String) signup.get("email"), "password", "wrong-password-1");
        Map<String, String> right = Map.of("identifier", (String) signup.get("email"), "password", Signups.PASSWORD);

        for (int i = 1; i <= 4; i++) {
            assertThat(api.post("/auth/login", wrong).status()).isEqualTo(401);
        }
        Instant lockedAt = CLOCK.instant();
        Reply fifth = api.post("/auth/login", wrong);
        assertThat(fifth.status())
                .as("the fifth failure is a failure like the others")
                .isEqualTo(401);
        assertThat(fifth.text("type")).isEqualTo("/problems/invalid-credentials");
        assertThat(count("lockout", userId))
                .as("the fifth failure sets the lock")
                .isEqualTo(1);

        Reply sixth = api.post("/auth/login", wrong);
        assertThat(sixth.status()).isEqualTo(423);
        assertThat(sixth.text("type")).isEqualTo("/problems/locked");
        Instant lockedUntil = Instant.parse(sixth.text("locked_until"));
        assertThat(lockedUntil).isCloseTo(lockedAt.plus(Duration.ofMinutes(15)), within(5, ChronoUnit.SECONDS));

        Reply rightWhileLocked = api.post("/auth/login", right);
        assertThat(rightWhileLocked.status()).isEqualTo(423);
        assertThat(rightWhileLocked.text("locked_until")).isEqualTo(sixth.text("locked_until"));

        CLOCK.setTo(lockedUntil.minusSeconds(30));
        assertThat(api.post("/auth/login", right).status()).isEqualTo(423);

        CLOCK.setTo(lockedUntil.plusSeconds(1));
        assertThat(api.post("/auth/login", right).status()).isEqualTo(200);

        for (int i = 1; i <= 4; i++) {
            assertThat(api.post("/auth/login", wrong).status())
                    .as("counting starts afresh")
                    .isEqualTo(401);
        }
    }

    @Test
    void aStrangersGuessesLockOnlyTheStrangerOutNotTheOwner() {
        Signups signup = Signups.valid();
        api.post("/auth/signup", signup.body());
        Map<String, String> wrong = Map.of("identifier", (String) signup.get("email"), "password", "wrong-password-1");
        Map<String, String> right = Map.of("identifier", (String) signup.get("email"), "password", Signups.PASSWORD);

        for (int i = 1; i <= 5; i++) {
            assertThat(from("203.0.113.7", wrong).status()).isEqualTo(401);
        }
        assertThat(from("203.0.113.7", wrong).status()).isEqualTo(423);
        assertThat(from("203.0.113.7", right).status())
                .as("the guesser stays locked out")
                .isEqualTo(423);

        assertThat(from("198.51.100.20", right).status())
                .as("the owner elsewhere signs in")
                .isEqualTo(200);
        assertThat(from("2001:db8:1:2::99", wrong).status()).isEqualTo(401);
        for (int i = 1; i <= 4; i++) {
            assertThat(from("2001:db8:1:2::" + i, wrong).status()).isEqualTo(401);
        }
        assertThat(from("2001:db8:1:2:ffff::1", right).status())
                .as("an IPv6 client is one /64: rotating addresses inside it does not reset its count")
                .isEqualTo(423);
    }

    @Test
    void anUnknownIdentifierLocksTheSameWaySoLockoutRevealsNoAccount() {
        Signups signup = Signups.valid();
        api.post("/auth/signup", signup.body());
        Map<String, String> known = Map.of("identifier", (String) signup.get("email"), "password", "wrong-password-1");
        Map<String, String> unknown =
                Map.of("identifier", "nobody-" + suffix() + "@example.com", "password", "wrong-password-1");

        List<Integer> forKnown = new java.util.ArrayList<>();
        List<Integer> forUnknown = new java.util.ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            forKnown.add(from("192.0.2.44", known).status());
            forUnknown.add(from("192.0.2.44", unknown).status());
        }
        assertThat(forKnown).containsExactly(401, 401, 401, 401, 401, 423);
        assertThat(forUnknown).isEqualTo(forKnown);
    }

    @Test
    void theAccountWideBrakeStopsNewClientsButNotTheOwnersKnownDevice() {
        Signups signup = Signups.valid();
        api.post("/auth/signup", signup.body());
        Map<String, String> wrong =
                Map.of("identifier", (String) signup.get("username"), "password", "wrong-password-1");
        Map<String, String> right = Map.of("identifier", (String) signup.get("username"), "password", Signups.PASSWORD);
        assertThat(from("198.51.100.77", right).status()).isEqualTo(200);

        for (int client = 1; client <= 13; client++) {
            for (int i = 1; i <= 4; i++) {
                from("203.0.113." + client, wrong);
            }
        }
        assertThat(from("203.0.113.200", right).status())
                .as("past 50 attempts from unknown clients, a new client is refused even with the right password")
                .isEqualTo(423);
        assertThat(from("198.51.100.77", right).status())
                .as("the owner's known device is not slowed")
                .isEqualTo(200);
    }

    private Reply from(String clientAddress, Map<String, String> credentials) {
        return api.call(HttpMethod.POST, "/auth/login", credentials, null, Map.of("X-Forwarded-For", clientAddress));
    }

    @Test
    void aSuccessResetsTheFailureCount() {
        Signups signup = Signups.valid();
        api.post("/auth/signup", signup.body());
        Map<String, String> wrong =
                Map.of("identifier", (String) signup.get("username"), "password", "wrong-password-1");
        Map<String, String> right = Map.of("identifier", (String) signup.get("username"), "password", Signups.PASSWORD);

        for (int i = 1; i <= 4; i++) {
            assertThat(api.post("/auth/login", wrong).status()).isEqualTo(401);
        }
        assertThat(api.post("/auth/login", right).status()).isEqualTo(200);
        for (int i = 1; i <= 4; i++) {
            assertThat(api.post("/auth/login", wrong).status()).isEqualTo(401);
        }
        assertThat(api.post("/auth/login", right).status()).isEqualTo(200);
    }

    @Test
    void concurrentGuessesGetNoMoreThanFiveChecks() {
        Signups signup = Signups.valid();
        api.post("/auth/signup", signup.body());
        Map<String, String> wrong = Map.of("identifier", (String) signup.get("email"), "password", "wrong-password-1");

        List<Integer> statuses =
                Concurrently.run(10, i -> api.post("/auth/login", wrong).status());

        assertThat(statuses).containsOnly(401, 423);
        assertThat(statuses.stream().filter(s -> s == 401).count())
                .as("exactly five guesses are checked; the rest find the lock")
                .isEqualTo(5);
        Reply right = api.post("/auth/login", Map.of("identifier", signup.get("email"), "password", Signups.PASSWORD));
        assertThat(right.status()).isEqualTo(423);
    }

    @Test
    void anAccessTokenIsRefusedOnceItHasExpired() {
        Reply signup = api.post("/auth/signup", Signups.valid().body());
        String token = signup.text("access_token");
        assertThat(api.get("/auth/me", token).status()).isEqualTo(200);

        CLOCK.advance(Duration.ofMinutes(15).plusSeconds(31));

        Reply expired = api.get("/auth/me", token);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.headers().getFirst("WWW-Authenticate")).startsWith("Bearer");
        Reply refreshed = api.post("/auth/refresh", Map.of("refresh_token", signup.text("refresh_token")));
        assertThat(api.get("/auth/me", refreshed.text("access_token")).status()).isEqualTo(200);
    }

    @Test
    void aMinorBecomesAnAdultWhenTheStatedAgeReachesEighteen() {
        Signups signup = Signups.valid().with("age", 17);
        Reply created = api.post("/auth/signup", signup.body());
        String userId = created.at("/user/id").asString();
        assertThat(created.at("/user/is_adult").asBoolean()).isFalse();

        adulthood.promoteNewAdults();
        assertThat(isAdult(userId)).isFalse();

        CLOCK.advance(Duration.ofDays(366));
        adulthood.promoteNewAdults();

        assertThat(isAdult(userId)).isTrue();
        Reply login = api.post("/auth/login", Map.of("identifier", signup.get("email"), "password", Signups.PASSWORD));
        assertThat(login.at("/user/age").asInt()).isEqualTo(18);
        assertThat(login.at("/user/is_adult").asBoolean()).isTrue();
        assertThat(Tokens.claims(login.text("access_token")).path("is_adult").asBoolean())
                .isTrue();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !events.about(userId, "auth.user-updated").isEmpty());
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(3))
                .until(() -> events.about(userId, "auth.user-updated").size() == 1);
        JsonNode updated = events.about(userId, "auth.user-updated").getFirst().data();
        assertThat(updated.path("changed").toString()).isEqualTo("[\"is_adult\"]");
        assertThat(updated.path("is_adult").asBoolean()).isTrue();
    }

    private boolean isAdult(String userId) {
        return jdbc.sql("select is_adult from users where id = cast(:id as uuid)")
                .param("id", userId)
                .query(Boolean.class)
                .single();
    }

    private long count(String eventType, String userId) {
        return jdbc.sql("select count(*) from security_audit where event_type = :type and user_id = cast(:id as uuid)")
                .param("type", eventType)
                .param("id", userId)
                .query(Long.class)
                .single();
    }

    private double verifications() {
        return meters.get("auth.password.hashing")
                .tag("operation", "verify")
                .timer()
                .count();
    }

    private static String suffix() {
        return java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }
}
