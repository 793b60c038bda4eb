package com.companion.gateway.socketio;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One Socket.IO v5 packet, the payload of an Engine.IO message:
 * {@code <type>[<namespace>,][<ack id>][<JSON>]}, the namespace left out when it is {@code /}.
 * Binary events and acknowledgements (types 5 and 6) are refused.
 *
 * @param ackId the acknowledgement id, or null when none is asked for
 * @param data the JSON payload, or null when the packet has none
 */
record SocketPacket(Type type, String namespace, Long ackId, JsonNode data) {

    private static final int MAX_ACK_DIGITS = 15;

    enum Type {
        CONNECT,
        DISCONNECT,
        EVENT,
        ACK,
        CONNECT_ERROR,
        BINARY_EVENT,
        BINARY_ACK
    }

    String encode(JsonMapper json) {
        StringBuilder text = new StringBuilder().append(type.ordinal());
        if (!"/".equals(namespace)) {
            text.append(namespace).append(',');
        }
        if (ackId != null) {
            text.append(ackId);
        }
        if (data != null) {
            text.append(json.writeValueAsString(data));
        }
        return text.toString();
    }

    static SocketPacket decode(String text, JsonMapper json) {
        if (text.isEmpty()) {
            throw new ProtocolException("empty Socket.IO packet");
        }
        int typeCode = text.charAt(0) - '0';
        if (typeCode < 0 || typeCode >= Type.values().length) {
            throw new ProtocolException("unknown Socket.IO packet type");
        }
        Type type = Type.values()[typeCode];
        if (type == Type.BINARY_EVENT || type == Type.BINARY_ACK) {
            throw new ProtocolException("binary Socket.IO packets are not supported");
        }
        int at = 1;
        String namespace = "/";
        if (at < text.length() && text.charAt(at) == '/') {
            int comma = text.indexOf(',', at);
            int end = comma < 0 ? text.length() : comma;
            namespace = text.substring(at, end);
            at = comma < 0 ? end : comma + 1;
        }
        int digits = at;
        while (digits < text.length() && Character.isDigit(text.charAt(digits))) {
            digits++;
        }
        Long ackId = null;
        if (digits > at) {
            if (digits - at > MAX_ACK_DIGITS) {
                throw new ProtocolException("acknowledgement id too long");
            }
            ackId = Long.parseLong(text.substring(at, digits));
        }
        JsonNode data = null;
        if (digits < text.length()) {
            try {
                data = json.readTree(text.substring(digits));
            } catch (JacksonException e) {
                throw new ProtocolException("Socket.IO payload is not JSON");
            }
        }
        SocketPacket packet = new SocketPacket(type, namespace, ackId, data);
        packet.validate();
        return packet;
    }

    private void validate() {
        boolean valid = switch (type) {
            case CONNECT -> data == null || data.isObject();
            case DISCONNECT -> data == null;
            case EVENT ->
                data != null && data.isArray() && !data.isEmpty() && data.get(0).isString();
            case ACK -> data != null && data.isArray();
            case CONNECT_ERROR -> data != null && (data.isObject() || data.isString());
            case BINARY_EVENT, BINARY_ACK -> false;
        };
        if (!valid) {
            throw new ProtocolException("invalid " + type + " payload");
        }
    }
}
