package com.companion.auth.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.companion.auth.support.Api.Reply;
import com.companion.auth.support.AuthApiTest;
import com.companion.auth.support.Signups;
import com.companion.contracts.EventEnvelope;
import com.companion.contracts.EventJson;
import com.companion.contracts.Topics;
import com.companion.contracts.moderation.AdminActionRecorded;
import com.companion.contracts.moderation.ModerationAction;
import com.companion.contracts.moderation.ModerationActionRequested;
import com.companion.platform.test.IntegrationTest;
import com.companion.platform.test.KafkaProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Bans decided on reports arrive on {@code moderation.actions.v1}; every administrative action leaves on
 * {@code moderation.audit.v1}.
 */
@IntegrationTest(
        properties = {"auth.admin.email=moderator@example.com", "auth.admin.password=granite-meadow-compass-42"})
class ModerationIT extends AuthApiTest {

    private static final String ADMIN_PASSWORD = "granite-meadow-compass-42";
    private static final KafkaProbe AUDIT = new KafkaProbe(Topics.MODERATION_AUDIT);
    private static final KafkaProbe DEAD_LETTERS = new KafkaProbe(Topics.deadLetter(Topics.MODERATION_ACTIONS));

    @Autowired
    KafkaTemplate<String, String> kafka;

    @AfterAll
    static void closeProbes() {
        AUDIT.close();
        DEAD_LETTERS.close();
    }

    @Test
    void aBanDecidedOnAReportDisablesTheAccountEndsItsSessionsAndIsRecordedOnce() {
        Signups signup = Signups.valid();
        Reply user = api.post("/auth/signup", signup.body());
        UUID userId = UUID.fromString(user.at("/user/id").asString());
        Reply admin = adminLogin();
        UUID adminId = UUID.fromString(admin.at("/user/id").asString());
        UUID reportId = UUID.randomUUID();
        ModerationActionRequested request = new ModerationActionRequested(
                UUID.randomUUID(), ModerationAction.BAN, userId, adminId, "Threats in chat", reportId, Instant.now());
        EventEnvelope<ModerationActionRequested> envelope = EventEnvelope.wrap(request);

        send(envelope);

        String status = await().atMost(Duration.ofSeconds(10))
                .until(() -> events.about(userId.toString(), "auth.user-updated"), seen -> !seen.isEmpty())
                .getLast()
                .data()
                .path("status")
                .asString();
        assertThat(status).isEqualTo("disabled");
        assertThat(api.post("/auth/refresh", Map.of("refresh_token", user.text("refresh_token")))
                        .status())
                .as("every device session ended")
                .isEqualTo(401);
        assertThat(api.post("/auth/login", Map.of("identifier", signup.get("email"), "password", Signups.PASSWORD))
                        .status())
                .isEqualTo(401);
        AdminActionRecorded recorded = awaitAudit(userId, 1).getFirst();
        assertThat(recorded)
                .isEqualTo(new AdminActionRecorded(
                        request.actionId(),
                        "auth-service",
                        "account.banned",
                        "user",
                        userId,
                        adminId,
                        "Threats in chat",
                        recorded.occurredAt()));
        assertThat(jdbc.sql(
                                "select count(*) from security_audit where event_type = 'account.banned'"
                                        + " and user_id = :user and actor_id = :admin and details->>'reason' = 'Threats in chat'")
                        .param("user", userId)
                        .param("admin", adminId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        assertThat(api.post(
                                "/admin/users/" + userId + "/unban",
                                Map.of("reason", "Appeal upheld"),
                                admin.text("access_token"))
                        .status())
                .isEqualTo(200);
        send(envelope);
        send(EventEnvelope.wrap(request));

        List<AdminActionRecorded> audit = await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(10))
                .until(() -> auditOf(userId), seen -> seen.size() == 2);
        assertThat(audit).extracting(AdminActionRecorded::action).containsExactly("account.banned", "account.unbanned");
        assertThat(audit.getLast().reason()).isEqualTo("Appeal upheld");
        assertThat(api.post("/auth/login", Map.of("identifier", signup.get("email"), "password", Signups.PASSWORD))
                        .status())
                .as("the same action delivered again does not ban the account again")
                .isEqualTo(200);
    }

    @Test
    void aBanOfAnAdministratorOrAnUnknownAccountIsSkippedAndATakedownIsNotAuthsBusiness() {
        Reply admin = adminLogin();
        UUID adminId = UUID.fromString(admin.at("/user/id").asString());
        UUID unknown = UUID.randomUUID();
        Reply user = api.post("/auth/signup", Signups.valid().body());
        UUID userId = UUID.fromString(user.at("/user/id").asString());

        List<ModerationActionRequested> skipped = List.of(
                requested(ModerationAction.BAN, adminId, adminId), requested(ModerationAction.BAN, unknown, adminId));
        skipped.forEach(request -> send(EventEnvelope.wrap(request)));
        send(EventEnvelope.wrap(requested(ModerationAction.TAKEDOWN, userId, adminId)));
        send(EventEnvelope.wrap(requested(ModerationAction.BAN, userId, adminId)));

        await().alias("both skipped requests handled, each in a transaction that committed")
                .atMost(Duration.ofSeconds(10))
                .until(() -> skipped.stream().allMatch(request -> processed(request.actionId())));
        assertThat(awaitAudit(userId, 1))
                .extracting(AdminActionRecorded::action)
                .as("a takedown is not auth's business; the ban after it is")
                .containsExactly("account.banned");
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> DEAD_LETTERS.records().stream()
                        .noneMatch(record -> List.of(adminId.toString(), unknown.toString(), userId.toString())
                                .contains(record.key())));
        assertThat(auditOf(adminId)).isEmpty();
        assertThat(auditOf(unknown)).isEmpty();
        assertThat(adminLogin().status()).as("the administrator was not banned").isEqualTo(200);
    }

