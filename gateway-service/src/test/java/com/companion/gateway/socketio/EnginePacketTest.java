package com.companion.gateway.socketio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EnginePacketTest {

    @Test
    void pollingPayloadSplitsOnTheRecordSeparator() {
        List<EnginePacket> packets = EnginePacket.decodePayload("4hello\u001e2\u001e4wor\u001ald");

        assertThat(packets)
                .containsExactly(
                        EnginePacket.message("hello"),
                        EnginePacket.of(EnginePacket.Type.PING),
                        EnginePacket.message("wor\u001ald"));
    }

    @Test
    void payloadEncodesPacketsJoinedByTheSeparator() {
        String payload = EnginePacket.encodePayload(List.of(
                EnginePacket.message("40/chat,{\"sid\":\"a\"}"),
                EnginePacket.of(EnginePacket.Type.PING),
                EnginePacket.of(EnginePacket.Type.CLOSE)));

        assertThat(payload).isEqualTo("440/chat,{\"sid\":\"a\"}\u001e2\u001e1");
    }

    @Test
    void probesAndUpgradeDecode() {
        assertThat(EnginePacket.decode("2probe")).isEqualTo(new EnginePacket(EnginePacket.Type.PING, "probe"));
        assertThat(EnginePacket.decode("5")).isEqualTo(EnginePacket.of(EnginePacket.Type.UPGRADE));
        assertThat(new EnginePacket(EnginePacket.Type.PONG, "probe").encode()).isEqualTo("3probe");
    }

    @Test
    void textSurvivesUnicode() {
        assertThat(EnginePacket.decodePayload("4€ and 😀")).containsExactly(EnginePacket.message("€ and 😀"));
    }

    @Test
    void binaryPacketsAreRefused() {
        assertThatThrownBy(() -> EnginePacket.decodePayload("4hello\u001ebAQIDBA=="))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("binary");
    }

    @Test
    void emptyAndUnknownPacketsAreRefused() {
        assertThatThrownBy(() -> EnginePacket.decodePayload("")).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> EnginePacket.decodePayload("4a\u001e\u001e4b")).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> EnginePacket.decode("7")).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> EnginePacket.decode("x")).isInstanceOf(ProtocolException.class);
    }
}
