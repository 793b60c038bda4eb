package com.companion.auth.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.companion.auth.support.Api.Reply;
import com.companion.auth.support.AuthApiTest;
import com.companion.auth.support.Signups;
import com.companion.auth.support.Tokens;
import com.companion.contracts.Topics;
import com.companion.platform.test.IntegrationTest;
import com.companion.platform.test.TestKafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * An age corrected below 18 answers only once the services that show adult content have applied it: the caller's
 * next request, with the token issued before, finds no adult character; likewise an age an administrator sets below 18
 * and a device session signed out, whose access token every service refuses from the answer on. The services are stood
 * in for by a consumer group this test commits for by hand.
 */
@IntegrationTest(
        properties = {
            "auth.adulthood-sync.consumer-groups=adult-gate-probe,never-read-users",
            "auth.adulthood-sync.timeout=20s",
            "auth.admin.email=gate.admin@example.com",
            "auth.admin.password=granite-meadow-compass-42"
        })
class AdulthoodPropagationIT extends AuthApiTest {

    @Test
    void aCorrectionBelowEighteenAnswersOnceTheGatesHaveAppliedItAndOtherChangesDoNotWait() {
        Reply signup = api.post("/auth/signup", Signups.valid().with("age", 30).body());
        String token = signup.text("access_token");
        String userId = signup.at("/user/id").asString();

        try (KafkaConsumer<String, String> gate = gate()) {
            // The gate has read the users' topic up to the sign-up: it is a reader the correction waits for.
            readUntil(gate, userId, "auth.user-registered");

            CompletableFuture<Reply> corrected =
                    CompletableFuture.supplyAsync(() -> api.patch("/auth/me", Map.of("age", 16), token));
            assertStillWaiting(corrected, "the answer waits while the gate has not applied the correction");

            readUntil(gate, userId, "auth.user-updated");
            Reply answer = corrected.join();
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body().path("is_adult").asBoolean()).isFalse();

            // A change that leaves adulthood as it was does not wait for anyone.
            Reply renamed = CompletableFuture.supplyAsync(
                            () -> api.patch("/auth/me", Map.of("first_name", "Meera"), token))
                    .orTimeout(5, java.util.concurrent.TimeUnit.SECONDS)
                    .join();
            assertThat(renamed.status()).isEqualTo(200);
        }
    }

    @Test
    void anAgeAnAdminSetsBelowEighteenAnswersOnceTheGatesHaveAppliedIt() {
        Reply signup = api.post("/auth/signup", Signups.valid().with("age", 30).body());
        String userId = signup.at("/user/id").asString();
        String adminToken = api.post(
                        "/auth/login",
                        Map.of("identifier", "gate.admin@example.com", "password", "granite-meadow-compass-42"))
                .text("access_token");

        try (KafkaConsumer<String, String> gate = gate()) {
            readUntil(gate, userId, "auth.user-registered");

            CompletableFuture<Reply> set = CompletableFuture.supplyAsync(() -> api.put(
                    "/admin/users/" + userId + "/age",
                    Map.of("age", 16, "reason", "ID checked by support"),
                    adminToken));
            assertStillWaiting(set, "the answer waits while the gate has not applied the new age");

            readUntil(gate, userId, "auth.user-updated");
            assertThat(set.join().status()).isEqualTo(200);
        }
    }

    @Test
    void aLogoutAndARevokedDeviceAnswerOnceTheGatesHaveAppliedTheEndOfTheSession() {
        Reply signup = api.post("/auth/signup", Signups.valid().with("age", 30).body());
        String userId = signup.at("/user/id").asString();
        String username = signup.at("/user/username").asString();
        Reply phone = api.post("/auth/login", Map.of("identifier", username, "password", Signups.PASSWORD));

        try (KafkaConsumer<String, String> gate = gate()) {
            readUntil(gate, userId, "auth.user-registered");

            CompletableFuture<Reply> loggedOut = CompletableFuture.supplyAsync(
                    () -> api.post("/auth/logout", Map.of("refresh_token", signup.text("refresh_token"))));
            assertStillWaiting(loggedOut, "the logout waits while the gate has not applied the end of the session");
            readUntil(gate, userId, "auth.session-revoked");
            assertThat(loggedOut.join().status()).isEqualTo(204);

            String phoneSession =
                    Tokens.claims(phone.text("access_token")).path("sid").asString();
            String laptop = api.post("/auth/login", Map.of("identifier", username, "password", Signups.PASSWORD))
                    .text("access_token");
            CompletableFuture<Reply> revoked =
                    CompletableFuture.supplyAsync(() -> api.delete("/auth/sessions/" + phoneSession, null, laptop));
            assertStillWaiting(revoked, "the device list's sign-out waits likewise");
            readUntil(gate, userId, "auth.session-revoked");
            assertThat(revoked.join().status()).isEqualTo(204);
        }
    }

    /** The answer has not come for half a second: it waits for the gate. */
    private static void assertStillWaiting(CompletableFuture<Reply> answer, String why) {
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(5))
                .alias(why)
                .until(() -> !answer.isDone());
    }

    private static KafkaConsumer<String, String> gate() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "adult-gate-probe");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(Topics.AUTH_USERS, Topics.AUTH_SESSIONS));
        return consumer;
    }

    /** Polls until the user's event of that type arrives, then commits what was read, as a read model would. */
    private static void readUntil(KafkaConsumer<String, String> gate, String userId, String eventType) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            boolean seen = false;
            for (ConsumerRecord<String, String> record : gate.poll(Duration.ofMillis(100))) {
                seen |= userId.equals(record.key())
                        && record.value() != null
                        && record.value().contains("\"" + eventType + "\"");
            }
            gate.commitSync();
            return seen;
        });
    }
}
