package com.companion.character.sharing.internal;

import com.companion.character.access.CharacterAccess;
import com.companion.character.access.Viewers;
import com.companion.character.core.CharacterResponse;
import com.companion.character.core.CharacterRow;
import com.companion.character.core.CharacterStore;
import com.companion.character.core.CharacterViews;
import com.companion.character.core.Grants;
import com.companion.character.core.InvalidRequest;
import com.companion.character.core.Viewer;
import com.companion.character.events.CharacterEvents;
import com.companion.character.sharing.GrantResponse;
import com.companion.character.sharing.ShareLinkResponse;
import com.companion.character.sharing.SharePreview;
import com.companion.character.sharing.ShareRequest;
import com.companion.character.sharing.SharingProperties;
import com.companion.character.users.KnownUser;
import com.companion.character.users.UserDirectory;
import com.companion.contracts.character.Visibility;
import com.companion.platform.web.problem.ApiProblem;
import com.companion.platform.web.security.AuthenticatedUser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Grants and share links. Every change starts by locking the character row, so a revocation and
 * a redemption of the same link, or a share and a switch to private, never interleave: whichever
 * comes second sees the first.
 */
@Service
public class SharingService {

    private final Viewers viewers;
    private final CharacterAccess access;
    private final CharacterStore characters;
    private final Grants grants;
    private final ShareLinks links;
    private final UserDirectory users;
    private final CharacterEvents events;
    private final CharacterViews views;
    private final SharingProperties properties;
    private final Clock clock;

    SharingService(
            Viewers viewers,
            CharacterAccess access,
            CharacterStore characters,
            Grants grants,
            ShareLinks links,
            UserDirectory users,
            CharacterEvents events,
            CharacterViews views,
            SharingProperties properties,
            Clock clock) {
        this.viewers = viewers;
        this.access = access;
        this.characters = characters;
        this.grants = grants;
        this.links = links;
        this.users = users;
        this.events = events;
        this.views = views;
        this.properties = properties;
        this.clock = clock;
    }

    /** A grant, and whether it is new (an existing grant is answered as it is, with no event). */
    public record Granted(GrantResponse grant, boolean created) {}

    /**
     * Shares directly with a user. A grant to someone who is not an adult is accepted like any
     * other, so the owner learns nothing about the grantee's age; for an adult character it stays
     * inert, because the adult half of the access rule is checked on every read here and on every
     * message in chat-service.
     */
    @Transactional
    public Granted grant(UUID characterId, ShareRequest request, AuthenticatedUser user) {
        requireGrantShape(request);
        CharacterRow character = lockShareable(characterId, user);
        KnownUser grantee = resolveGrantee(request);
        if (grantee.userId().equals(character.ownerId())) {
            throw InvalidRequest.field(
                    request.userId() != null ? "user_id" : "username", "is the owner, who needs no share");
        }
        Grants.Granted granted = grants.grantDirectly(characterId, grantee.userId(), clock.instant());
        if (granted.isNew()) {
            events.changed(characterId);
        }
        return new Granted(
                new GrantResponse(characterId, grantee.userId(), grantee.username(), granted.grantedAt()),
                granted.isNew());
    }

    /** A new share link; only the token's hash is kept, and a link is not part of the snapshot. */
    @Transactional
    public ShareLinkResponse createLink(UUID characterId, ShareRequest request, AuthenticatedUser user) {
        if (request.username() != null || request.userId() != null) {
            throw InvalidRequest.field("link", "give either link: true or a user, not both");
        }
        Instant now = clock.instant();
        Instant expiresAt = expiry(request.expiresInHours(), now);
        lockShareable(characterId, user);
        String token = ShareTokens.generate();
        links.insert(ShareTokens.hash(token), characterId, now, expiresAt);
        return new ShareLinkResponse(token, properties.linkUrl(token), expiresAt);
    }

    @Transactional
    public void revokeGrant(UUID characterId, UUID granteeId, AuthenticatedUser user) {
        access.lockOwned(characterId, viewers.of(user));
        if (!grants.revoke(characterId, granteeId)) {
            throw ApiProblem.notFound("share");
        }
        events.changed(characterId);
    }

