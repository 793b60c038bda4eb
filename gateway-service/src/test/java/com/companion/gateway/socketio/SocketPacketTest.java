package com.companion.gateway.socketio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SocketPacketTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void connectToANamespaceCarriesTheAuthObject() {
        SocketPacket packet = SocketPacket.decode("0/chat,{\"token\":\"abc\"}", json);

        assertThat(packet.type()).isEqualTo(SocketPacket.Type.CONNECT);
        assertThat(packet.namespace()).isEqualTo("/chat");
        assertThat(packet.ackId()).isNull();
        assertThat(packet.data().get("token").asString()).isEqualTo("abc");
    }

    @Test
    void connectWithoutPayloadToTheMainNamespace() {
        SocketPacket packet = SocketPacket.decode("0", json);

        assertThat(packet.namespace()).isEqualTo("/");
        assertThat(packet.data()).isNull();
    }

    @Test
    void eventWithAnAcknowledgementId() {
        SocketPacket packet = SocketPacket.decode("2/chat,12[\"user_message\",{\"content\":\"hi\"}]", json);

        assertThat(packet.type()).isEqualTo(SocketPacket.Type.EVENT);
        assertThat(packet.ackId()).isEqualTo(12L);
        assertThat(packet.data().get(0).asString()).isEqualTo("user_message");
        assertThat(packet.data().get(1).get("content").asString()).isEqualTo("hi");
    }

    @Test
    void disconnectOfANamespace() {
        SocketPacket packet = SocketPacket.decode("1/chat,", json);

        assertThat(packet.type()).isEqualTo(SocketPacket.Type.DISCONNECT);
        assertThat(packet.namespace()).isEqualTo("/chat");
        assertThat(new SocketPacket(SocketPacket.Type.DISCONNECT, "/chat", null, null).encode(json))
                .isEqualTo("1/chat,");
    }

    @Test
    void encodesWhatTheServerSends() {
        assertThat(new SocketPacket(SocketPacket.Type.CONNECT, "/chat", null, json.valueToTree(Map.of("sid", "x")))
                        .encode(json))
                .isEqualTo("0/chat,{\"sid\":\"x\"}");
        assertThat(new SocketPacket(
                                SocketPacket.Type.CONNECT_ERROR,
                                "/chat",
                                null,
                                json.valueToTree(Map.of("message", "no")))
                        .encode(json))
                .isEqualTo("4/chat,{\"message\":\"no\"}");
        assertThat(new SocketPacket(
                                SocketPacket.Type.ACK,
                                "/chat",
                                7L,
                                json.createArrayNode()
                                        .add(json.createObjectNode().put("ok", true)))
                        .encode(json))
                .isEqualTo("3/chat,7[{\"ok\":true}]");
        assertThat(new SocketPacket(
                                SocketPacket.Type.EVENT,
                                "/",
                                null,
                                json.createArrayNode().add("hey").add("Jude"))
                        .encode(json))
                .isEqualTo("2[\"hey\",\"Jude\"]");
    }

    @Test
    void roundTrips() {
        String text = "2/chat,3[\"typing\",{\"session_id\":\"s\"}]";

        assertThat(SocketPacket.decode(text, json).encode(json)).isEqualTo(text);
    }

    @Test
    void binaryPacketsAreRefused() {
        assertThatThrownBy(() -> SocketPacket.decode("51-[\"baz\",{\"_placeholder\":true,\"num\":0}]", json))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("binary");
        assertThatThrownBy(() -> SocketPacket.decode("61-/chat,15[{\"_placeholder\":true,\"num\":0}]", json))
                .isInstanceOf(ProtocolException.class);
    }

    @Test
    void malformedPacketsAreRefused() {
        assertThatThrownBy(() -> SocketPacket.decode("", json)).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> SocketPacket.decode("9", json)).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> SocketPacket.decode("2/chat,[\"x\"", json)).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> SocketPacket.decode("2/chat,{\"a\":1}", json)).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> SocketPacket.decode("2/chat,[1]", json)).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> SocketPacket.decode("2/chat,[]", json)).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> SocketPacket.decode("0/chat,\"token\"", json)).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> SocketPacket.decode("1/chat,{}", json)).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> SocketPacket.decode("2/chat,1234567890123456[\"x\"]", json))
                .isInstanceOf(ProtocolException.class);
    }
}
