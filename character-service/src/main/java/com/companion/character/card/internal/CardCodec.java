package com.companion.character.card.internal;

import com.companion.character.core.CardFields;
import com.companion.character.core.CharacterRow;
import com.companion.character.core.InvalidRequest;
import com.companion.character.core.Lorebook;
import com.companion.contracts.character.CharacterType;
import com.companion.contracts.character.LorebookPosition;
import com.companion.contracts.character.Sliders;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads Character Card JSON (V1: the fields at the top level; V2 {@code chara_card_v2}; V3
 * {@code chara_card_v3}) and writes V3 and V2. Reading is lenient where the specs and real cards differ
 * (a missing optional field, a string lorebook id) and strict where the data would
 * be wrong (not JSON, not an object, an unknown {@code spec}, a field of the wrong type): those answer 400
 * naming what is wrong.
 *
 * <p>Our own settings, the character type and the seven sliders, travel under
 * {@code extensions.companion}; every other extension is kept verbatim. The V1/V2 {@code personality}
 * field has no column of its own: a non-empty one is appended to the description as a "Personality:"
 * paragraph.
 */
public final class CardCodec {

    public static final String SPEC_V2 = "chara_card_v2";
    public static final String SPEC_V3 = "chara_card_v3";
    static final String COMPANION = "companion";
    /**
     * V3 fields this service does not model, kept with the card so that import → export loses nothing: stored under
     * this key of {@code extensions} and written back to the top of {@code data} on a V3 export (never on V2, which
     * has no such fields). Embedded assets are not kept (the avatar is media-service's).
     */
    static final String KEPT_V3 = "companion_v3_fields";

