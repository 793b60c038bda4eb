package com.companion.character.core;

import org.springframework.stereotype.Component;

/** Builds the response for one character: the owner also sees the grantees. */
@Component
public class CharacterViews {

    private final Grants grants;

    CharacterViews(Grants grants) {
        this.grants = grants;
    }

    public CharacterResponse of(CharacterRow row, Viewer viewer) {
        return CharacterResponse.of(row, viewer.owns(row) ? grants.granteeIds(row.id()) : null);
    }
}