    @Test
    void eachAdministrativeChangeIsRecordedInTheModerationAuditAndANoChangeIsNot() {
        Reply user = api.post("/auth/signup", Signups.valid().with("age", 16).body());
        UUID userId = UUID.fromString(user.at("/user/id").asString());
        Reply admin = adminLogin();
        UUID adminId = UUID.fromString(admin.at("/user/id").asString());
        String token = admin.text("access_token");
        String path = "/admin/users/" + userId;
        Map<String, Object> age = Map.of("age", 18, "reason", "ID checked, ticket 9");
        Map<String, Object> why = Map.of("reason", "Spam");

        assertThat(api.put(path + "/plan", Map.of("plan", "premium"), token).status())
                .isEqualTo(200);
        assertThat(api.put(path + "/plan", Map.of("plan", "premium"), token).status())
                .isEqualTo(200);
        assertThat(api.put(path + "/age", age, token).status()).isEqualTo(200);
        assertThat(api.put(path + "/age", age, token).status()).isEqualTo(200);
        assertThat(api.post(path + "/ban", why, token).status()).isEqualTo(200);
        assertThat(api.post(path + "/ban", why, token).status()).isEqualTo(200);
        assertThat(api.post(path + "/unban", why, token).status()).isEqualTo(200);
        assertThat(api.post(path + "/unban", why, token).status()).isEqualTo(200);

        List<AdminActionRecorded> audit = await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(10))
                .until(() -> auditOf(userId), seen -> seen.size() == 4);
        assertThat(audit)
                .extracting(AdminActionRecorded::action)
                .containsExactly("account.plan-set", "account.age-set", "account.banned", "account.unbanned");
        assertThat(audit).allSatisfy(recorded -> {
            assertThat(recorded.service()).isEqualTo("auth-service");
            assertThat(recorded.targetType()).isEqualTo("user");
            assertThat(recorded.adminId()).isEqualTo(adminId);
        });
        assertThat(audit)
                .extracting(AdminActionRecorded::reason)
                .containsExactly(null, "ID checked, ticket 9", "Spam", "Spam");
        assertThat(audit).extracting(AdminActionRecorded::actionId).doesNotHaveDuplicates();
    }

    @Test
    void aBanWithoutABodyIsAuditedWithoutAReason() {
        Reply user = api.post("/auth/signup", Signups.valid().body());
        UUID userId = UUID.fromString(user.at("/user/id").asString());
        String token = adminLogin().text("access_token");

        Reply banned = api.post("/admin/users/" + userId + "/ban", null, token);

        assertThat(banned.status()).isEqualTo(200);
        List<AdminActionRecorded> audit =
                await().atMost(Duration.ofSeconds(10)).until(() -> auditOf(userId), seen -> !seen.isEmpty());
        assertThat(audit).extracting(AdminActionRecorded::reason).containsExactly("(no reason given)");
        assertThat(api.post("/admin/users/" + userId + "/unban", Map.of("reason", " "), token)
                        .status())
                .as("a reason that is sent must say something")
                .isEqualTo(400);
    }

    @Test
    void aNonAdministratorIsToldTheAdminEndpointsDoNotExist() {
        Reply user = api.post("/auth/signup", Signups.valid().body());
        String path = "/admin/users/" + user.at("/user/id").asString();

        for (Reply reply : List.of(
                api.post(path + "/ban", Map.of("reason", "x"), user.text("access_token")),
                api.put(path + "/plan", Map.of("plan", "premium"), user.text("access_token")))) {
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.text("type")).isEqualTo("/problems/not-found");
        }
    }

    private static ModerationActionRequested requested(ModerationAction action, UUID target, UUID adminId) {
        return new ModerationActionRequested(
                UUID.randomUUID(), action, target, adminId, "Reported", UUID.randomUUID(), Instant.now());
    }

    private boolean processed(UUID actionId) {
        return jdbc.sql("select count(*) from platform_processed_event where event_id = :id")
                        .param("id", actionId)
                        .query(Long.class)
                        .single()
                == 1;
    }

    private void send(EventEnvelope<?> envelope) {
        try {
            kafka.send(envelope.topic(), envelope.key(), EventJson.encode(envelope))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<AdminActionRecorded> awaitAudit(UUID targetId, int count) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> auditOf(targetId), seen -> seen.size() >= count);
    }

    private static List<AdminActionRecorded> auditOf(UUID targetId) {
        return AUDIT.records().stream()
                .filter(record -> targetId.toString().equals(record.key()))
                .map(record ->
                        (AdminActionRecorded) EventJson.decode(record.value()).data())
                .toList();
    }

    private Reply adminLogin() {
        return api.post("/auth/login", Map.of("identifier", "moderator@example.com", "password", ADMIN_PASSWORD));
    }
}
