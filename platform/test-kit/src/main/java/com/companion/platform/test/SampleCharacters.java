package com.companion.platform.test;

import com.companion.contracts.character.CharacterType;
import com.companion.contracts.character.CharacterUpserted;
import com.companion.contracts.character.ModerationStatus;
import com.companion.contracts.character.Sliders;
import com.companion.contracts.character.Visibility;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The character a read-model test needs: "Mira", with the access fields the test chooses. */
public final class SampleCharacters {

    private SampleCharacters() {}

    public static CharacterUpserted upserted(
            UUID id, UUID owner, long version, Visibility visibility, boolean nsfw, UUID... grantees) {
        return new CharacterUpserted(
                id,
                owner,
                version,
                "Mira",
                "A cheerful astronomer who loves tea.",
                CharacterType.FRIEND,
                new Sliders(20, 30, 80, 50, 70, 10, 90),
                nsfw,
                visibility,
                null,
                List.of("space"),
                List.of(grantees),
                Instant.now(),
                Instant.now(),
                ModerationStatus.OK);
    }
}
