package com.companion.auth.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.companion.auth.account.AccountAdministration;
import com.companion.auth.account.AccountAdministration.AdminAccount;
import com.companion.auth.support.Api;
import com.companion.auth.support.Api.Reply;
import com.companion.auth.support.AuthApiTest;
import com.companion.auth.support.Signups;
import com.companion.auth.support.Tokens;
import com.companion.platform.test.IntegrationTest;
import com.companion.platform.test.TestJwks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@IntegrationTest(
        properties = {"auth.admin.email=Root.Admin@Example.com", "auth.admin.password=granite-meadow-compass-42"})
class AdminIT extends AuthApiTest {

    private static final String ADMIN_PASSWORD = "granite-meadow-compass-42";

    @Autowired
    AccountAdministration administration;

    @Test
    void theConfiguredAdminExistsAtStartAndSignsInWithTheAdminRole() {
        Reply login =
                api.post("/auth/login", Map.of("identifier", "root.admin@example.com", "password", ADMIN_PASSWORD));

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.at("/user/username").asString()).isEqualTo("root.admin");
        assertThat(login.at("/user/plan").asString()).isEqualTo("premium");
        assertThat(login.at("/user/is_adult").asBoolean()).isTrue();
        JsonNode claims = Tokens.claims(login.text("access_token"));
        assertThat(claims.path("roles").toString()).isEqualTo("[\"user\",\"admin\"]");
        String adminId = login.at("/user/id").asString();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !events.about(adminId, "auth.user-registered").isEmpty());

        UUID again = administration.ensureAdmin(new AdminAccount("root.admin@example.com", ADMIN_PASSWORD, null));
        assertThat(again.toString()).isEqualTo(adminId);
        assertThat(refresh(login.text("refresh_token")).status())
                .as("an unchanged admin keeps its sessions")
                .isEqualTo(200);
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(3))
                .until(() -> events.about(adminId).size() == 1);
    }

    @Test
    void onlyAnAdminChangesAPlanAndEachChangeIsPublishedOnce() {
        Reply user = api.post("/auth/signup", Signups.valid().body());
        String userId = user.at("/user/id").asString();
        String userToken = user.text("access_token");
        String adminToken = adminToken();
        String path = "/admin/users/" + userId + "/plan";

        Reply byUser = api.put(path, Map.of("plan", "premium"), userToken);
        assertThat(byUser.status()).isEqualTo(404);
        assertThat(byUser.text("type")).isEqualTo("/problems/not-found");
        assertThat(api.put(path, Map.of("plan", "premium"), null).status()).isEqualTo(401);
        String forgedAdmin = TestJwks.shared().token(UUID.randomUUID(), "premium", true, "user", "admin");
        assertThat(api.put(path, Map.of("plan", "premium"), forgedAdmin).status())
                .isEqualTo(401);

        Reply unknown = api.put("/admin/users/" + UUID.randomUUID() + "/plan", Map.of("plan", "premium"), adminToken);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(api.put(path, Map.of("plan", "gold"), adminToken).status()).isEqualTo(400);

        Reply upgraded = api.put(path, Map.of("plan", "premium"), adminToken);
        assertThat(upgraded.status()).isEqualTo(200);
        assertThat(upgraded.text("plan")).isEqualTo("premium");
        assertThat(api.put(path, Map.of("plan", "premium"), adminToken).status())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !events.about(userId, "auth.user-updated").isEmpty());
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(3))
                .until(() -> events.about(userId, "auth.user-updated").size() == 1);
        JsonNode updated = events.about(userId, "auth.user-updated").getFirst().data();
        assertThat(updated.path("plan").asString()).isEqualTo("premium");
        assertThat(updated.path("changed").toString()).isEqualTo("[\"plan\"]");

        assertThat(jdbc.sql("select count(*) from security_audit where event_type = 'plan.change'"
                                + " and user_id = cast(:user as uuid) and actor_id is not null")
                        .param("user", userId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        Reply refreshed = refresh(user.text("refresh_token"));
        assertThat(Tokens.claims(refreshed.text("access_token")).path("plan").asString())
                .isEqualTo("premium");
        assertThat(api.get("/auth/me", refreshed.text("access_token")).text("plan"))
                .isEqualTo("premium");
    }

    @Test
    void onlyAnAdminSetsAnAgeWithAReasonAndTheChangeIsAuditedAndPublished() {
        Reply minor = api.post("/auth/signup", Signups.valid().with("age", 15).body());
        String userId = minor.at("/user/id").asString();
        String userToken = minor.text("access_token");
        Reply admin = adminLogin();
        String adminToken = admin.text("access_token");
        String path = "/admin/users/" + userId + "/age";
        Map<String, Object> verified = Map.of("age", 18, "reason", "Passport checked by support, ticket 4521");

        Reply byUser = api.put(path, verified, userToken);
        assertThat(byUser.status()).isEqualTo(404);
        assertThat(byUser.text("type")).isEqualTo("/problems/not-found");
        assertThat(api.put(path, verified, null).status()).isEqualTo(401);
        assertThat(api.put("/admin/users/" + UUID.randomUUID() + "/age", verified, adminToken)
                        .status())
                .isEqualTo(404);
        assertThat(fields(api.put(path, Map.of("age", 18), adminToken))).containsExactly("reason");
        assertThat(fields(api.put(path, Map.of("age", 18, "reason", "   "), adminToken)))
                .containsExactly("reason");
        assertThat(fields(api.put(path, Map.of("age", 18, "reason", "x".repeat(501)), adminToken)))
                .containsExactly("reason");
        assertThat(fields(api.put(path, Map.of("age", 12, "reason", "typo"), adminToken)))
                .containsExactly("age");
        assertThat(fields(api.put(path, Map.of("reason", "typo"), adminToken))).containsExactly("age");
        assertThat(api.get("/auth/me", userToken).body().path("age").asInt()).isEqualTo(15);
        assertThat(ageChanges(userId)).isZero();

        Reply set = api.put(path, verified, adminToken);
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.text("id")).isEqualTo(userId);
        assertThat(set.body().path("age").asInt()).isEqualTo(18);
        assertThat(set.body().path("is_adult").asBoolean()).isTrue();
        assertThat(api.put(path, verified, adminToken).status())
                .as("setting the same age again changes nothing")
                .isEqualTo(200);

        JsonNode audit = jdbc.sql("select json_build_object('actor_id', actor_id, 'occurred_at', occurred_at,"
                        + " 'details', details)::text from security_audit"
                        + " where event_type = 'age.change' and user_id = cast(:user as uuid)")
                .param("user", userId)
                .query((rs, n) -> Api.JSON.readTree(rs.getString(1)))
                .single();
        assertThat(audit.path("actor_id").asString())
                .isEqualTo(admin.at("/user/id").asString());
        assertThat(audit.path("occurred_at").asString()).isNotBlank();
        assertThat(audit.at("/details/from").asInt()).isEqualTo(15);
        assertThat(audit.at("/details/to").asInt()).isEqualTo(18);
        assertThat(audit.at("/details/reason").asString()).isEqualTo("Passport checked by support, ticket 4521");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !events.about(userId, "auth.user-updated").isEmpty());
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(3))
                .until(() -> events.about(userId, "auth.user-updated").size() == 1);
        JsonNode updated = events.about(userId, "auth.user-updated").getFirst().data();
        assertThat(updated.path("is_adult").asBoolean()).isTrue();
        assertThat(updated.path("changed").toString()).isEqualTo("[\"is_adult\"]");

        Reply refreshed = refresh(minor.text("refresh_token"));
        assertThat(Tokens.claims(refreshed.text("access_token"))
                        .path("is_adult")
                        .asBoolean())
                .isTrue();
        Reply me = api.get("/auth/me", refreshed.text("access_token"));
        assertThat(me.body().path("age").asInt()).isEqualTo(18);
        assertThat(me.body().path("is_adult").asBoolean()).isTrue();
    }

    @Test
    void aBanDisablesTheAccountEndsItsSessionsIsAuditedAndPublishedAndAnAdminCanLiftIt() {
        Signups signup = Signups.valid();
        Reply user = api.post("/auth/signup", signup.body());
        String userId = user.at("/user/id").asString();
        String refreshToken = user.text("refresh_token");
        Reply admin = adminLogin();
        String adminToken = admin.text("access_token");
        Map<String, Object> why = Map.of("reason", "Harassment reports, ticket 77");

        Reply byUser = api.post("/admin/users/" + userId + "/ban", why, user.text("access_token"));
        assertThat(byUser.status()).isEqualTo(404);
        assertThat(api.post("/admin/users/" + admin.at("/user/id").asString() + "/ban", why, adminToken)
                        .status())
                .as("an administrator cannot be banned")
                .isEqualTo(409);

        Reply banned = api.post("/admin/users/" + userId + "/ban", why, adminToken);
        assertThat(banned.status()).isEqualTo(200);
        String stillValid = user.text("access_token");
        List<Reply> refused = List.of(
                api.get("/auth/me", stillValid),
                api.patch("/auth/me", Map.of("first_name", "Banned"), stillValid),
                api.put("/auth/me/persona", Map.of("name", "Zara", "description", ""), stillValid),
                api.get("/auth/sessions", stillValid),
                api.get("/billing/subscription", stillValid),
                api.post("/auth/me/export", null, stillValid),
                api.post(
                        "/auth/password",
                        Map.of("current_password", Signups.PASSWORD, "new_password", "brand-new-" + Signups.PASSWORD),
                        stillValid));
        for (Reply reply : refused) {
            assertThat(reply.status()).as(reply.body().toString()).isEqualTo(401);
            assertThat(reply.text("type")).isEqualTo("/problems/account-unavailable");
            assertThat(reply.text("detail")).isEqualTo("This account is no longer available.");
        }
        assertThat(jdbc.sql("select first_name from users where id = cast(:id as uuid)")
                        .param("id", userId)
                        .query(String.class)
                        .single())
                .isEqualTo("Mira");
        assertThat(refresh(refreshToken).status())
                .as("every device session ended")
                .isEqualTo(401);
        assertThat(api.post("/auth/login", Map.of("identifier", signup.get("email"), "password", Signups.PASSWORD))
                        .status())
                .isEqualTo(401);
        JsonNode published = await().atMost(Duration.ofSeconds(10))
                .until(() -> events.about(userId, "auth.user-updated"), seen -> !seen.isEmpty())
                .getLast()
                .data();
        assertThat(published.path("status").asString()).isEqualTo("disabled");
        assertThat(published.path("changed").toString()).isEqualTo("[\"status\"]");
        assertThat(jdbc.sql("select count(*) from security_audit where event_type = 'account.banned'"
                                + " and user_id = cast(:user as uuid) and actor_id = cast(:admin as uuid)"
                                + " and details->>'reason' = 'Harassment reports, ticket 77'")
                        .param("user", userId)
                        .param("admin", admin.at("/user/id").asString())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        assertThat(api.post("/admin/users/" + userId + "/unban", why, adminToken)
                        .status())
                .isEqualTo(200);
        assertThat(api.post("/auth/login", Map.of("identifier", signup.get("email"), "password", Signups.PASSWORD))
                        .status())
                .as("signs in again once the ban is lifted")
                .isEqualTo(200);
        Reply endedSession = api.get("/auth/me", stillValid);
        assertThat(endedSession.status()).isEqualTo(401);
        assertThat(endedSession.text("type"))
                .as("the ban ended the token's device session for good")
                .isEqualTo("/problems/session-ended");
        assertThat(await().atMost(Duration.ofSeconds(10))
                        .until(() -> events.about(userId, "auth.user-updated"), seen -> seen.size() == 2)
                        .getLast()
                        .data()
                        .path("status")
                        .asString())
                .isEqualTo("active");
    }

    @Test
    void bootstrappingOverAnUnverifiedAccountRefusesAndChangesNothing() {
        Signups squatter = Signups.valid();
        Reply signup = api.post("/auth/signup", squatter.body());
        String userId = signup.at("/user/id").asString();

        UUID result = administration.ensureAdmin(
                new AdminAccount((String) squatter.get("email"), "another-admin-passphrase-7", "ops_lead"));

        assertThat(result).isNull();
        assertThat(refresh(signup.text("refresh_token")).status()).isEqualTo(200);
        Reply login =
                api.post("/auth/login", Map.of("identifier", squatter.get("email"), "password", Signups.PASSWORD));
        assertThat(Tokens.claims(login.text("access_token")).path("roles").toString())
                .doesNotContain("admin");
        assertThat(jdbc.sql("select count(*) from security_audit where user_id = cast(:id as uuid)"
                                + " and event_type = 'admin.bootstrap_refused'")
                        .param("id", userId)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void bootstrappingOverAVerifiedAccountMakesItAdminAndEndsItsSessions() {
        Signups squatter = Signups.valid();
        Reply signup = api.post("/auth/signup", squatter.body());
        String userId = signup.at("/user/id").asString();
        jdbc.sql("update users set email_verified = true where id = cast(:id as uuid)")
                .param("id", userId)
                .update();

        administration.ensureAdmin(
                new AdminAccount((String) squatter.get("email"), "another-admin-passphrase-7", "ops_lead"));

        assertThat(refresh(signup.text("refresh_token")).status()).isEqualTo(401);
        assertThat(api.post("/auth/login", Map.of("identifier", squatter.get("email"), "password", Signups.PASSWORD))
                        .status())
                .isEqualTo(401);
        Reply login = api.post(
                "/auth/login", Map.of("identifier", squatter.get("email"), "password", "another-admin-passphrase-7"));
        assertThat(login.status()).isEqualTo(200);
        assertThat(Tokens.claims(login.text("access_token")).path("roles").toString())
                .contains("admin");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !events.about(userId, "auth.user-updated").isEmpty());
        assertThat(events.about(userId, "auth.user-updated")
                        .getFirst()
                        .data()
                        .path("changed")
                        .toString())
                .isEqualTo("[\"plan\"]");
    }

    @Test
    void aWeakOrMalformedAdminConfigurationStopsTheStart() {
        assertThatThrownBy(() -> administration.ensureAdmin(new AdminAccount("ops@example.com", "admin", null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("ADMIN_PASSWORD must be at least");
        assertThatThrownBy(() -> administration.ensureAdmin(new AdminAccount("ops@example.com", "password1234", null)))
                .hasMessageContaining("common")
                .hasMessageNotContaining("password1234");
        assertThatThrownBy(() -> administration.ensureAdmin(new AdminAccount("not-an-email", ADMIN_PASSWORD, null)))
                .hasMessageContaining("ADMIN_EMAIL");
    }

    @Test
    void theServiceIsHealthyAndAnswersUnauthenticatedCallsWithAProblem() {
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
        Reply anonymous = api.get("/auth/me", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.headers().getContentType()).hasToString("application/problem+json");
        assertThat(anonymous.body().path("status").asInt()).isEqualTo(401);
    }

    private String adminToken() {
        return adminLogin().text("access_token");
    }

    private Reply adminLogin() {
        return api.post("/auth/login", Map.of("identifier", "root.admin", "password", ADMIN_PASSWORD));
    }

    private long ageChanges(String userId) {
        return jdbc.sql("select count(*) from security_audit where event_type = 'age.change'"
                        + " and user_id = cast(:user as uuid)")
                .param("user", userId)
                .query(Long.class)
                .single();
    }

    private static List<String> fields(Reply reply) {
        assertThat(reply.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        reply.body().path("errors").forEach(e -> fields.add(e.path("field").asString()));
        return fields;
    }

    private Reply refresh(String refreshToken) {
        return api.post("/auth/refresh", Map.of("refresh_token", refreshToken));
    }
}
