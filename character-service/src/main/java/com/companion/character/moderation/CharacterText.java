package com.companion.character.moderation;

import com.companion.character.core.CharacterDraft;
import com.companion.character.core.CharacterRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything a creator writes about a character: the text that ends up in the model's system message. */
public record CharacterText(String name, String description, List<String> tags) {

    /** The field name of a refusal that only the fields together explain. */
    public static final String TOGETHER = "character";

    public CharacterText {
        tags = List.copyOf(tags);
    }

    public static CharacterText of(CharacterDraft draft) {
        return new CharacterText(draft.name(), draft.description(), draft.tags());
    }

    public static CharacterText of(CharacterRow row) {
        return new CharacterText(row.name(), row.description(), row.tags());
    }

    /** Each non-empty field alone, by its API name, in the order a refusal names the first. */
    Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, "name", name);
        put(fields, "description", description);
        put(fields, "tags", String.join(", ", tags));
        return fields;
    }

    /**
     * The fields as one text, so that an age in one and sexual content in another are judged
     * together. The guard looks for such combinations within a window of a few hundred characters,
     * so the short fields (name, tags) are placed at both ends of the description: next to whatever
     * it says first and last.
     */
    String together() {
        List<String> parts = new ArrayList<>();
        String shortFields = String.join("\n", nonEmpty(name, String.join(", ", tags)));
        parts.add(shortFields);
        if (!description.isBlank()) {
            parts.add(description);
            parts.add(shortFields);
        }
        return String.join("\n", nonEmpty(parts.toArray(String[]::new)));
    }

    private static List<String> nonEmpty(String... parts) {
        List<String> kept = new ArrayList<>();
        for (String part : parts) {
            if (!part.isBlank()) {
                kept.add(part);
            }
        }
        return kept;
    }

    private static void put(Map<String, String> fields, String field, String text) {
        if (!text.isBlank()) {
            fields.put(field, text);
        }
    }
}
