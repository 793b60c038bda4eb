package com.companion.chat.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.companion.chat.ChatFixtures;
import com.companion.contracts.Event;
import com.companion.contracts.Plan;
import com.companion.contracts.auth.UserDeleted;
import com.companion.contracts.auth.UserRegistered;
import com.companion.contracts.auth.UserStatus;
import com.companion.contracts.auth.UserUpdated;
import com.companion.platform.test.IntegrationTest;
import com.companion.platform.test.TestJwks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What API.md promises of {@code POST /reports}, {@code GET /reports/{id}} and the administrators' report endpoints
 * beyond {@code ReportsIT}: which users can be reported, the report at its {@code Location}, and validation problems
 * that name the field. Same properties as {@code ChatPipelineIT}, so they share one application context.
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
class ReportsApiIT {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final ChatFixtures fixtures = new ChatFixtures();

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @AfterAll
    static void close() {
        fixtures.close();
    }

    @Test
    void aDeletedUserIsNotThereToBeReportedWhileABannedOneStillIs() {
        UUID reporter = user();
        UUID deleted = user();
        UUID banned = user();
        awaitKnown(reporter);
        awaitKnown(deleted);
        awaitKnown(banned);

        publish(new UserDeleted(deleted));
        publish(new UserUpdated(
                banned, username(banned), Plan.FREE, true, UserStatus.DISABLED, List.of("status"), null));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("select deleted from user_view where user_id = :id")
                        .param("id", deleted)
                        .query(Boolean.class)
                        .single());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("select status from user_view where user_id = :id")
                        .param("id", banned)
                        .query(String.class)
                        .single()
                        .equals("DISABLED"));

        EntityExchangeResult<byte[]> refused = post(reporter, "/reports", report("user", deleted, "spam"));
        assertThat(refused.getStatus().value())
                .as("a deleted account is erased: nobody to report")
                .isEqualTo(404);
        assertThat(json(refused).path("type").asString()).isEqualTo("/problems/not-found");

        EntityExchangeResult<byte[]> filed = post(reporter, "/reports", report("user", banned, "harassment"));
        assertThat(filed.getStatus().value())
                .as("a banned account is still someone: a ban can be lifted")
                .isEqualTo(201);
        UUID admin = UUID.randomUUID();
        JsonNode listed = find(
                get(admin, "/admin/reports?limit=100", "admin"), json(filed).path("id"));
        assertThat(listed.path("context").path("user").path("active").asBoolean())
                .as("the moderator is told the account is not active")
                .isFalse();
    }

    /**
     * A user who signed up a moment ago is someone to report even before chat-service has their event: the report
     * waits for it, as a new session waits for a new character, instead of answering 404.
     */
    @Test
    void aUserWhoseSignUpHasNotArrivedYetIsWaitedForNotUnknown() {
        UUID reporter = user();
        awaitKnown(reporter);
        UUID newcomer = UUID.randomUUID();

        EntityExchangeResult<byte[]> filed = ChatFixtures.answerOnceTheEventArrives(
                listeners,
                () -> post(reporter, "/reports", report("user", newcomer, "spam")),
                () -> publish(new UserRegistered(
                        newcomer, username(newcomer), Plan.FREE, true, UserStatus.ACTIVE, Instant.now())));

        assertThat(filed.getStatus().value()).isEqualTo(201);
    }

    @Test
    void aReporterReadsTheirReportAtItsLocationAndNobodyElseCan() {
        UUID reporter = user();
        UUID reported = user();
        UUID other = user();
        awaitKnown(reporter);
        awaitKnown(reported);
        awaitKnown(other);

        EntityExchangeResult<byte[]> filed = post(reporter, "/reports", report("user", reported, "spam"));
        assertThat(filed.getStatus().value()).isEqualTo(201);
        JsonNode created = json(filed);
        String location = filed.getResponseHeaders().getLocation().toString();
        assertThat(location).isEqualTo("/reports/" + created.path("id").asString());

        EntityExchangeResult<byte[]> read = get(reporter, location);
        assertThat(read.getStatus().value()).isEqualTo(200);
        assertThat(json(read)).as("the same body as the 201").isEqualTo(created);

        assertThat(get(other, location).getStatus().value())
                .as("someone else's report is not there")
                .isEqualTo(404);
        assertThat(get(reported, location).getStatus().value())
                .as("not even for the reported user")
                .isEqualTo(404);
        assertThat(get(UUID.randomUUID(), location, "admin").getStatus().value())
                .as("administrators read reports under /admin/reports")
                .isEqualTo(404);
        assertThat(get(reporter, "/reports/" + UUID.randomUUID()).getStatus().value())
                .isEqualTo(404);

        UUID admin = UUID.randomUUID();
        assertThat(post(
                                admin,
                                location.replace("/reports/", "/admin/reports/") + "/resolve",
                                Map.of("action", "dismiss"),
                                "admin")
                        .getStatus()
                        .value())
                .isEqualTo(200);
        assertThat(json(get(reporter, location)).path("status").asString())
                .as("the status as it stands now")
                .isEqualTo("dismissed");
    }

    @Test
    void anUnknownStatusOrActionIsAValidationProblemNamingTheFieldAndWhatItMayBe() {
        UUID admin = UUID.randomUUID();
        JsonNode status = json(get(admin, "/admin/reports?status=foo", "admin"));
        assertThat(status.path("status").asInt()).isEqualTo(400);
        assertThat(status.path("type").asString()).isEqualTo("/problems/validation");
        assertThat(status.path("errors")).hasSize(1);
        assertThat(status.path("errors").get(0).path("field").asString()).isEqualTo("status");
        assertThat(status.path("errors").get(0).path("message").asString())
                .contains("open", "dismissed", "actioned", "resolved", "all");

        UUID reporter = user();
        UUID reported = user();
        awaitKnown(reporter);
        awaitKnown(reported);
        JsonNode report = json(post(reporter, "/reports", report("user", reported, "spam")));
        String resolve = "/admin/reports/" + report.path("id").asString() + "/resolve";
        JsonNode action = json(post(admin, resolve, Map.of("action", "nuke"), "admin"));
        assertThat(action.path("status").asInt()).isEqualTo(400);
        assertThat(action.path("type").asString()).isEqualTo("/problems/validation");
        assertThat(action.path("errors")).hasSize(1);
        assertThat(action.path("errors").get(0).path("field").asString()).isEqualTo("action");
        assertThat(action.path("errors").get(0).path("message").asString()).contains("dismiss", "takedown", "ban");

        assertThat(get(reporter, "/admin/reports?status=foo").getStatus().value())
                .as("to anyone but an administrator the endpoint still does not exist")
                .isEqualTo(404);
        assertThat(post(reporter, resolve, Map.of("action", "nuke")).getStatus().value())
                .isEqualTo(404);
        for (String outOfRange :
                List.of("/admin/reports?limit=0", "/admin/audit?limit=500", "/admin/blocked-messages?limit=0")) {
            assertThat(get(reporter, outOfRange).getStatus().value())
                    .as("a parameter out of range does not tell a non-administrator the endpoint exists: " + outOfRange)
                    .isEqualTo(404);
        }
        for (String list : List.of("/admin/reports", "/admin/audit", "/admin/blocked-messages")) {
            assertThat(json(get(admin, list + "?limit=101", "admin"))
                            .path("errors")
                            .get(0)
                            .path("field")
                            .asString())
                    .as("admin lists page as every list does: limit 1 to 100, " + list)
                    .isEqualTo("limit");
            assertThat(json(get(admin, list + "?limit=100", "admin")).has("items"))
                    .isTrue();
        }
        assertThat(json(get(reporter, "/reports/" + report.path("id").asString()))
                        .path("status")
                        .asString())
                .as("nothing was resolved")
                .isEqualTo("open");
    }

    private static UUID user() {
        UUID id = UUID.randomUUID();
        publish(new UserRegistered(id, username(id), Plan.FREE, true, UserStatus.ACTIVE, Instant.now()));
        return id;
    }

    private static String username(UUID id) {
        return "u" + id.toString().substring(0, 8);
    }

    private void awaitKnown(UUID user) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("select count(*) from user_view where user_id = :id")
                                .param("id", user)
                                .query(Long.class)
                                .single()
                        == 1);
    }

    private static void publish(Event event) {
        fixtures.publish(event);
    }

    private static Map<String, Object> report(String type, UUID target, String reason) {
        return Map.of("target_type", type, "target_id", target.toString(), "reason", reason);
    }

    private EntityExchangeResult<byte[]> post(UUID user, String path, Object body, String... roles) {
        return http.post()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer(user, roles))
                .contentType(MediaType.APPLICATION_JSON)
                .body(JSON.writeValueAsString(body))
                .exchange()
                .returnResult(byte[].class);
    }

    private EntityExchangeResult<byte[]> get(UUID user, String path, String... roles) {
        return http.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer(user, roles))
                .exchange()
                .returnResult(byte[].class);
    }

    private static String bearer(UUID user, String... roles) {
        return "Bearer " + TestJwks.shared().token(user, "free", true, roles);
    }

    private static JsonNode json(EntityExchangeResult<byte[]> result) {
        return JSON.readTree(result.getResponseBody());
    }

    private static JsonNode find(EntityExchangeResult<byte[]> page, JsonNode id) {
        for (JsonNode item : json(page).path("items")) {
            if (item.path("id").asString().equals(id.asString())) {
                return item;
            }
        }
        throw new AssertionError("not listed: " + id + " in " + json(page));
    }
}
