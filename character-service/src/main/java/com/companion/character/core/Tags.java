package com.companion.character.core;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Tags are stored trimmed, lowercased and without duplicates, in the order first given. */
public final class Tags {

    public static final int MAX_COUNT = 10;

    /** One tag once normalised; for Bean Validation's {@code @Pattern}. */
    public static final String PATTERN = "[a-z0-9-]{1,24}";

    public static final String PATTERN_MESSAGE = "must be 1 to 24 characters of a-z, 0-9 and '-'";

    public static final String COUNT_MESSAGE = "must hold at most " + MAX_COUNT + " distinct tags";

    /** Null elements are kept so that validation can name them. */
    public static List<@Nullable String> normalize(@Nullable List<@Nullable String> raw) {
        if (raw == null) {
            return List.of();
        }
        LinkedHashSet<@Nullable String> tags = new LinkedHashSet<>();
        for (String tag : raw) {
            tags.add(tag == null ? null : tag.strip().toLowerCase(Locale.ROOT));
        }
        return new ArrayList<>(tags);
    }

    public static boolean valid(@Nullable String normalizedTag) {
        return normalizedTag != null && normalizedTag.matches(PATTERN);
    }

    private Tags() {}
}
