package com.companion.chat.access;

import com.companion.chat.ChatProperties;
import com.companion.contracts.Plan;
import com.companion.contracts.character.Visibility;
import com.companion.platform.web.problem.ApiProblem;
import com.companion.platform.web.readmodel.ReadModelWait;
import com.companion.platform.web.security.AuthenticatedUser;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may chat with what: the owner, anyone for a public character, a grantee for a shared one;
 * an adult character only with an adult caller; a character moderation hid or took down, nobody.
 * Decided from the read models alone.
 *
 * <p>Read your own writes: the read models follow their topics a moment behind the services that
 * own them. A character created, published or shared a moment ago may not be here yet, so a miss
 * waits up to {@code chat.read-model-wait} for its event before the caller is told 404. A plan
 * bought a moment ago counts from the first token that says so; a disabled or deleted account
 * counts from the read model at once, whatever its token still says.
 */
@Component
public class AccessPolicy {

    private final ReadModels readModels;
    private final Duration readModelWait;

    public AccessPolicy(ReadModels readModels, ChatProperties properties) {
        this.readModels = readModels;
        this.readModelWait = properties.readModelWait();
    }

    /**
     * The caller as chat decides with. Adult only if both the token and the read model say so. The plan is the read
     * model's when it learned of a change of plan after the token was issued (a purchase or a cancellation counts at
     * once); otherwise premium if either says so (a purchase whose event has not arrived yet, with a token refreshed
     * after it). A disabled or deleted account is refused.
     */
    public Caller caller(AuthenticatedUser user) {
        Optional<UserView> view = readModels.user(user.userId());
        if (view.isPresent() && !view.get().active()) {
            throw new ApiProblem(
                    HttpStatus.UNAUTHORIZED,
                    "account-unavailable",
                    "Unauthorized",
                    "This account is no longer available.");
        }
        boolean adult = user.isAdult() && view.map(UserView::adult).orElse(true);
        boolean changedSinceToken = view.map(UserView::planChangedAt)
                .filter(changed -> user.issuedAt() != null && changed.isAfter(user.issuedAt()))
                .isPresent();
        Plan plan = changedSinceToken
                ? view.get().plan()
                : user.plan() == Plan.PREMIUM
                        ? Plan.PREMIUM
                        : view.map(UserView::plan).orElse(user.plan());
        String username = view.map(UserView::username).orElse(null);
        return new Caller(
                user.userId(),
                plan,
                adult,
                username == null ? user.username() : username,
                view.map(UserView::persona).orElse(null));
    }

    /** The character if the caller may chat with it now, else empty (the caller is told 404). */
    public Optional<CharacterView> chattable(Caller caller, UUID characterId) {
        return readModels.character(characterId).filter(character -> mayChat(caller, character));
    }

    /**
     * As {@link #chattable}, for a request in a session the caller holds with the character: 404 {@code
     * character-unavailable} when the caller may no longer chat with it.
     */
    public CharacterView requireChattable(Caller caller, UUID characterId) {
        return chattable(caller, characterId)
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.NOT_FOUND,
                        "character-unavailable",
                        "Not Found",
                        "This character is no longer available to you."));
    }

    /**
     * As {@link #chattable}, but a miss waits up to {@code chat.read-model-wait} for the character's event, for a
     * caller who created, published or was granted the character a moment ago.
     */
    public Optional<CharacterView> chattableSoon(Caller caller, UUID characterId) {
        return soon(() -> chattable(caller, characterId));
    }

    /**
     * What {@code look} finds in a read model, looked at again for up to {@code chat.read-model-wait} while it finds
     * nothing: another service's event brings what its caller created a moment ago (a character, a user who just
     * signed up).
     */
    public <T> Optional<T> soon(Supplier<Optional<T>> look) {
        return ReadModelWait.until(readModelWait, look);
    }

    /**
     * The character if the caller can see it (its owner, anyone for a public one, a grantee for a shared one; adult
     * characters only to adults), whether or not moderation lets anyone chat with it now: what a caller may report.
     * A miss waits like {@link #chattableSoon}.
     */
    public Optional<CharacterView> visibleSoon(Caller caller, UUID characterId) {
        return soon(() -> visible(caller, characterId));
    }

    /** As {@link #visibleSoon}, without waiting: what the caller may still read of a character (its name). */
    public Optional<CharacterView> visible(Caller caller, UUID characterId) {
        return readModels.character(characterId).filter(c -> reachable(caller, c));
    }

    /** A character in adult mode and a caller who is not an adult: the caller is told 404, as for the character. */
    public boolean adultOnly(Caller caller, UUID characterId) {
        return !caller.adult()
                && readModels
                        .character(characterId)
                        .map(CharacterView::nsfwEnabled)
                        .orElse(false);
    }

    private static boolean reachable(Caller caller, CharacterView character) {
        boolean reachable = character.ownerId().equals(caller.userId())
                || character.visibility() == Visibility.PUBLIC
                || character.granteeIds().contains(caller.userId());
        return reachable && (!character.nsfwEnabled() || caller.adult());
    }

    static boolean mayChat(Caller caller, CharacterView character) {
        return character.usable() && reachable(caller, character);
    }
}
