package com.companion.character.core;

import org.springframework.stereotype.Component;

/** Builds the response for one character: the owner also sees the grantees and the moderation fields. */
@Component
public class CharacterViews {

    private final Grants grants;

    CharacterViews(Grants grants) {
        this.grants = grants;
    }

    public CharacterResponse of(CharacterRow row, Viewer viewer) {
        boolean owner = viewer.owns(row);
        return CharacterResponse.of(row, owner, owner ? grants.granteeIds(row.id()) : null);
    }
}
