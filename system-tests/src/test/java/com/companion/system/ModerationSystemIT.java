package com.companion.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.companion.system.Api.Response;
import com.companion.system.Api.User;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Moderation through the gateway: a report resolved with a takedown removes the character from the catalogue and
 * ends other users' access; a ban closes the user's socket, refuses their refresh and hides their public characters
 * until it is lifted; every admin endpoint is 404 to anyone else; the audit shows each action.
 */
@ExtendWith(Stack.class)
class ModerationSystemIT {

    @Test
    void aReportResolvedWithATakedownTakesTheCharacterOutOfTheCatalogueAndEndsOtherUsersAccess() {
        User owner = Api.signup(30);
        String name = "Reported " + UUID.randomUUID().toString().substring(0, 8);
        UUID character = Characters.create(owner, name, "public", false, List.of());
        User chatter = Api.signup(25);
        UUID session = ChatSystemIT.session(chatter, character);
        ChatSystemIT.send(chatter, session, "Hello there!");
        assertThat(listed(name, chatter)).isTrue();

        User reporter = Api.signup(40);
        Response filed = Api.post(
                "/reports",
                reporter,
                Map.of(
                        "target_type", "character",
                        "target_id", character.toString(),
                        "reason", "minors",
                        "details", "the description makes her a child"));
        assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
        String reportId = filed.json().path("id").asString();
        assertThat(filed.json().has("reporter_id")).isFalse();

        User admin = admin();
        JsonNode report = reportIn(Api.get("/admin/reports?status=open&limit=100", admin), reportId);
        assertThat(report.path("context").path("character").path("name").asString())
                .isEqualTo(name);
        Response resolved = Api.post(
                "/admin/reports/" + reportId + "/resolve",
                admin,
                Map.of("action", "takedown", "note", "sexualises a minor"));
        assertThat(resolved.status()).as(resolved.raw()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(15)).until(() -> !listed(name, reporter));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> Api.get("/characters/" + character, chatter).status() == 404);
        await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> Api.post(
                                        "/chat/send",
                                        chatter,
                                        Map.of("session_id", session.toString(), "message", "Are you there?"))
                                .status(),
                        status -> status == 404);
        Response own = Api.get("/characters/" + character, owner);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().path("moderation_status").asString()).isEqualTo("taken_down");
        assertThat(own.json().path("moderation_reason").asString()).isEqualTo("sexualises a minor");

        JsonNode takedown = awaitAudit(admin, character, "character.taken-down");
        assertThat(takedown.path("service").asString()).isEqualTo("character-service");
        assertThat(takedown.path("admin_id").asString()).isNotBlank();
        assertThat(awaitAudit(admin, UUID.fromString(reportId), "report.resolved")
                        .path("admin_id")
                        .asString())
                .isEqualTo(takedown.path("admin_id").asString());
    }

    @Test
    void aBanClosesTheUsersSocketRefusesTheirRefreshAndHidesTheirCharactersUntilItIsLifted() {
        User banned = Api.signup(28);
        Response login = Api.login(banned.username(), banned.password());
        assertThat(login.status()).as(login.raw()).isEqualTo(200);
        String refreshToken = login.json().path("refresh_token").asString();
        String name = "Banned owner's " + UUID.randomUUID().toString().substring(0, 8);
        Characters.create(banned, name, "public", false, List.of());
        User viewer = Api.signup(35);
        await().atMost(Duration.ofSeconds(15)).until(() -> listed(name, viewer));

        try (Socket socket = new Socket(banned)) {
            User reporter = Api.signup(33);
            Response filed = Api.post(
                    "/reports",
                    reporter,
                    Map.of("target_type", "user", "target_id", banned.id().toString(), "reason", "harassment"));
            assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
            User admin = admin();
            Response resolved = Api.post(
                    "/admin/reports/" + filed.json().path("id").asString() + "/resolve",
                    admin,
                    Map.of("action", "ban", "note", "harassed other users"));
            assertThat(resolved.status()).as(resolved.raw()).isEqualTo(200);

            assertThat(socket.awaitClosed(Duration.ofSeconds(20))).isIn(4401, 4403);
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> Api.post("/auth/refresh", null, Map.of("refresh_token", refreshToken))
                                    .status()
                            == 401);
            await().atMost(Duration.ofSeconds(15)).until(() -> !listed(name, viewer));
            JsonNode ban = awaitAudit(admin, banned.id(), "account.banned");
            assertThat(ban.path("service").asString()).isEqualTo("auth-service");
            assertThat(ban.path("reason").asString()).isEqualTo("harassed other users");

            Response lifted =
                    Api.post("/admin/users/" + banned.id() + "/unban", admin, Map.of("reason", "appeal accepted"));
            assertThat(lifted.status()).as(lifted.raw()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(15)).until(() -> listed(name, viewer));
            assertThat(awaitAudit(admin, banned.id(), "account.unbanned")
                            .path("reason")
                            .asString())
                    .isEqualTo("appeal accepted");
        }
    }

    @Test
    void everyAdminEndpointIsNotFoundForAUser() {
        User user = Api.signup(30);
        UUID any = UUID.randomUUID();
        Map<String, String> body = Map.of("reason", "x", "action", "dismiss");
        List<Response> answers = List.of(
                Api.get("/admin/reports", user),
                Api.post("/admin/reports/" + any + "/resolve", user, body),
                Api.get("/admin/audit", user),
                Api.get("/admin/blocked-messages", user),
                Api.post("/admin/characters/" + any + "/takedown", user, body),
                Api.post("/admin/characters/" + any + "/restore", user, body),
                Api.post("/admin/users/" + user.id() + "/ban", user, body),
                Api.post("/admin/users/" + user.id() + "/unban", user, body),
                Api.put("/admin/users/" + user.id() + "/plan", user, Map.of("plan", "premium")),
                Api.put("/admin/users/" + user.id() + "/age", user, Map.of("age", 30, "reason", "x")),
                Api.get("/admin/analytics/daily", user),
                Api.get("/admin/analytics/models", user));
        for (Response answer : answers) {
            assertThat(answer.status()).as(answer.raw()).isEqualTo(404);
        }
    }

    private static boolean listed(String name, User viewer) {
        Response page = Api.get("/characters/public?q=" + name.replace(' ', '+').replace("'", "%27"), viewer);
        assertThat(page.status()).as(page.raw()).isEqualTo(200);
        for (JsonNode item : page.json().path("items")) {
            if (item.path("name").asString().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode reportIn(Response page, String id) {
        assertThat(page.status()).as(page.raw()).isEqualTo(200);
        for (JsonNode item : page.json().path("items")) {
            if (item.path("id").asString().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("report " + id + " is not listed: " + page.raw());
    }

    private static JsonNode awaitAudit(User admin, UUID target, String action) {
        return await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> {
                            Response page = Api.get("/admin/audit?target_id=" + target, admin);
                            assertThat(page.status()).as(page.raw()).isEqualTo(200);
                            for (JsonNode entry : page.json().path("items")) {
                                if (entry.path("action").asString().equals(action)) {
                                    return entry;
                                }
                            }
                            return null;
                        },
                        entry -> entry != null);
    }

    private static User admin() {
        Map<String, String> admin = Stack.admin();
        Response login = Api.login(admin.get("email"), admin.get("password"));
        assertThat(login.status()).as(login.raw()).isEqualTo(200);
        return new User(
                null, null, null, null, null, login.json().path("access_token").asString());
    }
}
