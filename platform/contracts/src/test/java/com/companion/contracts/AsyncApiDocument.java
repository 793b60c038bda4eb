package com.companion.contracts;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The AsyncAPI document shipped in the jar, read as a tree, with its schemas as validators. */
final class AsyncApiDocument {

    static final String RESOURCE = "asyncapi/asyncapi.yaml";
    static final String SCHEMAS = "#/components/schemas/";

    /** Extension on a message's Kafka key schema: the {@code data} property the key is copied from. */
    static final String KEY_PROPERTY = "x-key-property";

    private final JsonNode root;
    /** Draft-07, plus the document's own annotation so that the validator does not warn about it. */
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialect.builder(Dialects.getDraft7())
            .keyword(new NonValidationKeyword(KEY_PROPERTY))
            .build());

    private AsyncApiDocument(JsonNode root) {
        this.root = root;
    }

    static AsyncApiDocument load() {
        try (InputStream in = AsyncApiDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return new AsyncApiDocument(YAMLMapper.builder().build().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode root() {
        return root;
    }

    /** Follows local {@code $ref}s until a node that is not a reference. */
    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int depth = 0; current.has("$ref"); depth++) {
            if (depth > 20) {
                throw new IllegalStateException("reference cycle at " + node);
            }
            current = at(current.get("$ref").asString());
        }
        return current;
    }

    /** The node a local reference such as {@code #/components/schemas/Ad} points at. */
    JsonNode at(String ref) {
        if (!ref.startsWith("#/")) {
            throw new IllegalArgumentException("only local references are expected, got " + ref);
        }
        JsonNode target = root.at(ref.substring(1));
        if (target.isMissingNode()) {
            throw new IllegalArgumentException("dangling reference " + ref);
        }
        return target;
    }

    Map<String, JsonNode> channelsByAddress() {
        Map<String, JsonNode> channels = new LinkedHashMap<>();
        root.path("channels")
                .forEachEntry((id, channel) ->
                        putOnce(channels, channel.path("address").asString(), channel));
        return channels;
    }

    /** Component messages by their {@code name}, which is the wire event type. */
    Map<String, JsonNode> messagesByName() {
        Map<String, JsonNode> messages = new LinkedHashMap<>();
        root.path("components")
                .path("messages")
                .forEachEntry(
                        (id, message) -> putOnce(messages, message.path("name").asString(), message));
        return messages;
    }

    private static void putOnce(Map<String, JsonNode> map, String key, JsonNode value) {
        if (map.put(key, value) != null) {
            throw new IllegalStateException("'" + key + "' is described twice in " + RESOURCE);
        }
    }

    String messagePointer(String eventType) {
        List<String> ids = new ArrayList<>();
        root.path("components").path("messages").forEachEntry((id, message) -> {
            if (message.path("name").asString().equals(eventType)) {
                ids.add(id);
            }
        });
        if (ids.size() != 1) {
            throw new IllegalArgumentException("expected one message named " + eventType + ", found " + ids);
        }
        return "#/components/messages/" + ids.getFirst();
    }

    JsonNode schema(String name) {
        return at(SCHEMAS + name);
    }

    boolean hasSchema(String name) {
        return root.path("components").path("schemas").has(name);
    }

    /** A validator for the schema at a pointer into this document, resolving its references. */
    Schema validator(String pointer) {
        return registry.getSchema(SchemaLocation.of("classpath:" + RESOURCE + pointer));
    }
}
