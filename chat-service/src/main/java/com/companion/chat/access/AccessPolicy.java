package com.companion.chat.access;

import com.companion.contracts.Plan;
import com.companion.contracts.character.Visibility;
import com.companion.platform.web.security.AuthenticatedUser;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Who may chat with what: the owner, anyone for a public character, a grantee for a shared one;
 * an adult character only with an adult caller. Decided from the read models alone.
 */
@Component
public class AccessPolicy {

    private final ReadModels readModels;

    public AccessPolicy(ReadModels readModels) {
        this.readModels = readModels;
    }

    public Caller caller(AuthenticatedUser user) {
        Optional<UserView> view = readModels.user(user.userId());
        boolean adult = user.isAdult() && view.map(UserView::adult).orElse(true);
        Plan plan = view.map(UserView::plan).orElse(user.plan());
        return new Caller(user.userId(), plan, adult);
    }

    /** The character if the caller may chat with it now, else empty (the caller is told 404). */
    public Optional<CharacterView> chattable(Caller caller, UUID characterId) {
        return readModels.character(characterId).filter(character -> mayChat(caller, character));
    }

    static boolean mayChat(Caller caller, CharacterView character) {
        boolean reachable = character.ownerId().equals(caller.userId())
                || character.visibility() == Visibility.PUBLIC
                || character.granteeIds().contains(caller.userId());
        return reachable && (!character.nsfwEnabled() || caller.adult());
    }
}
