package com.companion.offlinellm;

import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The admin API's snake_case view of a {@link Behaviour}. */
final class BehaviourJson {

    private BehaviourJson() {}

    /** Fields present in {@code json} override {@code base}; a JSON null clears an optional field. */
    static Behaviour read(JsonNode json, Behaviour base) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("a behaviour must be a JSON object");
        }
        Behaviour b = base;
        if (json.has("time_to_first_token_ms")) {
            b = b.withTimeToFirstToken(Duration.ofMillis(requireLong(json, "time_to_first_token_ms")));
        }
        if (json.has("time_per_token_ms")) {
            b = b.withTimePerToken(Duration.ofMillis(requireLong(json, "time_per_token_ms")));
        }
        String code = json.has("error_code") ? optionalString(json, "error_code") : null;
        String type = json.has("error_type") ? optionalString(json, "error_type") : null;
        String message = json.has("error_message") ? optionalString(json, "error_message") : null;
        if (json.has("status") || code != null || type != null || message != null) {
            int status = json.has("status") ? (int) requireLong(json, "status") : b.status();
            b = b.withError(status, code, type, message);
        }
        if (json.has("retry_after_seconds")) {
            b = b.withRetryAfterSeconds(optionalInt(json, "retry_after_seconds"));
        }
        if (json.has("disconnect_after_chunks")) {
            b = b.withDisconnectAfterChunks(optionalInt(json, "disconnect_after_chunks"));
        }
        if (json.has("reply")) {
            b = b.withReply(optionalString(json, "reply"));
        }
        if (json.has("quirks")) {
            JsonNode quirks = json.get("quirks");
            if (!quirks.isArray()) {
                throw new IllegalArgumentException("quirks must be a list of names");
            }
            Set<Behaviour.StreamQuirk> set = EnumSet.noneOf(Behaviour.StreamQuirk.class);
            for (JsonNode quirk : quirks) {
                set.add(named(Behaviour.StreamQuirk.class, quirk, "quirks"));
            }
            b = b.withQuirks(set);
        }
        if (json.has("fault") || json.has("fault_after_chunks")) {
            Behaviour.StreamFault fault =
                    json.has("fault") ? named(Behaviour.StreamFault.class, json.get("fault"), "fault") : b.fault();
            int after = json.has("fault_after_chunks")
                    ? (int) requireLong(json, "fault_after_chunks")
                    : b.faultAfterChunks();
            b = b.withFault(fault, after);
        }
        if (json.has("headers")) {
            JsonNode headers = json.get("headers");
            if (!headers.isObject()) {
                throw new IllegalArgumentException("headers must be an object of strings");
            }
            Map<String, String> map = new LinkedHashMap<>();
            for (var entry : headers.properties()) {
                if (!entry.getValue().isString()) {
                    throw new IllegalArgumentException("headers must be an object of strings");
                }
                map.put(entry.getKey(), entry.getValue().stringValue());
            }
            b = b.withHeaders(map);
        }
        if (json.has("varied_replies")) {
            JsonNode varied = json.get("varied_replies");
            if (!varied.isBoolean()) {
                throw new IllegalArgumentException("varied_replies must be true or false");
            }
            b = b.withVariedReplies(varied.booleanValue());
        }
        if (json.has("hang")) {
            JsonNode hang = json.get("hang");
            if (!hang.isBoolean()) {
                throw new IllegalArgumentException("hang must be true or false");
            }
            b = b.withHang(hang.booleanValue());
        }
        return b;
    }

    /**
     * The optional {@code for_message_containing} of a queued behaviour: it then answers only the first call whose last
     * user message contains this text, whatever other calls (titles, summaries, other tests' turns) come first.
     */
    static String marker(JsonNode json) {
        String marker = json.has("for_message_containing") ? optionalString(json, "for_message_containing") : null;
        if (marker != null && marker.isBlank()) {
            throw new IllegalArgumentException("for_message_containing must not be blank");
        }
        return marker;
    }

    static ObjectNode write(Behaviour b) {
        ObjectNode json = Json.object();
        json.put("time_to_first_token_ms", b.timeToFirstToken().toMillis());
        json.put("time_per_token_ms", b.timePerToken().toMillis());
        json.put("status", b.status());
        if (b.isError()) {
            json.put("error_code", b.errorCodeOrDefault());
            json.put("error_type", b.errorTypeOrDefault());
            json.put("error_message", b.errorMessageOrDefault());
        }
        if (b.retryAfterSeconds() == null) {
            json.putNull("retry_after_seconds");
        } else {
            json.put("retry_after_seconds", b.retryAfterSeconds());
        }
        if (b.disconnectAfterChunks() == null) {
            json.putNull("disconnect_after_chunks");
        } else {
            json.put("disconnect_after_chunks", b.disconnectAfterChunks());
        }
        json.put("reply", b.reply());
        json.put("hang", b.hang());
        json.put("varied_replies", b.variedReplies());
        var quirks = json.putArray("quirks");
        b.quirks().stream().sorted().forEach(q -> quirks.add(q.name().toLowerCase(Locale.ROOT)));
        json.put("fault", b.fault().name().toLowerCase(Locale.ROOT));
        json.put("fault_after_chunks", b.faultAfterChunks());
        var headers = json.putObject("headers");
        b.headers().forEach(headers::put);
        return json;
    }

    private static <E extends Enum<E>> E named(Class<E> type, JsonNode value, String field) {
        if (value == null || !value.isString()) {
            throw new IllegalArgumentException(field + " must name one of " + List.of(type.getEnumConstants()));
        }
        try {
            return Enum.valueOf(type, value.stringValue().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " must name one of " + List.of(type.getEnumConstants()));
        }
    }

    private static long requireLong(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.isIntegralNumber()) {
            throw new IllegalArgumentException(field + " must be an integer");
        }
        return value.longValue();
    }

    private static Integer optionalInt(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber()) {
            throw new IllegalArgumentException(field + " must be an integer or null");
        }
        return value.intValue();
    }

    private static String optionalString(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new IllegalArgumentException(field + " must be a string or null");
        }
        return value.stringValue();
    }
}
