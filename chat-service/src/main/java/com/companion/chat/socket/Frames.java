package com.companion.chat.socket;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Parsing what a client sends and building the frames that are not a request's outcome. */
final class Frames {

    private Frames() {}

    /** The frame as a JSON object, or null when it is not JSON at all. */
    static JsonNode parse(JsonMapper json, String payload) {
        try {
            return json.readTree(payload);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static Map<String, Object> frame(String type, UUID sessionId, Map<String, Object> fields) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", type);
        frame.put("session_id", sessionId);
        frame.putAll(fields);
        return frame;
    }

    static Map<String, Object> error(String code, String message, String clientId) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "error");
        frame.put("code", code);
        frame.put("message", message);
        if (clientId != null) {
            frame.put("client_id", clientId);
        }
        return frame;
    }

    static UUID uuid(JsonNode frame, String field) {
        try {
            String value = frame.path(field).asString(null);
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String text(JsonNode frame, String field) {
        return frame.path(field).asString(null);
    }
}
