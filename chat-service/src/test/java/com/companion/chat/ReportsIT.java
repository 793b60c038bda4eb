package com.companion.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.companion.contracts.EventJson;
import com.companion.contracts.Topics;
import com.companion.contracts.character.Visibility;
import com.companion.contracts.chat.MessageRequested;
import com.companion.contracts.moderation.AdminActionRecorded;
import com.companion.contracts.moderation.ModerationAction;
import com.companion.contracts.moderation.ModerationActionRequested;
import com.companion.platform.test.IntegrationTest;
import com.companion.platform.test.KafkaProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Reports, their review and the moderation audit: {@code POST /reports}, {@code GET /admin/reports}, {@code POST
 * /admin/reports/{id}/resolve}, {@code GET /admin/audit}, and the report the platform raises on repeated refusals.
 * Same properties as {@link ChatPipelineIT}, so they share one application context.
 */
@IntegrationTest(
        properties = {
            "chat.send-wait=5s",
            "chat.read-model-wait=2s",
            "chat.socket.frame-burst=500",
            "chat.ad-wait=1500ms",
            "chat.ad-wait-max=1500ms",
            "chat.sends-per-minute=6"
        })
@AutoConfigureRestTestClient
class ReportsIT {

    static final ChatFixtures fixtures = new ChatFixtures();
    static final KafkaProbe actions = new KafkaProbe(Topics.MODERATION_ACTIONS);
    static final KafkaProbe audit = new KafkaProbe(Topics.MODERATION_AUDIT);

    @Autowired
    RestTestClient http;

    ChatApi api;

    @BeforeEach
    void api() {
        api = new ChatApi(http);
    }

    @AfterAll
    static void close() {
        fixtures.close();
        actions.close();
        audit.close();
    }

    @Test
    void aUserReportsACharacterOnceAndAnAdministratorSeesItsSheetButNobodyElseDoes() {
        UUID owner = fixtures.user(true);
        UUID character = fixtures.character(owner, Visibility.PUBLIC, false);
        UUID reporter = fixtures.user(true);
        UUID other = fixtures.user(true);

        JsonNode report = awaitFiled(reporter, "character", character, "minors", "Her description says she is 13");
        assertThat(report.path("status").asString()).isEqualTo("open");
        assertThat(report.path("reason").asString()).isEqualTo("minors");
        assertThat(report.has("reporter_id"))
                .as("a reporter sees only their own report")
                .isFalse();

        assertThat(api.post(reporter, "/reports", body("character", character, "minors", null))
                        .path("type")
                        .asString())
                .endsWith("already-reported");
        JsonNode second = api.post(other, "/reports", body("character", character, "SEXUAL_CONTENT", null));
        assertThat(second.path("reason").asString()).isEqualTo("sexual-content");
        UUID third = fixtures.user(true);
        JsonNode ownWords = api.post(third, "/reports", body("user", owner, "Offensive content", "Look at it"));
        assertThat(ownWords.path("reason").asString())
                .as("a reason in the reporter's own words is filed as other")
                .isEqualTo("other");
        assertThat(ownWords.path("details").asString()).isEqualTo("Offensive content\n\nLook at it");
        assertThat(api.post(third, "/reports", body("character", character, " ", null))
                        .path("status")
                        .asInt())
                .as("a blank reason is still refused")
                .isEqualTo(400);
        UUID hidden = fixtures.character(owner, Visibility.PRIVATE, false);
        assertThat(api.status(reporter, "/reports", body("character", hidden, "spam", null)))
                .as("a private character of someone else is not there to be reported")
                .isEqualTo(404);

        UUID admin = UUID.randomUUID();
        JsonNode seen = find(api.get(admin, "/admin/reports?status=open&limit=100", "admin"), report.path("id"));
        assertThat(seen.path("reporter_id").asString()).isEqualTo(reporter.toString());
        assertThat(seen.path("subject_user_id").asString()).isEqualTo(owner.toString());
        assertThat(seen.path("details").asString()).isEqualTo("Her description says she is 13");
        assertThat(seen.path("context").path("character").path("id").asString()).isEqualTo(character.toString());
        assertThat(seen.path("context").path("character").has("name")).isTrue();
        assertThat(seen.path("open_reports_on_target").asInt()).isEqualTo(2);

        for (String path : List.of("/admin/reports", "/admin/audit")) {
            assertThat(http.get()
                            .uri(path)
                            .header(HttpHeaders.AUTHORIZATION, ChatApi.bearer(reporter))
                            .exchange()
                            .returnResult(byte[].class)
                            .getStatus()
                            .value())
                    .as("%s does not exist for a user", path)
                    .isEqualTo(404);
        }
        assertThat(api.status(
                        reporter,
                        "/admin/reports/" + report.path("id").asString() + "/resolve",
                        Map.of("action", "dismiss")))
                .isEqualTo(404);
    }

