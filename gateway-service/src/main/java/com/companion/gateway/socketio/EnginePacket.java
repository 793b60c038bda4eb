package com.companion.gateway.socketio;

import java.util.ArrayList;
import java.util.List;

/**
 * One Engine.IO v4 packet: a type digit and a text payload. Polling bodies carry several,
 * separated by the record separator {@code \u001e}; a WebSocket frame carries one. Binary
 * packets ({@code b<base64>} in a polling body, binary frames) are not accepted: the chat
 * protocol is JSON only.
 */
record EnginePacket(Type type, String data) {

    static final char SEPARATOR = '\u001e';

    enum Type {
        OPEN,
        CLOSE,
        PING,
        PONG,
        MESSAGE,
        UPGRADE,
        NOOP;

        char code() {
            return (char) ('0' + ordinal());
        }
    }

    static EnginePacket of(Type type) {
        return new EnginePacket(type, "");
    }

    static EnginePacket message(String data) {
        return new EnginePacket(Type.MESSAGE, data);
    }

    String encode() {
        return type.code() + data;
    }

    static EnginePacket decode(String text) {
        if (text.isEmpty()) {
            throw new ProtocolException("empty packet");
        }
        char code = text.charAt(0);
        if (code == 'b') {
            throw new ProtocolException("binary packets are not supported");
        }
        int type = code - '0';
        if (type < 0 || type >= Type.values().length) {
            throw new ProtocolException("unknown packet type '" + code + "'");
        }
        return new EnginePacket(Type.values()[type], text.substring(1));
    }

    static List<EnginePacket> decodePayload(String payload) {
        List<EnginePacket> packets = new ArrayList<>();
        int start = 0;
        while (start <= payload.length()) {
            int end = payload.indexOf(SEPARATOR, start);
            if (end < 0) {
                end = payload.length();
            }
            packets.add(decode(payload.substring(start, end)));
            start = end + 1;
        }
        return packets;
    }

    static String encodePayload(List<EnginePacket> packets) {
        StringBuilder payload = new StringBuilder();
        for (EnginePacket packet : packets) {
            if (!payload.isEmpty()) {
                payload.append(SEPARATOR);
            }
            payload.append(packet.encode());
        }
        return payload.toString();
    }
}
