package com.companion.character.core;

import com.companion.contracts.character.LorebookPosition;
import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A character's lorebook (the card spec's {@code character_book}): facts inserted into a prompt when
 * their keys come up. The optional fields of the spec are kept as given so an import exports again
 * unchanged; {@code extensions} are kept verbatim.
 */
public record Lorebook(
        @Nullable @Size(max = CardLimits.SHORT_TEXT) String name,
        @Nullable @Size(max = CardLimits.NOTES_TEXT) String description,
        @Nullable @Min(0) @Max(1000) Integer scanDepth,
        @Nullable @Min(0) @Max(100_000) Integer tokenBudget,
        @Nullable Boolean recursiveScanning,
        @Nullable Map<String, @Nullable Object> extensions,
        @Size(max = CardLimits.LOREBOOK_ENTRIES) List<@NotNull @Valid Entry> entries) {

    public static final Lorebook EMPTY = new Lorebook(null, null, null, null, null, Map.of(), List.of());

    public Lorebook {
        extensions = extensions == null ? Map.of() : new LinkedHashMap<>(extensions);
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    @JsonIgnore
    public boolean isEmpty() {
        return equals(EMPTY);
    }

    /**
     * One entry. {@code enabled} defaults to true and {@code insertion_order} to 100 when absent;
     * {@code position} null means the spec's default (before the character).
     */
    public record Entry(
            @Size(max = CardLimits.KEYS)
            List<
                            @NotNull @Size(min = 1, max = CardLimits.KEY_TEXT)
                            @Pattern(regexp = CardLimits.LINE_PATTERN, message = CardLimits.LINE_MESSAGE) String>
                    keys,

            @Size(max = CardLimits.KEYS)
            List<
                            @NotNull @Size(min = 1, max = CardLimits.KEY_TEXT)
                            @Pattern(regexp = CardLimits.LINE_PATTERN, message = CardLimits.LINE_MESSAGE) String>
                    secondaryKeys,

            @NotNull
            @Size(max = CardLimits.ENTRY_TEXT)
            @Pattern(regexp = CardLimits.TEXT_PATTERN, message = CardLimits.TEXT_MESSAGE)
            String content,

            Boolean enabled,
            Boolean constant,
            Boolean selective,
            Integer insertionOrder,
            @Nullable LorebookPosition position,
            Boolean caseSensitive,
            Boolean useRegex,
            @Nullable Long id,
            @Nullable @Size(max = CardLimits.SHORT_TEXT) String name,
            @Nullable @Size(max = CardLimits.SHORT_TEXT) String comment,
            @Nullable Integer priority,
            @Nullable Map<String, @Nullable Object> extensions) {

        public Entry {
            keys = keys == null ? List.of() : List.copyOf(keys);
            secondaryKeys = secondaryKeys == null ? List.of() : List.copyOf(secondaryKeys);
            content = content == null ? null : content.replace("\r\n", "\n");
            enabled = enabled == null || enabled;
            constant = constant != null && constant;
            selective = selective != null && selective;
            insertionOrder = insertionOrder == null ? 100 : insertionOrder;
            caseSensitive = caseSensitive != null && caseSensitive;
            useRegex = useRegex != null && useRegex;
            extensions = extensions == null ? Map.of() : new LinkedHashMap<>(extensions);
        }
    }
}
