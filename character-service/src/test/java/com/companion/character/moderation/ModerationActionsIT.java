package com.companion.character.moderation;

import static com.companion.character.support.CharacterMother.aPublicCharacter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.companion.character.core.CharacterResponse;
import com.companion.character.core.ModerationStatus;
import com.companion.character.support.AuditTopic;
import com.companion.character.support.CharacterServiceTest;
import com.companion.character.support.KafkaEvents;
import com.companion.character.support.TestUser;
import com.companion.character.support.WithCharacterTopic;
import com.companion.contracts.EventEnvelope;
import com.companion.contracts.Topics;
import com.companion.contracts.character.CharacterUpserted;
import com.companion.contracts.character.Visibility;
import com.companion.contracts.moderation.AdminActionRecorded;
import com.companion.contracts.moderation.ModerationAction;
import com.companion.contracts.moderation.ModerationActionRequested;
import com.companion.platform.test.KafkaProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Takedowns decided on reports in chat-service arrive on moderation.actions.v1 and are carried out once. */
@CharacterServiceTest
class ModerationActionsIT extends WithCharacterTopic {

    private static final String REASON = "Reported: impersonates a real person.";

    @Autowired
    JdbcClient jdbc;

    TestUser admin;
    AuditTopic audit;
    KafkaProbe deadLetters;

    @BeforeAll
    void open() {
        admin = users.admin();
        audit = new AuditTopic();
        deadLetters = new KafkaProbe(Topics.deadLetter(Topics.MODERATION_ACTIONS));
    }

    @AfterAll
    void close() {
        audit.close();
        deadLetters.close();
    }

    @Test
    void whenATakedownIsRequestedThenTheCharacterLeavesEveryPathToOthersAndTheActionIsRecordedOnce() {
        TestUser stranger = users.adult();
        String tag = "t-" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = api.create(owner, aPublicCharacter().tags(tag)).id();
        assertThat(catalogue(tag)).containsExactly(id);
        ModerationActionRequested request = requested(ModerationAction.TAKEDOWN, id);
        EventEnvelope<ModerationActionRequested> envelope = EventEnvelope.wrap(request);

        KafkaEvents.publish(envelope);

        await().atMost(Duration.ofSeconds(30)).until(() -> catalogue(tag).isEmpty());
        assertThat(api.canSee(stranger, id)).isFalse();
        CharacterResponse ownView = api.read(owner, id);
        assertThat(ownView.moderationStatus()).isEqualTo(ModerationStatus.TAKEN_DOWN);
        assertThat(ownView.moderationReason()).isEqualTo(REASON);
        CharacterUpserted published = topic.awaitSnapshot(id, 2);
        assertThat(published.visibility()).isEqualTo(Visibility.PRIVATE);

        KafkaEvents.publish(envelope);
        KafkaEvents.publish(EventEnvelope.wrap(request));
        KafkaEvents.publish(requested(ModerationAction.TAKEDOWN, id));
        KafkaEvents.publish(requested(ModerationAction.BAN, id));

        AdminActionRecorded recorded = audit.awaitExactly(id, 1).getFirst();
        assertThat(recorded)
                .isEqualTo(new AdminActionRecorded(
                        request.actionId(),
                        "character-service",
                        "character.taken-down",
                        "character",
                        id,
                        admin.id(),
                        REASON,
                        recorded.occurredAt()));
        assertThat(jdbc.sql("select count(*) from character_moderation_log where character_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .as("a takedown of a taken-down character changes nothing")
                .isEqualTo(1);
        assertThat(topic.recordsOf(id)).as("no further snapshot").hasSize(2);
    }

    @Test
    void whenTheRequestedCharacterIsUnknownThenItIsSkippedWithoutDeadLetters() {
        UUID unknown = UUID.randomUUID();
        ModerationActionRequested request = requested(ModerationAction.TAKEDOWN, unknown);

        KafkaEvents.publish(request);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("select count(*) from platform_processed_event where event_id = :id")
                                .param("id", request.actionId())
                                .query(Long.class)
                                .single()
                        == 1);
        assertThat(audit.about(unknown)).isEmpty();
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> deadLetters.records().stream()
                        .noneMatch(r -> unknown.toString().equals(r.key())));
    }

    private ModerationActionRequested requested(ModerationAction action, UUID target) {
        return new ModerationActionRequested(
                UUID.randomUUID(), action, target, admin.id(), REASON, UUID.randomUUID(), Instant.now());
    }

    private List<UUID> catalogue(String tag) {
        return api.page("/characters/public?tags=" + tag, null).items().stream()
                .map(CharacterResponse::id)
                .toList();
    }
}
