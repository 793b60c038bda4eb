package com.companion.character.sharing;

import com.companion.character.core.Grants;
import com.companion.character.sharing.internal.ShareLinks;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** What other features ask of sharing. */
@Component
public class Shares {

    private final Grants grants;
    private final ShareLinks links;
    private final Clock clock;

    Shares(Grants grants, ShareLinks links, Clock clock) {
        this.grants = grants;
        this.links = links;
        this.clock = clock;
    }

    /**
     * Takes back every grant and link of a character (it became private). The caller holds the
     * character's lock and publishes the change.
     */
    public void revokeAll(UUID characterId) {
        grants.revokeAll(characterId);
        links.revokeAll(characterId, clock.instant());
    }
}
