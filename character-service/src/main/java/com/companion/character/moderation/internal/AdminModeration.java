package com.companion.character.moderation.internal;

import com.companion.character.access.CharacterAccess;
import com.companion.character.core.CharacterRow;
import com.companion.character.core.CharacterStore;
import com.companion.character.core.ModerationStatus;
import com.companion.character.events.CharacterEvents;
import com.companion.character.moderation.CharacterModeration;
import com.companion.character.moderation.CharacterScreening;
import com.companion.character.moderation.CharacterText;
import com.companion.character.moderation.ModerationDecision;
import com.companion.character.moderation.Refusal;
import com.companion.platform.web.problem.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takedowns and restores. Both lock the character row like every other change, write the moderation
 * log in the same transaction, and publish a snapshot when the state changed: a taken-down character
 * is published as private with no grantees, so chat-service stops serving it to anyone but its owner.
 * Each entry of the log is also published to the moderation audit ({@code moderation.audit.v1}).
 */
@Service
public class AdminModeration {

    static final String TAKEN_DOWN = "character.taken-down";
    static final String RESTORED = "character.restored";

    /** What became of a takedown requested by an administrator elsewhere (a report resolved in chat-service). */
    public enum RequestedTakedown {
        TAKEN_DOWN,
        ALREADY_TAKEN_DOWN,
        UNKNOWN_CHARACTER
    }

    private final CharacterStore characters;
    private final CharacterScreening screening;
    private final CharacterModeration moderation;
    private final ModerationLog log;
    private final CharacterEvents events;
    private final Clock clock;

    AdminModeration(
            CharacterStore characters,
            CharacterScreening screening,
            CharacterModeration moderation,
            ModerationLog log,
            CharacterEvents events,
            Clock clock) {
        this.characters = characters;
        this.screening = screening;
        this.moderation = moderation;
        this.log = log;
        this.events = events;
        this.clock = clock;
    }

    /** Taking down a character that already is keeps it down with the newer reason, and logs it again. */
    @Transactional
    public ModerationDecision takeDown(UUID id, String reason, UUID adminId) {
        CharacterRow character = characters.lock(id).orElseThrow(CharacterAccess::notFound);
        return takeDown(character, UUID.randomUUID(), reason, adminId);
    }

    /**
     * A takedown an administrator decided on a report, carried out as {@link #takeDown} does and published to the
     * moderation audit under {@code actionId}. A character already taken down, or unknown (deleted meanwhile), is
     * left as it is. Joins the caller's transaction.
     */
    @Transactional
    public RequestedTakedown takeDownRequested(UUID actionId, UUID id, String reason, UUID adminId) {
        Optional<CharacterRow> character = characters.lock(id);
        if (character.isEmpty()) {
            return RequestedTakedown.UNKNOWN_CHARACTER;
        }
        if (character.get().moderationStatus() == ModerationStatus.TAKEN_DOWN) {
            return RequestedTakedown.ALREADY_TAKEN_DOWN;
        }
        takeDown(character.get(), actionId, reason, adminId);
        return RequestedTakedown.TAKEN_DOWN;
    }

    private ModerationDecision takeDown(CharacterRow character, UUID actionId, String reason, UUID adminId) {
        UUID id = character.id();
        Instant now = clock.instant();
        ModerationStatus previous = character.moderationStatus();
        characters.setModeration(
                id, ModerationStatus.TAKEN_DOWN, reason, character.screenedAt(), character.screenedWith());
        log.record(id, ModerationLog.Action.TAKEDOWN, adminId, reason, previous, ModerationStatus.TAKEN_DOWN, now);
        events.adminAction(actionId, TAKEN_DOWN, id, adminId, reason);
        if (previous != ModerationStatus.TAKEN_DOWN) {
            events.changed(id);
        }
        return new ModerationDecision(id, ModerationStatus.TAKEN_DOWN, reason, adminId, now);
    }

    /**
     * Lifts a takedown. The text is screened again in the character's mode, so a restore never
     * publishes text that fails screening: it comes back hidden instead.
     *
     * @throws ApiProblem 409 {@code not-taken-down}
     */
    @Transactional
    public ModerationDecision restore(UUID id, String reason, UUID adminId) {
        CharacterRow character = characters.lock(id).orElseThrow(CharacterAccess::notFound);
        if (character.moderationStatus() != ModerationStatus.TAKEN_DOWN) {
            throw ApiProblem.conflict("not-taken-down", "This character is not taken down.");
        }
        Instant now = clock.instant();
        Optional<Refusal> refusal = screening.screen(CharacterText.of(character), moderation.inAdultMode(character));
        ModerationStatus next = refusal.isEmpty() ? ModerationStatus.OK : ModerationStatus.HIDDEN;
        String ownerReason = refusal.map(Refusal::ownerReason).orElse(null);
        characters.setModeration(id, next, ownerReason, now, screening.version());
        log.record(id, ModerationLog.Action.RESTORE, adminId, reason, ModerationStatus.TAKEN_DOWN, next, now);
        events.adminAction(UUID.randomUUID(), RESTORED, id, adminId, reason);
        events.changed(id);
        return new ModerationDecision(id, next, ownerReason, adminId, now);
    }
}
