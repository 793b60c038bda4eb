package com.companion.character.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Request bodies for characters, as a client sends them (snake_case JSON), with sensible defaults
 * that each test overrides only where it matters. Raw maps, so tests can also send what a typed
 * client could not (unknown fields, wrong types).
 */
public final class CharacterMother {

    private final Map<String, Object> body = new LinkedHashMap<>();
    private final Map<String, Object> sliders = new LinkedHashMap<>();

    private CharacterMother() {
        body.put("name", "Luna");
        body.put("description", "A cheerful stargazer who loves astronomy and long walks.");
        body.put("character_type", "friend");
    }

    public static CharacterMother aCharacter() {
        return new CharacterMother();
    }

    public static CharacterMother aPublicCharacter() {
        return aCharacter().visibility("public");
    }

    public static CharacterMother anAdultCharacter() {
        return aCharacter().with("nsfw_enabled", true);
    }

    public CharacterMother named(String name) {
        return with("name", name);
    }

    public CharacterMother describedAs(String description) {
        return with("description", description);
    }

    public CharacterMother ofType(String type) {
        return with("character_type", type);
    }

    public CharacterMother visibility(String visibility) {
        return with("visibility", visibility);
    }

    public CharacterMother tags(String... tags) {
        return with("tags", List.of(tags));
    }

    public CharacterMother slider(String name, Object value) {
        sliders.put(name, value);
        return this;
    }

    public CharacterMother with(String field, Object value) {
        body.put(field, value);
        return this;
    }

    public CharacterMother without(String field) {
        body.remove(field);
        return this;
    }

    /** The body for {@code PUT}: everything but adult mode, which has its own endpoint. */
    public Map<String, Object> forUpdate() {
        Map<String, Object> update = build();
        update.remove("nsfw_enabled");
        update.putIfAbsent("visibility", "private");
        return update;
    }

    public Map<String, Object> build() {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        if (!sliders.isEmpty()) {
            copy.put("sliders", new LinkedHashMap<>(sliders));
        }
        return copy;
    }
}
