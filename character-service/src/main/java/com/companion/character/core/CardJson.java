package com.companion.character.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** The stored JSON form of {@link CardFields} (the {@code characters.card} column): snake_case, nulls left out. */
public final class CardJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .changeDefaultPropertyInclusion(v -> v.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    public static String write(CardFields card) {
        return MAPPER.writeValueAsString(card);
    }

    public static CardFields read(String json) {
        return MAPPER.readValue(json, CardFields.class);
    }

    /** The serialised length of a value, for the size limit of {@code extensions}. */
    public static int length(Object value) {
        return MAPPER.writeValueAsString(value).length();
    }

    private CardJson() {}
}
