package com.companion.system;

import com.companion.system.Api.Response;
import com.companion.system.Api.User;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test data: characters as the app creates them. */
final class Characters {

    static UUID create(User owner, String visibility, boolean nsfw) {
        return create(
                owner, "Nova " + UUID.randomUUID().toString().substring(0, 6), visibility, nsfw, List.of("stars"));
    }

    static UUID create(User owner, String name, String visibility, boolean nsfw, List<String> tags) {
        Response response = Api.post(
                "/characters",
                owner,
                Map.of(
                        "name", name,
                        "description", "A warm, witty stargazer who loves late-night talks about the cosmos.",
                        "character_type", "friend",
                        "sliders", Map.of("humor", 80, "affection", 70, "sarcasm", 10),
                        "visibility", visibility,
                        "tags", tags,
                        "nsfw_enabled", nsfw));
        if (response.status() != 201) {
            throw new IllegalStateException("create character: " + response.status() + " " + response.raw());
        }
        return UUID.fromString(response.json().path("id").asString());
    }

    private Characters() {}
}
