package com.companion.character.card.internal;

import com.companion.character.core.CharacterResponse;
import com.companion.character.core.CharacterStore;
import com.companion.character.core.Grants;
import com.companion.contracts.Event;
import com.companion.contracts.EventEnvelope;
import com.companion.contracts.Topics;
import com.companion.contracts.auth.ExportRequested;
import com.companion.contracts.export.ExportPartReady;
import com.companion.platform.export.ExportStorage;
import com.companion.platform.messaging.inbox.ProcessedEvents;
import com.companion.platform.messaging.kafka.Records;
import com.companion.platform.messaging.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * character-service's part of a user's data export ({@code auth.export-requested}): every character
 * the user created, each as the API shows it to its owner and as the Character Card V3 the card
 * export makes, and the characters the user marked as favourites. The part is written to {@code
 * exports/<id>/character-service.json}; {@code export.part-ready} goes out once per request (a
 * redelivered request rewrites the same object and publishes nothing).
 */
@Component
class AccountExport {

    static final String SERVICE = "character-service";
    static final String CONSUMER = "character-service:auth.exports";
    private static final Logger log = LoggerFactory.getLogger(AccountExport.class);

    record Part(UUID userId, Instant exportedAt, List<ExportedCharacter> characters, List<Favorite> favorites) {}

    record ExportedCharacter(CharacterResponse character, JsonNode card) {}

    record Favorite(UUID characterId, Instant favoritedAt) {}

    private final JdbcClient jdbc;
    private final Grants grants;
    private final ExportStorage storage;
    private final ProcessedEvents processed;
    private final Outbox outbox;
    private final Clock clock;
    private final TransactionTemplate transaction;

    AccountExport(
            JdbcClient jdbc,
            Grants grants,
            ExportStorage storage,
            ProcessedEvents processed,
            Outbox outbox,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.grants = grants;
        this.storage = storage;
        this.processed = processed;
        this.outbox = outbox;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @KafkaListener(topics = Topics.EXPORT_REQUESTS, groupId = "${character.consumers.group-id}")
    void on(ConsumerRecord<String, String> record) {
        Records.event(record)
                .filter(envelope -> envelope.data() instanceof ExportRequested)
                .ifPresent(this::answer);
    }

    private void answer(EventEnvelope<Event> envelope) {
        ExportRequested request = (ExportRequested) envelope.data();
        Part part = transaction.execute(status -> collect(request.userId()));
        String key = storage.writePart(request.exportId(), SERVICE, part);
        transaction.executeWithoutResult(status -> processed.once(CONSUMER, envelope, event -> {
            outbox.publish(new ExportPartReady(request.exportId(), request.userId(), SERVICE, key, clock.instant()));
            log.info(
                    "export {}: wrote {} characters of user {}",
                    request.exportId(),
                    part.characters().size(),
                    request.userId());
        }));
    }

    private Part collect(UUID userId) {
        List<ExportedCharacter> characters = jdbc
                .sql("select " + CharacterStore.COLUMNS
                        + " from characters c where c.owner_id = :owner order by c.created_at, c.id")
                .param("owner", userId)
                .query(CharacterStore.ROWS)
                .list()
                .stream()
                .map(row -> new ExportedCharacter(
                        CharacterResponse.of(row, true, grants.granteeIds(row.id())), CardCodec.v3(row)))
                .toList();
        List<Favorite> favorites = jdbc.sql("""
                        select character_id, favorited_at from character_favorites where user_id = :user
                        order by favorited_at
                        """)
                .param("user", userId)
                .query((rs, n) -> new Favorite(
                        rs.getObject("character_id", UUID.class),
                        rs.getTimestamp("favorited_at").toInstant()))
                .list();
        return new Part(userId, clock.instant(), characters, favorites);
    }
}
