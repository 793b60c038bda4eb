package com.companion.chat.export.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.companion.contracts.EventEnvelope;
import com.companion.contracts.EventJson;
import com.companion.contracts.Topics;
import com.companion.contracts.auth.ExportRequested;
import com.companion.contracts.export.ExportPartReady;
import com.companion.platform.export.ExportStorage;
import com.companion.platform.test.IntegrationTest;
import com.companion.platform.test.KafkaProbe;
import com.companion.platform.test.TestKafka;
import com.companion.platform.test.TestS3;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * chat-service's part of a data export: the user's sessions with every message of their trees (an
 * alternative and a message taken off the active path included), refused messages and usage, in the
 * bucket (S3Mock over HTTP), announced once even when the request is delivered twice; another user's
 * sessions stay out. The rows are written directly: the send path has its own tests, and the system
 * test exports a conversation made through the gateway.
 */
@IntegrationTest
@ContextConfiguration(initializers = TestS3.Initializer.class)
class AccountExportIT {

    private static final KafkaProbe PARTS = new KafkaProbe(Topics.EXPORT_PARTS);

    @Autowired
    JdbcClient jdbc;

    @AfterAll
    static void close() {
        PARTS.close();
    }

    @Test
    void theUsersSessionsMessagesRefusalsAndUsageAreWrittenAndAnnouncedOnce() throws Exception {
        UUID user = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID character = UUID.randomUUID();
        UUID session = session(user, character, "Stargazing");
        UUID hello = message(session, null, "user", "Hello Nova", null);
        UUID first = message(session, hello, "assistant", "Hi! Lovely night.", null);
        UUID second = message(session, hello, "assistant", "Hello there, traveller.", null);
        UUID gone = message(session, second, "user", "Never mind", Instant.now());
        jdbc.sql("update chat_session set active_leaf_id = :leaf where id = :id")
                .param("leaf", second)
                .param("id", session)
                .update();
        session(other, character, "Not mine");
        jdbc.sql("""
                        insert into blocked_message (id, user_id, session_id, character_id, policy, categories, reasons, content)
                        values (:id, :user, :session, :character, 'minor-safety', array['sexual_minors'], array['rule'], 'refused text')
                        """)
                .param("id", UUID.randomUUID())
                .param("user", user)
                .param("session", session)
                .param("character", character)
                .update();
        jdbc.sql("insert into chat_usage (user_id, day, used) values (:user, current_date, 4)")
                .param("user", user)
                .update();
        jdbc.sql("update chat_session set summary = 'They watched the stars.' where id = :id")
                .param("id", session)
                .update();
        jdbc.sql("""
                        insert into chat_memory (id, user_id, character_id, content)
                        values (:id, :user, :character, 'My dog is called Biscuit.')
                        """)
                .param("id", UUID.randomUUID())
                .param("user", user)
                .param("character", character)
                .update();

        // A character the user was shown once, now private and renamed by its owner: its new name stays out.
        UUID revoked = UUID.randomUUID();
        for (List<Object> row : List.of(
                List.<Object>of(character, user, "Nova", "PRIVATE"),
                List.<Object>of(revoked, other, "Secret", "PRIVATE"))) {
            jdbc.sql("""
                            insert into character_view (character_id, owner_id, version, name, description,
                                character_type, sliders, nsfw_enabled, visibility, grantee_ids)
                            values (:id, :owner, 1, :name, '', 'FRIEND', '{}', false, :visibility, '{}')
                            """)
                    .param("id", row.get(0))
                    .param("owner", row.get(1))
                    .param("name", row.get(2))
                    .param("visibility", row.get(3))
                    .update();
        }
        UUID lost = session(user, revoked, "Before the rename");

        UUID exportId = UUID.randomUUID();
        EventEnvelope<ExportRequested> request = EventEnvelope.wrap(new ExportRequested(exportId, user, Instant.now()));
        send(request);

        ExportPartReady ready = await().atMost(Duration.ofSeconds(30))
                .until(() -> partsOf(exportId), list -> !list.isEmpty())
                .getFirst();
        assertThat(ready.service()).isEqualTo("chat-service");
        assertThat(ready.userId()).isEqualTo(user);
        assertThat(ready.key()).isEqualTo(ExportStorage.partKey(exportId, "chat-service"));

        JsonNode part = JsonMapper.builder().build().readTree(TestS3.read(ready.key()));
        assertThat(part.path("user_id").asString()).isEqualTo(user.toString());
        assertThat(part.path("sessions").size())
                .as("only the user's own sessions")
                .isEqualTo(2);
        JsonNode exported = part.path("sessions").get(0);
        assertThat(exported.path("character_name").asString()).isEqualTo("Nova");
        JsonNode hidden = part.path("sessions").get(1);
        assertThat(hidden.path("id").asString()).isEqualTo(lost.toString());
        assertThat(hidden.path("character_name").isNull()).isTrue();
        assertThat(exported.path("id").asString()).isEqualTo(session.toString());
        assertThat(exported.path("title").asString()).isEqualTo("Stargazing");
        assertThat(exported.path("active_leaf_id").asString()).isEqualTo(second.toString());
        JsonNode messages = exported.path("messages");
        assertThat(messages.size()).isEqualTo(4);
        assertThat(messages.get(0).path("id").asString()).isEqualTo(hello.toString());
        assertThat(messages.get(0).path("content").asString()).isEqualTo("Hello Nova");
        assertThat(messages.get(1).path("id").asString()).isEqualTo(first.toString());
        assertThat(messages.get(1).path("parent_id").asString()).isEqualTo(hello.toString());
        assertThat(messages.get(2).path("content").asString()).isEqualTo("Hello there, traveller.");
        assertThat(messages.get(3).path("id").asString()).isEqualTo(gone.toString());
        assertThat(messages.get(3).path("deleted_at").isNull()).isFalse();
        assertThat(part.path("blocked_messages").get(0).path("content").asString())
                .isEqualTo("refused text");
        assertThat(part.path("daily_usage").get(0).path("used").asInt()).isEqualTo(4);
        assertThat(exported.path("summary").asString()).isEqualTo("They watched the stars.");
        assertThat(part.path("memories").get(0).path("content").asString()).isEqualTo("My dog is called Biscuit.");
        assertThat(part.path("memories").get(0).path("character_id").asString()).isEqualTo(character.toString());

        send(request); // redelivered
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .until(() -> partsOf(exportId).size() == 1);
        assertThat(TestS3.keys(ExportStorage.folder(exportId))).containsExactly(ready.key());
    }

    private UUID session(UUID user, UUID character, String title) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into chat_session (id, user_id, character_id, title) values (:id, :user, :character, :title)")
                .param("id", id)
                .param("user", user)
                .param("character", character)
                .param("title", title)
                .update();
        return id;
    }

    private UUID message(UUID session, UUID parent, String role, String content, Instant deletedAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into chat_message (id, session_id, role, content, parent_id, deleted_at)
                        values (:id, :session, :role, :content, :parent, :deleted)
                        """)
                .param("id", id)
                .param("session", session)
                .param("role", role)
                .param("content", content)
                .param("parent", parent)
                .param("deleted", deletedAt == null ? null : Timestamp.from(deletedAt))
                .update();
        return id;
    }

    private static List<ExportPartReady> partsOf(UUID exportId) {
        return PARTS.records().stream()
                .filter(record -> exportId.toString().equals(record.key()))
                .map(record ->
                        (ExportPartReady) EventJson.decode(record.value()).data())
                .toList();
    }

    private static void send(EventEnvelope<?> envelope) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            producer.send(new ProducerRecord<>(envelope.topic(), envelope.key(), EventJson.encode(envelope)))
                    .get();
        }
    }
}
