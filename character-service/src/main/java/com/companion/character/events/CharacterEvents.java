package com.companion.character.events;

import com.companion.character.core.CharacterRow;
import com.companion.character.core.CharacterStore;
import com.companion.character.core.Grants;
import com.companion.contracts.Topics;
import com.companion.contracts.character.CharacterDeleted;
import com.companion.contracts.character.CharacterUpserted;
import com.companion.contracts.character.Visibility;
import com.companion.contracts.moderation.AdminActionRecorded;
import com.companion.platform.messaging.outbox.Outbox;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way a change of a character is recorded: exactly one call per change, inside the
 * transaction that made it and after the change is written. Each upsert is the full snapshot read
 * back from the database (so it is exactly what was committed), with the grantee ids; consumers
 * such as chat-service decide access from it alone.
 */
@Component
public class CharacterEvents {

    private final CharacterStore characters;
    private final Grants grants;
    private final Outbox outbox;
    private final Clock clock;

    CharacterEvents(CharacterStore characters, Grants grants, Outbox outbox, Clock clock) {
        this.characters = characters;
        this.grants = grants;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A character was inserted (at version 1). */
    @Transactional(propagation = Propagation.MANDATORY)
    public CharacterRow created(UUID id) {
        CharacterRow row = characters.find(id).orElseThrow();
        publish(row);
        return row;
    }

    /** A character changed: the next version, published. */
    @Transactional(propagation = Propagation.MANDATORY)
    public CharacterRow changed(UUID id) {
        CharacterRow row = characters.bumpVersion(id, clock.instant());
        publish(row);
        return row;
    }

    /** A character was deleted: the last version, then a tombstone so compaction forgets it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void deleted(CharacterRow row) {
        outbox.publish(new CharacterDeleted(row.id(), row.ownerId(), row.version() + 1));
        outbox.tombstone(Topics.CHARACTERS, row.id().toString());
    }

    /**
     * An administrator's action on a character ({@code character.taken-down}, {@code character.restored}), for the
     * moderation audit on {@code moderation.audit.v1}, in the transaction that took it.
     *
     * @param actionId a request's own id when the action was requested (so carrying it out twice cannot record it
     *     twice), else a new one
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void adminAction(UUID actionId, String action, UUID characterId, UUID adminId, String reason) {
        outbox.publish(new AdminActionRecorded(
                actionId, "character-service", action, "character", characterId, adminId, reason, clock.instant()));
    }

    /**
     * The snapshot carries the moderation state, and chat-service refuses any character that is not
     * {@code ok}, its owner included, so hidden or taken-down text never reaches a prompt. For
     * consumers that read only the access fields, such a character, and one whose owner is banned, is
     * also published as private with no grantees. Its stored visibility and grants are untouched, so a
     * restore or a lifted ban publishes them again.
     */
    private void publish(CharacterRow row) {
        boolean open = row.openToOthers();
        outbox.publish(new CharacterUpserted(
                row.id(),
                row.ownerId(),
                row.version(),
                row.name(),
                row.description(),
                row.characterType(),
                row.sliders(),
                row.nsfwEnabled(),
                open ? row.visibility() : Visibility.PRIVATE,
                row.avatarUrl(),
                row.tags(),
                open ? grants.granteeIds(row.id()) : List.of(),
                row.createdAt(),
                row.updatedAt(),
                com.companion.contracts.character.ModerationStatus.valueOf(
                        row.moderationStatus().name()),
                row.card().persona()));
    }
}
