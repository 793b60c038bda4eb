package com.companion.character.moderation;

import com.companion.character.core.CharacterRow;
import com.companion.character.core.CharacterStore;
import com.companion.character.core.ModerationStatus;
import com.companion.character.moderation.internal.ModerationLog;
import com.companion.character.users.UserDirectory;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what a screening decided as the character's moderation state. Callers hold the
 * character's row lock and publish the change afterwards (the snapshot reads the state back).
 *
 * <p>Hidden is not a penalty but a fact about the current text in the current mode: an edit or a
 * mode change that passes brings the character back, one that fails hides it. A takedown outlasts
 * every screening until an administrator restores the character.
 */
@Component
public class CharacterModeration {

    private final CharacterScreening screening;
    private final CharacterStore characters;
    private final ModerationLog log;
    private final UserDirectory users;
    private final Clock clock;

    CharacterModeration(
            CharacterScreening screening,
            CharacterStore characters,
            ModerationLog log,
            UserDirectory users,
            Clock clock) {
        this.screening = screening;
        this.characters = characters;
        this.log = log;
        this.users = users;
        this.clock = clock;
    }

    /** The character's text was just screened and passed (an edit, adult mode turned on). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void passed(CharacterRow before, UUID actorId) {
        apply(before, Optional.empty(), actorId);
    }

    /**
     * Screens the character's stored text in the given mode and records the outcome: used when the
     * mode changes under text that was judged in the other one, and for rows never screened.
     *
     * @return the new state
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public ModerationStatus rescreen(CharacterRow character, boolean adultMode, @Nullable UUID actorId) {
        return apply(character, screening.screen(CharacterText.of(character), adultMode), actorId);
    }

    /** Adult mode counts only for a character in adult mode whose owner the read model says is an adult. */
    public boolean inAdultMode(CharacterRow character) {
        return character.nsfwEnabled()
                && users.find(character.ownerId())
                        .map(u -> u.isAdult() && !u.deleted())
                        .orElse(false);
    }

    private ModerationStatus apply(CharacterRow before, Optional<Refusal> refusal, @Nullable UUID actorId) {
        Instant now = clock.instant();
        ModerationStatus previous = before.moderationStatus();
        ModerationStatus next = previous.afterScreening(refusal.isEmpty());
        String reason = next == ModerationStatus.TAKEN_DOWN
                ? before.moderationReason()
                : refusal.map(Refusal::ownerReason).orElse(null);
        characters.setModeration(before.id(), next, reason, now, screening.version());
        if (previous != next && next == ModerationStatus.HIDDEN) {
            log.record(
                    before.id(),
                    ModerationLog.Action.HIDE,
                    actorId,
                    refusal.orElseThrow().auditReason(),
                    previous,
                    next,
                    now);
        } else if (previous == ModerationStatus.HIDDEN && next == ModerationStatus.OK) {
            log.record(
                    before.id(),
                    ModerationLog.Action.UNHIDE,
                    actorId,
                    "the text passes screening",
                    previous,
                    next,
                    now);
        }
        return next;
    }
}