    private static final List<String> V3_ONLY = List.of(
            "creator_notes_multilingual", "source", "group_only_greetings", "creation_date", "modification_date");

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(64)
                            .maxStringLength(1_000_000)
                            .build())
                    .build())
            .build();

    private CardCodec() {}

    public static ImportedCard read(byte[] json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw InvalidCard.of("The card is not valid JSON.");
        }
        if (root == null || !root.isObject()) {
            throw InvalidCard.of("The card must be a JSON object.");
        }
        JsonNode spec = root.get("spec");
        if (spec == null || spec.isNull()) {
            return fromData(root, "");
        }
        if (!spec.isString()) {
            throw InvalidCard.of("The card's spec must be a string.");
        }
        String name = spec.asString();
        if (!SPEC_V2.equals(name) && !SPEC_V3.equals(name)) {
            throw InvalidCard.of("Unsupported card spec '" + cut(name) + "'; expected chara_card_v2 or chara_card_v3.");
        }
        JsonNode data = root.get("data");
        if (data == null || !data.isObject()) {
            throw InvalidCard.of("A " + name + " card needs a data object.");
        }
        return fromData(data, "data.");
    }

    private static ImportedCard fromData(JsonNode data, String at) {
        String name = text(data, "name", at);
        String description = text(data, "description", at);
        String personality = text(data, "personality", at);
        if (!personality.isBlank()) {
            description = description.isBlank()
                    ? "Personality: " + personality.strip()
                    : description.strip() + "\n\nPersonality: " + personality.strip();
        }
        Map<String, @Nullable Object> extensions = object(data, "extensions", at);
        CharacterType type = null;
        Sliders sliders = null;
        Object companion = extensions.remove(COMPANION);
        extensions.remove(KEPT_V3);
        Map<String, Object> keptV3 = new LinkedHashMap<>();
        for (String field : V3_ONLY) {
            JsonNode value = data.get(field);
            // Empty values carry nothing (and every export writes an empty group_only_greetings).
            if (value != null && !value.isNull() && !(value.isContainer() && value.isEmpty())) {
                keptV3.put(field, MAPPER.treeToValue(value, Object.class));
            }
        }
        if (!keptV3.isEmpty()) {
            extensions.put(KEPT_V3, keptV3);
        }
        if (companion != null) {
            JsonNode ours = MAPPER.valueToTree(companion);
            type = characterType(ours.path("character_type"));
            sliders = sliders(ours.path("sliders"));
        }
        CardFields card = new CardFields(
                text(data, "nickname", at),
                text(data, "first_mes", at),
                strings(data, "alternate_greetings", at),
                text(data, "scenario", at),
                text(data, "mes_example", at),
                text(data, "system_prompt", at),
                text(data, "post_history_instructions", at),
                text(data, "creator_notes", at),
                text(data, "creator", at),
                text(data, "character_version", at),
                lorebook(data.get("character_book"), at + "character_book"),
                extensions);
        return new ImportedCard(name, description, strings(data, "tags", at), card, type, sliders);
    }

    private static Lorebook lorebook(@Nullable JsonNode book, String at) {
        if (book == null || book.isNull()) {
            return Lorebook.EMPTY;
        }
        if (!book.isObject()) {
            throw InvalidCard.of(at + " must be an object.");
        }
        JsonNode entries = book.get("entries");
        List<Lorebook.Entry> parsed = new ArrayList<>();
        if (entries != null && !entries.isNull()) {
            if (!entries.isArray()) {
                throw InvalidCard.of(at + ".entries must be an array.");
            }
            for (int i = 0; i < entries.size(); i++) {
                parsed.add(entry(entries.get(i), at + ".entries[" + i + "]", i));
            }
        }
        return new Lorebook(
                optionalText(book, "name", at),
                optionalText(book, "description", at),
                optionalInt(book, "scan_depth", at),
                optionalInt(book, "token_budget", at),
                optionalBoolean(book, "recursive_scanning", at),
                object(book, "extensions", at + "."),
                parsed);
    }

    private static Lorebook.Entry entry(JsonNode entry, String at, int index) {
        if (!entry.isObject()) {
            throw InvalidCard.of(at + " must be an object.");
        }
        String prefix = at + ".";
        JsonNode id = entry.get("id");
        Long numericId = id != null && id.isIntegralNumber() ? id.asLong() : null;
        return new Lorebook.Entry(
                strings(entry, "keys", prefix),
                strings(entry, "secondary_keys", prefix),
                text(entry, "content", prefix),
                optionalBoolean(entry, "enabled", prefix),
                optionalBoolean(entry, "constant", prefix),
                optionalBoolean(entry, "selective", prefix),
                optionalInt(entry, "insertion_order", prefix),
                position(entry.get("position"), index),
                optionalBoolean(entry, "case_sensitive", prefix),
                optionalBoolean(entry, "use_regex", prefix),
                numericId,
                optionalText(entry, "name", prefix),
                optionalText(entry, "comment", prefix),
                optionalInt(entry, "priority", prefix),
                object(entry, "extensions", prefix));
    }

    /** The V3 card of a character. */
    public static ObjectNode v3(CharacterRow row) {
        ObjectNode card = MAPPER.createObjectNode();
        card.put("spec", SPEC_V3);
        card.put("spec_version", "3.0");
        ObjectNode data = data(row);
        data.put("nickname", row.card().nickname());
        data.set("group_only_greetings", MAPPER.createArrayNode());
        Object kept = row.card().extensions().get(KEPT_V3);
        if (kept != null) {
            MAPPER.valueToTree(kept).properties().forEach(field -> {
                if (V3_ONLY.contains(field.getKey())) {
                    data.set(field.getKey(), field.getValue());
                }
            });
        }
        ArrayNode assets = data.putArray("assets");
        ObjectNode icon = assets.addObject();
        icon.put("type", "icon");
        icon.put("uri", "ccdefault:");
        icon.put("name", "main");
        icon.put("ext", "png");
        card.set("data", data);
        return card;
    }

    /** The V2 card of a character, the backfill older readers understand. */
    public static ObjectNode v2(CharacterRow row) {
        ObjectNode card = MAPPER.createObjectNode();
        card.put("spec", SPEC_V2);
        card.put("spec_version", "2.0");
        card.set("data", data(row));
        return card;
    }

    public static byte[] bytes(JsonNode card) {
        return MAPPER.writeValueAsBytes(card);
    }

    private static ObjectNode data(CharacterRow row) {
        CardFields c = row.card();
        ObjectNode data = MAPPER.createObjectNode();
        data.put("name", row.name());
        data.put("description", row.description());
        data.put("personality", "");
        data.put("scenario", c.scenario());
        data.put("first_mes", c.greeting());
        data.put("mes_example", c.exampleDialogue());
        data.put("creator_notes", c.creatorNotes());
        data.put("system_prompt", c.systemPrompt());
        data.put("post_history_instructions", c.postHistoryInstructions());
        ArrayNode greetings = data.putArray("alternate_greetings");
        c.alternateGreetings().forEach(greetings::add);
        if (!c.lorebook().isEmpty()) {
            data.set("character_book", lorebook(c.lorebook()));
        }
        ArrayNode tags = data.putArray("tags");
        row.tags().forEach(tags::add);
        data.put("creator", c.creator());
        data.put("character_version", c.characterVersion());
        ObjectNode extensions = MAPPER.valueToTree(c.extensions());
        extensions.remove(KEPT_V3);
        ObjectNode companion = extensions.putObject(COMPANION);
        companion.put("character_type", row.characterType().name().toLowerCase(Locale.ROOT));
        Sliders s = row.sliders();
        ObjectNode sliders = companion.putObject("sliders");
        sliders.put("shyness", s.shyness());
        sliders.put("flirtiness", s.flirtiness());
        sliders.put("humor", s.humor());
        sliders.put("boldness", s.boldness());
        sliders.put("affection", s.affection());
        sliders.put("sarcasm", s.sarcasm());
        sliders.put("positivity", s.positivity());
        data.set("extensions", extensions);
        return data;
    }

    private static ObjectNode lorebook(Lorebook book) {
        ObjectNode node = MAPPER.createObjectNode();
        putIfPresent(node, "name", book.name());
        putIfPresent(node, "description", book.description());
        if (book.scanDepth() != null) {
            node.put("scan_depth", book.scanDepth());
        }
        if (book.tokenBudget() != null) {
            node.put("token_budget", book.tokenBudget());
        }
        if (book.recursiveScanning() != null) {
            node.put("recursive_scanning", book.recursiveScanning());
        }
        node.set("extensions", MAPPER.valueToTree(book.extensions()));
        ArrayNode entries = node.putArray("entries");
        for (Lorebook.Entry e : book.entries()) {
            ObjectNode entry = entries.addObject();
            ArrayNode keys = entry.putArray("keys");
            e.keys().forEach(keys::add);
            entry.put("content", e.content());
            entry.set("extensions", MAPPER.valueToTree(e.extensions()));
            entry.put("enabled", e.enabled());
            entry.put("insertion_order", e.insertionOrder());
            entry.put("case_sensitive", e.caseSensitive());
            entry.put("use_regex", e.useRegex());
            entry.put("constant", e.constant());
            entry.put("selective", e.selective());
            ArrayNode secondary = entry.putArray("secondary_keys");
            e.secondaryKeys().forEach(secondary::add);
            if (e.position() != null) {
                entry.put("position", e.position() == LorebookPosition.AFTER_CHAR ? "after_char" : "before_char");
            }
            if (e.id() != null) {
                entry.put("id", e.id());
            }
            putIfPresent(entry, "name", e.name());
            putIfPresent(entry, "comment", e.comment());
            if (e.priority() != null) {
                entry.put("priority", e.priority());
            }
        }
        return node;
    }

    private static void putIfPresent(ObjectNode node, String field, @Nullable String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static String text(JsonNode node, String field, String at) {
        String value = optionalText(node, field, at);
        return value == null ? "" : value;
    }

    private static @Nullable String optionalText(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw InvalidCard.of(at + field + " must be a string.");
        }
        return value.asString();
    }

    private static @Nullable Integer optionalInt(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw InvalidCard.of(at + field + " must be an integer.");
        }
        return value.asInt();
    }

    private static @Nullable Boolean optionalBoolean(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw InvalidCard.of(at + field + " must be true or false.");
        }
        return value.asBoolean();
    }

    private static List<String> strings(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw InvalidCard.of(at + field + " must be an array of strings.");
        }
        List<String> strings = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isString()) {
                throw InvalidCard.of(at + field + " must be an array of strings.");
            }
            strings.add(item.asString());
        }
        return strings;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, @Nullable Object> object(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return new LinkedHashMap<>();
        }
        if (!value.isObject()) {
            throw InvalidCard.of(at + field + " must be an object.");
        }
        return MAPPER.convertValue(value, LinkedHashMap.class);
    }

    /**
     * The spec's two positions; absent or null is the default (before the character). Anything else is refused as
     * {@code POST /characters} refuses it, a validation error naming {@code lorebook.entries[i].position}: dropping
     * it would silently move the entry and lose the value on the next export.
     */
    private static @Nullable LorebookPosition position(@Nullable JsonNode value, int index) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isString()) {
            switch (value.asString()) {
                case "after_char" -> {
                    return LorebookPosition.AFTER_CHAR;
                }
                case "before_char" -> {
                    return LorebookPosition.BEFORE_CHAR;
                }
                default -> {}
            }
        }
        throw InvalidRequest.field(
                "lorebook.entries[" + index + "].position", "must be one of before_char, after_char");
    }

    private static @Nullable CharacterType characterType(JsonNode value) {
        if (!value.isString()) {
            return null;
        }
        for (CharacterType type : CharacterType.values()) {
            if (type.name().equalsIgnoreCase(value.asString())) {
                return type;
            }
        }
        return null;
    }

    private static @Nullable Sliders sliders(JsonNode value) {
        if (!value.isObject()) {
            return null;
        }
        return new Sliders(
                slider(value, "shyness"),
                slider(value, "flirtiness"),
                slider(value, "humor"),
                slider(value, "boldness"),
                slider(value, "affection"),
                slider(value, "sarcasm"),
                slider(value, "positivity"));
    }

    private static int slider(JsonNode sliders, String name) {
        JsonNode value = sliders.get(name);
        if (value == null || !value.isIntegralNumber() || value.asInt() < 0 || value.asInt() > 100) {
            return Sliders.DEFAULT;
        }
        return value.asInt();
    }

    private static String cut(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
