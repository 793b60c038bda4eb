package com.companion.auth.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.companion.auth.support.Api;
import com.companion.auth.support.Api.Reply;
import com.companion.auth.support.AuthApiTest;
import com.companion.auth.support.Concurrently;
import com.companion.auth.support.Signups;
import com.companion.auth.support.Tokens;
import com.companion.platform.test.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class AccountsIT extends AuthApiTest {

    @Test
    void signupAnswersTheProfileAndTokensAndPublishesUserRegisteredOnce() {
        Signups signup = Signups.valid().with("username", "Mira_" + unique()).with("age", 25);

        Reply reply = api.post("/auth/signup", signup.body());

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.headers().getFirst(HttpHeaders.LOCATION)).isEqualTo("/auth/me");
        JsonNode user = reply.body().path("user");
        String userId = user.path("id").asString();
        assertThat(user.path("username").asString()).as("kept as typed").isEqualTo(signup.get("username"));
        assertThat(user.path("email").asString()).isEqualTo(signup.get("email"));
        assertThat(user.path("phone_number").asString()).isEqualTo(Signups.e164((String) signup.get("phone_number")));
        assertThat(user.path("first_name").asString()).isEqualTo("Mira");
        assertThat(user.path("last_name").asString()).isEqualTo("Kapoor");
        assertThat(user.path("gender").asString()).isEqualTo("female");
        assertThat(user.path("age").asInt()).isEqualTo(25);
        assertThat(user.path("plan").asString()).isEqualTo("free");
        assertThat(user.path("is_adult").asBoolean()).isTrue();
        assertThat(user.path("created_at").asString()).isNotBlank();
        assertThat(user.has("password")).isFalse();
        assertThat(user.has("password_hash")).isFalse();
        assertThat(reply.text("refresh_token")).hasSize(43);
        assertThat(reply.body().path("expires_in").asLong()).isEqualTo(900);

        String accessToken = reply.text("access_token");
        JsonNode claims = Tokens.claims(accessToken);
        assertThat(claims.path("sub").asString()).isEqualTo(userId);
        assertThat(claims.path("plan").asString()).isEqualTo("free");
        assertThat(claims.path("is_adult").asBoolean()).isTrue();
        assertThat(claims.path("roles").toString()).isEqualTo("[\"user\"]");

        Reply me = api.get("/auth/me", accessToken);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body()).isEqualTo(user);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !events.about(userId, "auth.user-registered").isEmpty());
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(3))
                .until(() -> events.about(userId).size() == 1);
        JsonNode registered = events.about(userId).getFirst().data();
        assertThat(registered.path("username").asString())
                .isEqualTo(user.path("username").asString());
        assertThat(registered.path("plan").asString()).isEqualTo("free");
        assertThat(registered.path("is_adult").asBoolean()).isTrue();
        assertThat(registered.path("status").asString()).isEqualTo("active");

        assertThat(auditTypes(userId)).contains("signup");
        String storedHash = jdbc.sql("select password_hash from users where id = cast(:id as uuid)")
                .param("id", userId)
                .query(String.class)
                .single();
        assertThat(storedHash).startsWith("$argon2id$").doesNotContain(Signups.PASSWORD);
        assertThat(jdbc.sql("select username from users where id = cast(:id as uuid)")
                        .param("id", userId)
                        .query(String.class)
                        .single())
                .isEqualTo(signup.get("username"));
    }

    @Test
    void aUsernameIsShownAsTypedButIsUniqueAndSignsInWhateverItsCase() {
        String typed = "MixedTNEOJ_" + unique();
        Reply created =
                api.post("/auth/signup", Signups.valid().with("username", typed).body());
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.at("/user/username").asString()).isEqualTo(typed);
        assertThat(api.get("/auth/me", created.text("access_token")).text("username"))
                .isEqualTo(typed);

        assertTaken(
                api.post(
                        "/auth/signup",
                        Signups.valid().with("username", typed.toLowerCase()).body()),
                "username");
        Reply login = api.post("/auth/login", Map.of("identifier", typed.toLowerCase(), "password", Signups.PASSWORD));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.at("/user/username").asString()).isEqualTo(typed);
    }

    @Test
    void signupNamesEveryInvalidField() {
        Reply empty = api.post("/auth/signup", Map.of());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.text("type")).isEqualTo("/problems/validation");
        assertThat(fields(empty))
                .containsExactlyInAnyOrder(
                        "first_name", "last_name", "email", "username", "phone_number", "gender", "age", "password");

        Reply invalid = api.post(
                "/auth/signup",
                Signups.valid()
                        .with("email", "not-an-email")
                        .with("username", "no spaces!")
                        .with("phone_number", "12345")
                        .with("gender", "robot")
                        .with("age", 12)
                        .with("password", "short")
                        .body());
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(errors(invalid))
                .containsEntry("email", "must be a valid email address")
                .containsEntry("username", "must be 3 to 50 letters, digits, '_', '.' or '-', with at least one letter")
                .containsKey("phone_number")
                .containsEntry("gender", "must be one of male, female, other")
                .containsEntry("age", "must be at least 13 to sign up")
                .containsEntry("password", "must be at least 8 characters");
    }

    @Test
    void signupRefusesWeakPasswordsUnknownFieldsAndLooseTypes() {
        Reply common = api.post(
                "/auth/signup", Signups.valid().with("password", "QwertyUIOP").body());
        assertThat(errors(common)).containsOnlyKeys("password");
        assertThat(errors(common).get("password")).contains("common");

        String username = "zoe_" + unique();
        Reply personal = api.post(
                "/auth/signup",
                Signups.valid()
                        .with("username", username)
                        .with("password", username + "-2024")
                        .body());
        assertThat(personal.status()).isEqualTo(400);
        assertThat(errors(personal)).containsEntry("password", "must not contain your username or email");

        Reply unknownField =
                api.post("/auth/signup", Signups.valid().with("plan", "premium").body());
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(errors(unknownField)).containsEntry("plan", "unknown field");

        Reply ageAsText =
                api.post("/auth/signup", Signups.valid().with("age", "25").body());
        assertThat(ageAsText.status()).isEqualTo(400);
        assertThat(fields(ageAsText)).containsExactly("age");

        Reply reserved = api.post(
                "/auth/signup", Signups.valid().with("username", "Admin").body());
        assertThat(errors(reserved)).containsEntry("username", "is reserved; choose another");
    }

    @Test
    void aTakenUsernameEmailOrPhoneAnswers409NamingTheField() {
        Signups first = Signups.valid();
        assertThat(api.post("/auth/signup", first.body()).status()).isEqualTo(201);

        Reply username = api.post(
                "/auth/signup",
                Signups.valid()
                        .with("username", ((String) first.get("username")).toUpperCase())
                        .body());
        assertTaken(username, "username");

        Reply email = api.post(
                "/auth/signup",
                Signups.valid()
                        .with("email", ((String) first.get("email")).toUpperCase())
                        .body());
        assertTaken(email, "email");

        Reply phone = api.post(
                "/auth/signup",
                Signups.valid()
                        .with("phone_number", Signups.nationalStyle((String) first.get("phone_number")))
                        .body());
        assertTaken(phone, "phone_number");
    }

    @Test
    void ofConcurrentSignupsWithOneUsernameExactlyOneWins() {
        String username = "race_" + unique();
        List<Map<String, Object>> bodies = List.of(
                Signups.valid().with("username", username).body(),
                Signups.valid().with("username", username.toUpperCase()).body(),
                Signups.valid().with("username", username).body());

        List<Reply> answered = Concurrently.run(bodies.size(), i -> api.post("/auth/signup", bodies.get(i)));

        assertThat(answered).extracting(Reply::status).containsExactlyInAnyOrder(201, 409, 409);
        answered.stream().filter(r -> r.status() == 409).forEach(r -> assertTaken(r, "username"));
        assertThat(jdbc.sql("select count(*) from users where lower(username) = lower(:u)")
                        .param("u", username)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theOwnerReadsAndCorrectsTheProfileAndLoweringTheAgeBelowEighteenIsPublishedOnce() {
        Reply signup = api.post("/auth/signup", Signups.valid().with("age", 19).body());
        String token = signup.text("access_token");
        String userId = signup.at("/user/id").asString();
        assertThat(signup.at("/user/is_adult").asBoolean()).isTrue();

        Reply renamed = api.patch("/auth/me", Map.of("first_name", "Meera", "gender", "other"), token);
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.text("first_name")).isEqualTo("Meera");
        assertThat(renamed.text("gender")).isEqualTo("other");
        assertThat(renamed.text("last_name")).isEqualTo("Kapoor");

        Reply corrected = api.patch("/auth/me", Map.of("age", 16), token);
        assertThat(corrected.status()).isEqualTo(200);
        assertThat(corrected.body().path("age").asInt()).isEqualTo(16);
        assertThat(corrected.body().path("is_adult").asBoolean()).isFalse();
        assertThat(storedAge(userId)).isEqualTo(16);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !events.about(userId, "auth.user-updated").isEmpty());
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(3))
                .until(() -> events.about(userId).size() == 2);
        JsonNode updated = events.about(userId, "auth.user-updated").getFirst().data();
        assertThat(updated.path("is_adult").asBoolean()).isFalse();
        assertThat(updated.path("changed").toString()).isEqualTo("[\"is_adult\"]");
        assertThat(auditTypes(userId)).contains("adult_flag.change");

        Reply refreshed = api.post("/auth/refresh", Map.of("refresh_token", signup.text("refresh_token")));
        assertThat(Tokens.claims(refreshed.text("access_token"))
                        .path("is_adult")
                        .asBoolean())
                .isFalse();

        Reply phone = api.patch("/auth/me", Map.of("phone_number", "+91 " + national(Signups.indianMobile())), token);
        assertThat(phone.status()).isEqualTo(200);
        assertThat(phone.text("phone_number")).startsWith("+91").doesNotContain(" ");

        Reply other = api.post("/auth/signup", Signups.valid().body());
        Reply clash = api.patch(
                "/auth/me",
                Map.of("phone_number", other.at("/user/phone_number").asString()),
                token);
        assertTaken(clash, "phone_number");

        assertThat(errors(api.patch("/auth/me", Map.of("email", "new@example.com"), token)))
                .containsEntry("email", "unknown field");
        assertThat(errors(api.patch("/auth/me", Map.of("age", 12), token))).containsKey("age");
        assertThat(errors(api.patch("/auth/me", Map.of("first_name", "  "), token)))
                .containsKey("first_name");
        Reply emptyNames = api.patch("/auth/me", Map.of("first_name", "", "last_name", "l".repeat(51)), token);
        assertThat(fields(emptyNames)).as("one error per field").containsExactlyInAnyOrder("first_name", "last_name");
        assertThat(errors(emptyNames))
                .containsEntry("first_name", "must not be blank")
                .containsEntry("last_name", "must be at most 50 characters");
        assertThat(fields(api.post(
                        "/auth/signup",
                        Signups.valid().with("first_name", " \t").body())))
                .containsExactly("first_name");
        assertThat(api.get("/auth/me", null).status()).isEqualTo(401);
    }

    @Test
    void aMinorWhoRaisesTheirAgeIsRefusedAndNothingChanges() {
        Reply signup = api.post("/auth/signup", Signups.valid().with("age", 15).body());
        String token = signup.text("access_token");
        String userId = signup.at("/user/id").asString();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !events.about(userId, "auth.user-registered").isEmpty());
        Instant givenAt = ageGivenAt(userId);

        Reply toAdult = api.patch("/auth/me", Map.of("age", 18), token);
        assertAgeChangeRefused(toAdult);
        Reply withOtherFields = api.patch("/auth/me", Map.of("first_name", "Grown", "age", 16), token);
        assertAgeChangeRefused(withOtherFields);
        assertAgeChangeRefused(api.patch("/auth/me", Map.of("age", 120), token));

        Reply me = api.get("/auth/me", token);
        assertThat(me.body().path("age").asInt()).isEqualTo(15);
        assertThat(me.body().path("is_adult").asBoolean()).isFalse();
        assertThat(me.text("first_name")).isEqualTo("Mira");
        assertThat(storedAge(userId)).isEqualTo(15);
        assertThat(ageGivenAt(userId)).isEqualTo(givenAt);
        Reply refreshed = api.post("/auth/refresh", Map.of("refresh_token", signup.text("refresh_token")));
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(Tokens.claims(refreshed.text("access_token"))
                        .path("is_adult")
                        .asBoolean())
                .isFalse();

        Reply unchanged = api.patch("/auth/me", Map.of("age", 15), refreshed.text("access_token"));
        assertThat(unchanged.status()).isEqualTo(200);
        assertThat(unchanged.body().path("age").asInt()).isEqualTo(15);
        assertThat(ageGivenAt(userId)).as("an unchanged age is not restated").isEqualTo(givenAt);

        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(3))
                .until(() -> events.about(userId).size() == 1);
        assertThat(events.about(userId, "auth.user-updated")).isEmpty();
        assertThat(auditTypes(userId)).doesNotContain("adult_flag.change");
        assertThat(auditTypes(userId))
                .as("each refused raise is kept for trust and safety")
                .filteredOn("age.change_refused"::equals)
                .hasSize(3);
    }

    /**
     * Deleting a minor's account and signing up again with its email or phone as an adult would be a way around "an
     * age may only go down": refused until that person would be 18. Signing up as a minor, or with other identifiers,
     * is not; an adult's deleted account leaves nothing.
     */
    @Test
    void aMinorWhoDeletesTheirAccountCannotSignUpAgainAsAnAdultWithTheSameEmailOrPhone() {
        Signups minor = Signups.valid().with("age", 16);
        Reply signup = api.post("/auth/signup", minor.body());
        assertThat(api.delete("/auth/me", Map.of("password", Signups.PASSWORD), signup.text("access_token"))
                        .status())
                .isEqualTo(204);

        Signups sameEmail = Signups.valid()
                .with("email", minor.get("email").toString().toUpperCase())
                .with("age", 30);
        assertAgeChangeRefused(api.post("/auth/signup", sameEmail.body()));
        Signups samePhone =
                Signups.valid().with("phone_number", minor.get("phone_number")).with("age", 19);
        assertAgeChangeRefused(api.post("/auth/signup", samePhone.body()));
        Reply asAMinor = api.post("/auth/signup", sameEmail.with("age", 17).body());
        assertThat(asAMinor.status()).isEqualTo(201);
        assertThat(asAMinor.at("/user/is_adult").asBoolean()).isFalse();

        Signups adult = Signups.valid().with("age", 30);
        Reply adultSignup = api.post("/auth/signup", adult.body());
        api.delete("/auth/me", Map.of("password", Signups.PASSWORD), adultSignup.text("access_token"));
        assertThat(api.post(
                                "/auth/signup",
                                Signups.valid()
                                        .with("email", adult.get("email"))
                                        .with("age", 31)
                                        .body())
                        .status())
                .as("an adult's deleted account leaves no floor")
                .isEqualTo(201);
    }

    @Test
    void theAgeIsComparedWithTheStatedAgePlusTheYearsSinceItWasStated() {
        Reply signup = api.post("/auth/signup", Signups.valid().with("age", 15).body());
        String token = signup.text("access_token");
        String userId = signup.at("/user/id").asString();
        statedYearsAgo(userId, 2);
        assertThat(api.get("/auth/me", token).body().path("age").asInt()).isEqualTo(17);

        assertAgeChangeRefused(api.patch("/auth/me", Map.of("age", 18), token));
        Reply belowToday = api.patch("/auth/me", Map.of("age", 16), token);
        assertThat(belowToday.status())
                .as("16 is above the stated 15 but below today's 17: a correction")
                .isEqualTo(200);
        assertThat(belowToday.body().path("age").asInt()).isEqualTo(16);
        assertThat(belowToday.body().path("is_adult").asBoolean()).isFalse();
        assertThat(storedAge(userId)).isEqualTo(16);
        assertAgeChangeRefused(api.patch("/auth/me", Map.of("age", 17), token));

        Reply grownUp = api.post("/auth/signup", Signups.valid().with("age", 16).body());
        String grownUpId = grownUp.at("/user/id").asString();
        statedYearsAgo(grownUpId, 3);
        Reply birthday = api.patch("/auth/me", Map.of("age", 18), grownUp.text("access_token"));
        assertThat(birthday.status())
                .as("stated 16 three years ago: 18 is not a raise")
                .isEqualTo(200);
        assertThat(birthday.body().path("is_adult").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !events.about(grownUpId, "auth.user-updated").isEmpty());
        assertThat(events.about(grownUpId, "auth.user-updated")
                        .getFirst()
                        .data()
                        .path("is_adult")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void deletingAnAccountAsksForThePasswordAndPublishesUserDeleted() {
        Signups signup = Signups.valid();
        Reply created = api.post("/auth/signup", signup.body());
        String token = created.text("access_token");
        String userId = created.at("/user/id").asString();

        Reply wrong = api.delete("/auth/me", Map.of("password", "not-my-password-1"), token);
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.text("type")).isEqualTo("/problems/wrong-password");
        Reply plainBody = deleteWithBody(token, MediaType.TEXT_PLAIN, "{\"password\":\"" + Signups.PASSWORD + "\"}");
        assertThat(plainBody.status()).isEqualTo(415);
        assertThat(plainBody.text("type")).isEqualTo("/problems/unsupported-media-type");
        Reply noBody = api.delete("/auth/me", null, token);
        assertThat(noBody.status()).isEqualTo(400);
        assertThat(noBody.text("type")).isEqualTo("/problems/malformed-body");
        assertThat(api.get("/auth/me", token).status()).as("still there").isEqualTo(200);

        assertThat(api.delete("/auth/me", Map.of("password", Signups.PASSWORD), token)
                        .status())
                .isEqualTo(204);
        assertAccountUnavailable(api.get("/auth/me", token));
        assertThat(api.post("/auth/refresh", Map.of("refresh_token", created.text("refresh_token")))
                        .status())
                .isEqualTo(401);
        assertThat(auditTypes(userId)).contains("account.deletion_refused", "account.deleted");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !events.about(userId, "auth.user-deleted").isEmpty());
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(3))
                .until(() -> events.about(userId, "auth.user-deleted").size() == 1);

        assertThat(api.post("/auth/signup", signup.body()).status()).isEqualTo(201);
    }

    @Test
    void aDisabledAccountsStillValidTokenIsRefusedOnEveryAuthenticatedEndpoint() {
        Reply created = api.post("/auth/signup", Signups.valid().body());
        String token = created.text("access_token");
        String userId = created.at("/user/id").asString();
        assertThat(api.get("/auth/me", token).status()).isEqualTo(200);

        // Disabled with its device session left live: the account's status alone refuses the token.
        jdbc.sql("update users set status = 'disabled' where id = cast(:id as uuid)")
                .param("id", userId)
                .update();

        assertAccountUnavailable(api.get("/auth/me", token));
        assertAccountUnavailable(api.patch("/auth/me", Map.of("first_name", "Banned"), token));
        assertAccountUnavailable(api.put("/auth/me/persona", Map.of("name", "Zara", "description", ""), token));
        assertAccountUnavailable(api.get("/auth/sessions", token));
        assertAccountUnavailable(api.get("/billing/subscription", token));
        assertAccountUnavailable(api.post("/auth/me/export", null, token));
        assertAccountUnavailable(api.post(
                "/auth/password",
                Map.of("current_password", Signups.PASSWORD, "new_password", "brand-new-" + Signups.PASSWORD),
                token));
        assertAccountUnavailable(api.patch("/auth/me", Map.of("first_name", ""), token));
        assertThat(jdbc.sql("select count(*) from data_export where user_id = cast(:id as uuid)")
                        .param("id", userId)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(api.post(
                                "/auth/login",
                                Map.of(
                                        "identifier",
                                        created.at("/user/username").asString(),
                                        "password",
                                        Signups.PASSWORD))
                        .status())
                .as("login keeps its own answer")
                .isEqualTo(401);
    }

    @Test
    void theOpenApiDescriptionShowsTheAuthApiInSnakeCase() {
        Reply docs = api.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.body().path("paths");
        assertThat(paths.has("/auth/signup")).isTrue();
        assertThat(paths.has("/auth/login")).isTrue();
        assertThat(paths.has("/auth/refresh")).isTrue();
        assertThat(paths.has("/auth/me")).isTrue();
        assertThat(paths.has("/auth/sessions/{id}")).isTrue();
        assertThat(paths.has("/auth/.well-known/jwks.json")).isTrue();
        assertThat(paths.has("/admin/users/{id}/plan")).isTrue();
        assertThat(paths.has("/admin/users/{id}/age")).isTrue();
        JsonNode signup = docs.body().at("/components/schemas/SignupRequest/properties");
        assertThat(signup.has("first_name")).isTrue();
        assertThat(signup.has("phone_number")).isTrue();
        assertThat(paths.path("/auth/me").toString()).doesNotContain("client_info", "clientInfo", "authenticated_user");
    }

    private void assertTaken(Reply reply, String field) {
        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.text("type")).isEqualTo("/problems/taken");
        assertThat(reply.text("field")).isEqualTo(field);
    }

    private static void assertAccountUnavailable(Reply reply) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(401);
        assertThat(reply.headers().getContentType()).hasToString("application/problem+json");
        assertThat(reply.text("type")).isEqualTo("/problems/account-unavailable");
        assertThat(reply.text("detail")).isEqualTo("This account is no longer available.");
    }

    private Reply deleteWithBody(String token, MediaType type, String body) {
        EntityExchangeResult<byte[]> result = http.method(HttpMethod.DELETE)
                .uri("/auth/me")
                .headers(h -> h.setBearerAuth(token))
                .contentType(type)
                .body(body)
                .exchange()
                .returnResult(byte[].class);
        byte[] content = result.getResponseBody();
        return new Reply(
                result.getStatus().value(),
                content == null || content.length == 0 ? Api.JSON.missingNode() : Api.JSON.readTree(content),
                result.getResponseHeaders());
    }

    private static void assertAgeChangeRefused(Reply reply) {
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.headers().getContentType()).hasToString("application/problem+json");
        assertThat(reply.text("type")).isEqualTo("/problems/age-change-needs-verification");
        assertThat(reply.text("detail")).contains("verif");
    }

    private int storedAge(String userId) {
        return jdbc.sql("select age from users where id = cast(:id as uuid)")
                .param("id", userId)
                .query(Integer.class)
                .single();
    }

    private Instant ageGivenAt(String userId) {
        return jdbc.sql("select age_given_at from users where id = cast(:id as uuid)")
                .param("id", userId)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .single();
    }

    /** Moves the moment the age was stated back, as if the years had passed. */
    private void statedYearsAgo(String userId, int years) {
        jdbc.sql("update users set age_given_at = age_given_at - make_interval(years => :years)"
                        + " where id = cast(:id as uuid)")
                .param("years", years)
                .param("id", userId)
                .update();
    }

    private List<String> auditTypes(String userId) {
        return jdbc.sql("select event_type from security_audit where user_id = cast(:id as uuid) order by id")
                .param("id", userId)
                .query(String.class)
                .list();
    }

    private static List<String> fields(Reply reply) {
        List<String> fields = new ArrayList<>();
        reply.body().path("errors").forEach(e -> fields.add(e.path("field").asString()));
        return fields;
    }

    private static Map<String, String> errors(Reply reply) {
        Map<String, String> errors = new java.util.HashMap<>();
        reply.body()
                .path("errors")
                .forEach(e ->
                        errors.put(e.path("field").asString(), e.path("message").asString()));
        return errors;
    }

    private static String national(String international) {
        return international.replaceAll("[^0-9]", "").substring(2);
    }

    private static String unique() {
        return java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