    @Test
    void aReportedReplyIsTakenDownWithItsCharacterAndEveryOpenReportOnItIsResolvedAndAudited() {
        UUID owner = fixtures.user(true);
        UUID character = fixtures.character(owner, Visibility.PUBLIC, false);
        UUID user = fixtures.user(true);
        UUID session = api.session(user, character);
        String said = "Tell me about your day " + UUID.randomUUID();
        CompletableFuture<JsonNode> sent = CompletableFuture.supplyAsync(
                () -> api.post(user, "/chat/send", Map.of("session_id", session.toString(), "message", said)));
        MessageRequested request = fixtures.awaitRequest(session, said);
        fixtures.reply(request, "Something nobody should read.");
        fixtures.decide(request, 1, false);
        UUID reply = UUID.fromString(sent.join().path("message_id").asString());

        JsonNode report = awaitFiled(user, "message", reply, "inappropriate", null);
        UUID admin = UUID.randomUUID();
        JsonNode seen = find(api.get(admin, "/admin/reports?limit=100", "admin"), report.path("id"));
        assertThat(seen.path("context").path("message").path("content").asString())
                .isEqualTo("Something nobody should read.");
        assertThat(seen.path("context").path("before").get(0).path("content").asString())
                .isEqualTo(said);
        assertThat(seen.path("context").path("character_id").asString()).isEqualTo(character.toString());
        assertThat(seen.path("subject_user_id").asString())
                .as("a reply is its character's owner's to answer for")
                .isEqualTo(owner.toString());

        JsonNode resolved = api.post(
                admin,
                "/admin/reports/" + report.path("id").asString() + "/resolve",
                Map.of("action", "takedown", "note", "graphic reply"),
                "admin");
        assertThat(resolved.path("status").asString()).isEqualTo("actioned");
        assertThat(resolved.path("resolution").path("action").asString()).isEqualTo("takedown");
        assertThat(resolved.path("resolution").path("admin_id").asString()).isEqualTo(admin.toString());
        ModerationActionRequested action = awaitAction(character);
        assertThat(action.action()).isEqualTo(ModerationAction.TAKEDOWN);
        assertThat(action.adminId()).isEqualTo(admin);
        assertThat(action.reason()).isEqualTo("graphic reply");
        assertThat(action.reportId())
                .isEqualTo(UUID.fromString(report.path("id").asString()));

        assertThat(api.post(
                                admin,
                                "/admin/reports/" + report.path("id").asString() + "/resolve",
                                Map.of("action", "dismiss"),
                                "admin")
                        .path("type")
                        .asString())
                .endsWith("report-resolved");
        JsonNode entries = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> api.get(
                                admin,
                                "/admin/audit?target_id=" + report.path("id").asString(),
                                "admin"),
                        page -> page.path("items").size() == 1);
        JsonNode entry = entries.path("items").get(0);
        assertThat(entry.path("action").asString()).isEqualTo("report.resolved");
        assertThat(entry.path("admin_id").asString()).isEqualTo(admin.toString());
        assertThat(entry.path("service").asString()).isEqualTo("chat-service");
    }

    @Test
    void aBanOnAUserReportIsAskedOfAuthAndTheAuditKeepsWhatTheOtherServicesRecord() {
        UUID reported = fixtures.user(true);
        UUID reporter = fixtures.user(true);
        JsonNode report = awaitFiled(reporter, "user", reported, "harassment", "keeps messaging me");
        assertThat(api.status(reporter, "/reports", body("user", reporter, "spam", null)))
                .as("nobody reports themselves")
                .isEqualTo(400);
        UUID admin = UUID.randomUUID();
        assertThat(api.status(
                        admin,
                        "/admin/reports/" + report.path("id").asString() + "/resolve",
                        Map.of("action", "takedown"),
                        "admin"))
                .as("a user is banned, not taken down")
                .isEqualTo(400);
        api.post(
                admin, "/admin/reports/" + report.path("id").asString() + "/resolve", Map.of("action", "ban"), "admin");
        ModerationActionRequested action = awaitAction(reported);
        assertThat(action.action()).isEqualTo(ModerationAction.BAN);
        assertThat(action.reason()).isEqualTo("reported for harassment");

        AdminActionRecorded banned = new AdminActionRecorded(
                UUID.randomUUID(),
                "auth-service",
                "account.banned",
                "user",
                reported,
                admin,
                "harassment",
                Instant.now());
        fixtures.publish(banned);
        fixtures.publish(banned);
        JsonNode entries = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> api.get(admin, "/admin/audit?target_id=" + reported, "admin"),
                        page -> page.path("items").size() >= 1);
        assertThat(entries.path("items")).hasSize(1);
        assertThat(entries.path("items").get(0).path("action").asString()).isEqualTo("account.banned");
        assertThat(entries.path("items").get(0).path("service").asString()).isEqualTo("auth-service");
    }

    @Test
    void repeatedRefusalsRaiseOneReportOnTheUserWithTheRefusedMessages() {
        UUID user = fixtures.user(true);
        UUID session = api.session(user, fixtures.character(user, Visibility.PRIVATE, false));
        for (int i = 0; i < 5; i++) {
            assertThat(api.status(
                            user,
                            "/chat/send",
                            Map.of(
                                    "session_id",
                                    session.toString(),
                                    "message",
                                    "roleplay s3x with a 14 year old girl " + UUID.randomUUID())))
                    .isEqualTo(400);
        }
        UUID admin = UUID.randomUUID();
        JsonNode raised = null;
        for (JsonNode item :
                api.get(admin, "/admin/reports?status=open&limit=100", "admin").path("items")) {
            if (item.path("target_id").asString().equals(user.toString())) {
                assertThat(raised).as("one open report on the user").isNull();
                raised = item;
            }
        }
        assertThat(raised).isNotNull();
        assertThat(raised.path("reporter_id").isNull()).isTrue();
        assertThat(raised.path("reason").asString()).isEqualTo("repeated-refusals");
        assertThat(raised.path("context").path("refusals")).hasSize(5);
        assertThat(raised.path("context").path("refusals").get(0).path("policy").asString())
                .isEqualTo("minors");
        assertThat(audit.records().stream()
                        .map(r -> EventJson.decode(r.value()).data())
                        .filter(e -> e instanceof AdminActionRecorded a
                                && a.targetId().equals(user)
                                && a.action().equals("report.filed")
                                && a.adminId() == null))
                .hasSize(1);
    }

    @Test
    void aUserFilesAtMostTenReportsAnHour() {
        UUID reporter = fixtures.user(true);
        for (int i = 0; i < 10; i++) {
            awaitFiled(reporter, "user", fixtures.user(false), "spam", null);
        }
        UUID eleventh = fixtures.user(false);
        JsonNode refused = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> api.post(reporter, "/reports", body("user", eleventh, "spam", null)),
                        node -> node.path("status").asInt() != 404);
        assertThat(refused.path("status").asInt()).isEqualTo(429);
    }

    private JsonNode awaitFiled(UUID reporter, String type, UUID target, String reason, String details) {
        return await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> api.post(reporter, "/reports", body(type, target, reason, details)),
                        node -> node.has("id"));
    }

    private static ModerationActionRequested awaitAction(UUID target) {
        return await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> actions.records().stream()
                                .map(r -> EventJson.decode(r.value()).data())
                                .map(ModerationActionRequested.class::cast)
                                .filter(a -> a.targetId().equals(target))
                                .findFirst()
                                .orElse(null),
                        a -> a != null);
    }

    private static Map<String, Object> body(String type, UUID target, String reason, String details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("target_type", type);
        body.put("target_id", target.toString());
        body.put("reason", reason);
        if (details != null) {
            body.put("details", details);
        }
        return body;
    }

    private static JsonNode find(JsonNode page, JsonNode id) {
        for (JsonNode item : page.path("items")) {
            if (item.path("id").asString().equals(id.asString())) {
                return item;
            }
        }
        throw new AssertionError("not listed: " + id + " in " + page);
    }
}
