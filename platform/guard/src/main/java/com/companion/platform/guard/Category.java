package com.companion.platform.guard;

import java.util.Locale;
import java.util.Optional;

/**
 * The hazard taxonomy of Llama Guard 3/4 (MLCommons), so the rule layer, the moderation model, analytics and the
 * admin review speak the same codes. {@link #code()} ({@code "S4"}) is what goes on the wire.
 */
public enum Category {
    S1("violent-crimes", "Violent crimes"),
    S2("non-violent-crimes", "Non-violent crimes"),
    S3("sex-related-crimes", "Sex-related crimes"),
    S4("child-sexual-exploitation", "Child sexual exploitation"),
    S5("defamation", "Defamation"),
    S6("specialized-advice", "Specialized advice"),
    S7("privacy", "Privacy"),
    S8("intellectual-property", "Intellectual property"),
    S9("indiscriminate-weapons", "Indiscriminate weapons"),
    S10("hate", "Hate"),
    S11("suicide-and-self-harm", "Suicide & self-harm"),
    S12("sexual-content", "Sexual content"),
    S13("elections", "Elections"),
    S14("code-interpreter-abuse", "Code interpreter abuse");

    private final String slug;
    private final String title;

    Category(String slug, String title) {
        this.slug = slug;
        this.title = title;
    }

    /** {@code "S1"} … {@code "S14"}. */
    public String code() {
        return name();
    }

    /** A stable kebab-case name for dashboards, e.g. {@code child-sexual-exploitation}. */
    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    /** Parses {@code "S4"} (any case, surrounding blanks ignored); empty for anything else. */
    public static Optional<Category> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String normalized = code.strip().toUpperCase(Locale.ROOT);
        for (Category category : values()) {
            if (category.name().equals(normalized)) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }
}
