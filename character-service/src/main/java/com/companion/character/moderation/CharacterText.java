package com.companion.character.moderation;

import com.companion.character.core.CardFields;
import com.companion.character.core.CharacterDraft;
import com.companion.character.core.CharacterRow;
import com.companion.character.core.Lorebook;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Everything a creator writes about a character: the text that ends up in the model's system message
 * or in front of people (greetings, creator notes, the lorebook), card fields included.
 */
public record CharacterText(String name, String description, List<String> tags, CardFields card) {

    /** The field name of a refusal that only the fields together explain. */
    public static final String TOGETHER = "character";

    public CharacterText {
        tags = List.copyOf(tags);
    }

    public CharacterText(String name, String description, List<String> tags) {
        this(name, description, tags, CardFields.EMPTY);
    }

    public static CharacterText of(CharacterDraft draft) {
        return new CharacterText(draft.name(), draft.description(), draft.tags(), draft.card());
    }

    public static CharacterText of(CharacterRow row) {
        return new CharacterText(row.name(), row.description(), row.tags(), row.card());
    }

    /** Each non-empty field alone, by its API name, in the order a refusal names the first. */
    Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, "name", name);
        put(fields, "description", description);
        put(fields, "tags", String.join(", ", tags));
        put(fields, "nickname", card.nickname());
        put(fields, "greeting", card.greeting());
        for (int i = 0; i < card.alternateGreetings().size(); i++) {
            put(
                    fields,
                    "alternate_greetings[" + i + "]",
                    card.alternateGreetings().get(i));
        }
        put(fields, "scenario", card.scenario());
        put(fields, "example_dialogue", card.exampleDialogue());
        put(fields, "system_prompt", card.systemPrompt());
        put(fields, "post_history_instructions", card.postHistoryInstructions());
        put(fields, "creator_notes", card.creatorNotes());
        put(fields, "creator", card.creator());
        List<Lorebook.Entry> entries = card.lorebook().entries();
        for (int i = 0; i < entries.size(); i++) {
            put(
                    fields,
                    "lorebook.entries[" + i + "].keys",
                    String.join(", ", entries.get(i).keys()));
            put(
                    fields,
                    "lorebook.entries[" + i + "].secondary_keys",
                    String.join(", ", entries.get(i).secondaryKeys()));
            put(fields, "lorebook.entries[" + i + "].content", entries.get(i).content());
            put(
                    fields,
                    "lorebook.entries[" + i + "].name",
                    Objects.requireNonNullElse(entries.get(i).name(), ""));
            put(
                    fields,
                    "lorebook.entries[" + i + "].comment",
                    Objects.requireNonNullElse(entries.get(i).comment(), ""));
            putExtensions(
                    fields,
                    "lorebook.entries[" + i + "].extensions",
                    entries.get(i).extensions());
        }
        put(fields, "lorebook.name", Objects.requireNonNullElse(card.lorebook().name(), ""));
        put(
                fields,
                "lorebook.description",
                Objects.requireNonNullElse(card.lorebook().description(), ""));
        putExtensions(fields, "lorebook.extensions", card.lorebook().extensions());
        putExtensions(fields, "extensions", card.extensions());
        return fields;
    }

    /**
     * Extensions are kept verbatim and shown on the character and in its exported card, so their text is screened
     * too: each top-level key, with every key and text below it, as one field named {@code extensions.<key>} (the V3
     * fields this service keeps there, such as {@code group_only_greetings}, among them).
     */
    private static void putExtensions(
            Map<String, String> fields, String prefix, @Nullable Map<String, @Nullable Object> extensions) {
        if (extensions == null) {
            return;
        }
        for (Map.Entry<String, @Nullable Object> extension : extensions.entrySet()) {
            List<String> texts = new ArrayList<>();
            texts.add(extension.getKey());
            collectTexts(extension.getValue(), texts);
            put(fields, prefix + "." + extension.getKey(), String.join("\n", texts));
        }
    }

    private static void collectTexts(@Nullable Object value, List<String> texts) {
        switch (value) {
            case String text -> texts.add(text);
            case Map<?, ?> map ->
                map.forEach((key, nested) -> {
                    texts.add(String.valueOf(key));
                    collectTexts(nested, texts);
                });
            case Iterable<?> items -> items.forEach(item -> collectTexts(item, texts));
            case null, default -> {}
        }
    }

    /**
     * The fields as one text, so that an age in one and sexual content in another are judged
     * together. The guard looks for such combinations within a window of a few hundred characters,
     * so the short fields (name, nickname, tags) are placed at both ends of the description, scenario and
     * greeting: next to whatever they say first and last.
     */
    String together() {
        List<String> parts = new ArrayList<>();
        String shortFields = String.join("\n", nonEmpty(name, card.nickname(), String.join(", ", tags)));
        parts.add(shortFields);
        String longFields = String.join("\n", nonEmpty(description, card.scenario(), card.greeting()));
        if (!longFields.isBlank()) {
            parts.add(longFields);
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