    /** The link stops working, and so does the access it gave (unless the owner also shared directly). */
    @Transactional
    public void revokeLink(UUID characterId, String token, AuthenticatedUser user) {
        access.lockOwned(characterId, viewers.of(user));
        byte[] hash = ShareTokens.wellFormed(token) ? ShareTokens.hash(token) : null;
        if (hash == null || !links.revoke(characterId, hash, clock.instant())) {
            throw ApiProblem.notFound("share link");
        }
        if (grants.revokeRedeemedVia(characterId, hash) > 0) {
            events.changed(characterId);
        }
    }

    /**
     * Redeeming a valid link grants the caller access; again changes nothing. Expired, revoked and
     * unknown links, characters not open to others (pending, hidden, taken down), and adult
     * characters for a caller who is not an adult, all answer 404.
     */
    @Transactional
    public CharacterResponse redeem(String token, AuthenticatedUser user) {
        Viewer viewer = viewers.of(user);
        byte[] hash = usableHash(token);
        UUID characterId = links.usableCharacterId(hash, clock.instant()).orElseThrow(SharingService::linkNotFound);
        CharacterRow character = characters.lock(characterId).orElseThrow(SharingService::linkNotFound);
        // Checked again under the character's lock: a revocation that committed meanwhile wins.
        if (links.usableCharacterId(hash, clock.instant()).isEmpty() || !reachable(character, viewer)) {
            throw linkNotFound();
        }
        if (!viewer.owns(character)
                && grants.grantViaLink(characterId, viewer.requireUserId(), clock.instant(), hash)) {
            character = events.changed(characterId);
        }
        return views.of(character, viewer);
    }

    /**
     * Anyone, signed in or not, is treated as anonymous here: adult characters are never previewed,
     * nor characters that are not open to others (pending, hidden, taken down).
     */
    @Transactional(readOnly = true)
    public SharePreview preview(String token) {
        byte[] hash = usableHash(token);
        CharacterRow character = links.usableCharacterId(hash, clock.instant())
                .flatMap(characters::find)
                .filter(c -> reachable(c, Viewer.ANONYMOUS))
                .orElseThrow(SharingService::linkNotFound);
        return new SharePreview(
                character.name(), character.characterType(), character.description(), character.avatarUrl());
    }

    private CharacterRow lockShareable(UUID characterId, AuthenticatedUser user) {
        CharacterRow character = access.lockOwned(characterId, viewers.of(user));
        if (character.visibility() == Visibility.PRIVATE) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "character-private",
                    "Conflict",
                    "A private character cannot be shared; make it shareable or public first.");
        }
        return character;
    }

    private static boolean reachable(CharacterRow character, Viewer viewer) {
        return character.visibility() != Visibility.PRIVATE && CharacterAccess.reachableWithoutGrant(character, viewer);
    }

    private KnownUser resolveGrantee(ShareRequest request) {
        Optional<KnownUser> grantee = request.userId() != null
                ? users.find(request.userId()).filter(u -> !u.deleted())
                : users.findByUsername(request.username());
        return grantee.orElseThrow(() -> ApiProblem.notFound("user"));
    }

    private static void requireGrantShape(ShareRequest request) {
        if (request.link() != null) {
            throw InvalidRequest.field("link", "must be true to create a share link, or left out");
        }
        if ((request.username() == null) == (request.userId() == null)) {
            throw InvalidRequest.field("body", "give exactly one of username, user_id or link: true");
        }
        if (request.expiresInHours() != null) {
            throw InvalidRequest.field("expires_in_hours", "applies to share links only");
        }
    }

    private @Nullable Instant expiry(@Nullable Integer hours, Instant now) {
        if (hours == null) {
            return null;
        }
        Duration lifetime = Duration.ofHours(hours);
        if (lifetime.compareTo(properties.maxLinkLifetime()) > 0) {
            throw InvalidRequest.field(
                    "expires_in_hours",
                    "must be at most " + properties.maxLinkLifetime().toHours());
        }
        return now.plus(lifetime);
    }

    private static byte[] usableHash(String token) {
        if (!ShareTokens.wellFormed(token)) {
            throw linkNotFound();
        }
        return ShareTokens.hash(token);
    }

    private static ApiProblem linkNotFound() {
        return ApiProblem.notFound("share link");
    }
}
