package com.companion.character.profile;

import com.companion.contracts.character.Sliders;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

/**
 * Personality sliders, each an integer from 0 to 100; a missing one is 50. An unknown slider name
 * is an unknown field, which the API rejects (400 naming {@code sliders.<name>}).
 */
public record SlidersRequest(
        @Nullable @Min(0) @Max(100) Integer shyness,
        @Nullable @Min(0) @Max(100) Integer flirtiness,
        @Nullable @Min(0) @Max(100) Integer humor,
        @Nullable @Min(0) @Max(100) Integer boldness,
        @Nullable @Min(0) @Max(100) Integer affection,
        @Nullable @Min(0) @Max(100) Integer sarcasm,
        @Nullable @Min(0) @Max(100) Integer positivity) {

    public static final SlidersRequest DEFAULTS = new SlidersRequest(null, null, null, null, null, null, null);

    public Sliders toSliders() {
        return new Sliders(
                orDefault(shyness),
                orDefault(flirtiness),
                orDefault(humor),
                orDefault(boldness),
                orDefault(affection),
                orDefault(sarcasm),
                orDefault(positivity));
    }

    private static int orDefault(@Nullable Integer value) {
        return value == null ? Sliders.DEFAULT : value;
    }
}
