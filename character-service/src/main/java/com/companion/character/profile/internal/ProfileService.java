package com.companion.character.profile.internal;

import com.companion.character.access.CharacterAccess;
import com.companion.character.access.Viewers;
import com.companion.character.core.CharacterDraft;
import com.companion.character.core.CharacterResponse;
import com.companion.character.core.CharacterRow;
import com.companion.character.core.CharacterStore;
import com.companion.character.core.CharacterViews;
import com.companion.character.core.Viewer;
import com.companion.character.events.CharacterEvents;
import com.companion.character.moderation.CharacterModeration;
import com.companion.character.moderation.CharacterScreening;
import com.companion.character.moderation.CharacterText;
import com.companion.character.profile.CreateCharacterRequest;
import com.companion.character.profile.UpdateCharacterRequest;
import com.companion.character.sharing.Shares;
import com.companion.character.users.UserDirectory;
import com.companion.contracts.character.Visibility;
import com.companion.platform.web.problem.ApiProblem;
import com.companion.platform.web.security.AuthenticatedUser;
import java.time.Clock;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ProfileService {

    private final Viewers viewers;
    private final CharacterAccess access;
    private final CharacterStore characters;
    private final CharacterEvents events;
    private final CharacterViews views;
    private final Shares shares;
    private final CharacterScreening screening;
    private final CharacterModeration moderation;
    private final UserDirectory users;
    private final Clock clock;

    ProfileService(
            Viewers viewers,
            CharacterAccess access,
            CharacterStore characters,
            CharacterEvents events,
            CharacterViews views,
            Shares shares,
            CharacterScreening screening,
            CharacterModeration moderation,
            UserDirectory users,
            Clock clock) {
        this.viewers = viewers;
        this.access = access;
        this.characters = characters;
        this.events = events;
        this.views = views;
        this.shares = shares;
        this.screening = screening;
        this.moderation = moderation;
        this.users = users;
        this.clock = clock;
    }

    /** Screened first: 403 {@code adult-only} before 422 {@code content-blocked}; nothing is written on either. */
    @Transactional
    public CharacterResponse create(CreateCharacterRequest request, AuthenticatedUser user) {
        Viewer viewer = viewers.of(user);
        if (request.nsfwEnabled()) {
            viewers.requireAdult(user);
        }
        CharacterDraft draft = request.draft();
        screening.requireAcceptable(CharacterText.of(draft), request.nsfwEnabled());
        UUID id = UUID.randomUUID();
        UUID ownerId = viewer.requireUserId();
        boolean ownerDisabled = users.isDisabledLocked(ownerId);
        characters.insertScreened(
                id, ownerId, draft, request.nsfwEnabled(), ownerDisabled, clock.instant(), screening.version());
        return views.of(events.created(id), viewer);
    }

    @Transactional(readOnly = true)
    public CharacterResponse read(UUID id, @Nullable AuthenticatedUser user) {
        Viewer viewer = viewers.of(user);
        return views.of(access.requireVisible(id, viewer), viewer);
    }

    /**
     * A request that changes nothing publishes nothing. Any other is screened in the character's
     * mode first (422 {@code content-blocked}, nothing written); passing brings a hidden character
     * back. Making a character private revokes every share.
     */
    @Transactional
    public CharacterResponse update(UUID id, UpdateCharacterRequest request, AuthenticatedUser user) {
        Viewer viewer = viewers.of(user);
        CharacterRow current = access.lockOwned(id, viewer);
        if (request.nsfwEnabled() != null && request.nsfwEnabled() != current.nsfwEnabled()) {
            throw ApiProblem.badRequest(
                    "adult-mode-has-its-own-endpoint",
                    "nsfw_enabled is changed with POST /characters/{id}/set-adult, where the owner's age is checked and"
                            + " the text is screened in the new mode; here it may only repeat the current value");
        }
        CharacterDraft draft = request.draft(current.draft());
        if (draft.equals(current.draft())) {
            return views.of(current, viewer);
        }
        screening.requireAcceptable(CharacterText.of(draft), current.nsfwEnabled() && viewer.adult());
        characters.updateDraft(id, draft);
        moderation.passed(current, viewer.requireUserId());
        if (draft.visibility() == Visibility.PRIVATE && current.visibility() != Visibility.PRIVATE) {
            shares.revokeAll(id);
        }
        return views.of(events.changed(id), viewer);
    }

    @Transactional
    public void delete(UUID id, AuthenticatedUser user) {
        CharacterRow current = access.lockOwned(id, viewers.of(user));
        characters.delete(id);
        events.deleted(current);
    }
}
