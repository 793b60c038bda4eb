package com.companion.gateway.socketio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class EngineSessionTest {

    private static final SocketIoProperties PROPERTIES = new SocketIoProperties(
            Duration.ofMinutes(5),
            Duration.ofMinutes(5),
            Duration.ofMinutes(5),
            Duration.ofSeconds(5),
            65536,
            16,
            10,
            10);

    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean removed = new AtomicBoolean();

    private EngineSession polling(SocketIoProperties properties) {
        EngineSession session = new EngineSession(
                "sid", "203.0.113.9", EngineSession.Transport.POLLING, properties, s -> removed.set(true));
        session.listen(new EngineSession.Listener() {
            @Override
            public void onMessage(String data) {
                received.add(data);
            }

            @Override
            public void onClose() {
                closed.set(true);
            }
        });
        return session;
    }

    @Test
    void aWaitingPollIsAnsweredWithTheNextPacket() {
        EngineSession session = polling(PROPERTIES);
        Mono<String> poll = session.poll().cache();
        poll.subscribe();

        session.send(EnginePacket.message("2/chat,[\"presence\",{}]"));

        assertThat(poll.block(Duration.ofSeconds(1))).isEqualTo("42/chat,[\"presence\",{}]");
    }

    @Test
    void queuedPacketsGoOutTogetherInOrder() {
        EngineSession session = polling(PROPERTIES);
        session.send(EnginePacket.message("a"));
        session.send(EnginePacket.of(EnginePacket.Type.PING));
        session.send(EnginePacket.message("b"));

        assertThat(session.poll().block(Duration.ofSeconds(1))).isEqualTo("4a\u001e2\u001e4b");
    }

    @Test
    void aPostDeliversItsMessagesInOrder() {
        EngineSession session = polling(PROPERTIES);

        session.post("4one\u001e3\u001e4two");

        assertThat(received).containsExactly("one", "two");
    }

    @Test
    void overlappingPollsEndTheSession() {
        EngineSession session = polling(PROPERTIES);
        Mono<String> first = session.poll().cache();
        first.subscribe();

        assertThatThrownBy(() -> session.poll().block(Duration.ofSeconds(1))).isInstanceOf(ProtocolException.class);
        assertThat(first.block(Duration.ofSeconds(1))).isEqualTo("1");
        assertThat(closed).isTrue();
        assertThat(removed).isTrue();
    }

    @Test
    void theProbeReleasesTheWaitingPollAndTheUpgradeMovesQueuedPacketsToTheSocket() {
        EngineSession session = polling(PROPERTIES);
        Mono<String> poll = session.poll().cache();
        poll.subscribe();

        assertThat(session.beginUpgrade()).isTrue();
        assertThat(poll.block(Duration.ofSeconds(1))).isEqualTo("6");
        assertThat(session.poll().block(Duration.ofSeconds(1))).isEqualTo("6");
        session.send(EnginePacket.message("queued"));
        Sinks.Many<String> socket = Sinks.many().unicast().onBackpressureBuffer();
        assertThat(session.completeUpgrade(socket)).isTrue();
        session.send(EnginePacket.message("direct"));
        session.terminate();

        assertThat(socket.asFlux().collectList().block(Duration.ofSeconds(1))).containsExactly("4queued", "4direct");
        assertThat(session.transport()).isEqualTo(EngineSession.Transport.WEBSOCKET);
    }

    @Test
    void anUpgradeWithoutProbeIsRefused() {
        EngineSession session = polling(PROPERTIES);

        assertThat(session.completeUpgrade(Sinks.many().unicast().onBackpressureBuffer()))
                .isFalse();
    }

    @Test
    void endingHandsTheNextPollWhatIsLeftAndAClosePacket() {
        EngineSession session = polling(PROPERTIES);
        session.send(EnginePacket.message("1/chat,"));
        session.end();

        assertThat(closed).isFalse();
        assertThat(session.poll().block(Duration.ofSeconds(1))).isEqualTo("41/chat,\u001e1");
        assertThat(closed).isTrue();
        assertThat(removed).isTrue();
    }

    @Test
    void endingAnswersAWaitingPollWithClose() {
        EngineSession session = polling(PROPERTIES);
        Mono<String> poll = session.poll().cache();
        poll.subscribe();

        session.end();

        assertThat(poll.block(Duration.ofSeconds(1))).isEqualTo("1");
        assertThat(closed).isTrue();
    }

    @Test
    void aClientThatLetsPacketsPileUpIsDisconnected() {
        EngineSession session = polling(PROPERTIES);

        for (int i = 0; i <= PROPERTIES.maxBufferedPackets(); i++) {
            session.send(EnginePacket.message("m" + i));
        }

        assertThat(session.ended()).isTrue();
        assertThat(closed).isTrue();
    }

    @Test
    void aClientThatDoesNotAnswerPingsIsDisconnected() {
        SocketIoProperties fast = new SocketIoProperties(
                Duration.ofMillis(50),
                Duration.ofMillis(50),
                Duration.ofMinutes(5),
                Duration.ofSeconds(5),
                65536,
                16,
                10,
                10);
        EngineSession session = polling(fast);
        session.startHeartbeat();

        assertThat(session.poll().block(Duration.ofSeconds(2))).isEqualTo("2");
        await().atMost(Duration.ofSeconds(2)).untilTrue(closed);
    }

    @Test
    void aClientThatAnswersPingsStays() {
        // A ping 300 ms in, then one every 2 s (the answer deadline): a pong that were not counted would end the
        // session 2 s after the first ping, before the second comes; each ping may take up to 10 s on a slow box.
        SocketIoProperties fast = new SocketIoProperties(
                Duration.ofMillis(300),
                Duration.ofSeconds(2),
                Duration.ofMinutes(5),
                Duration.ofSeconds(5),
                65536,
                16,
                10,
                10);
        EngineSession session = polling(fast);
        session.startHeartbeat();

        for (int i = 0; i < 3; i++) {
            assertThat(session.poll().block(Duration.ofSeconds(10))).isEqualTo("2");
            session.post("3");
        }

        assertThat(session.ended()).isFalse();
        session.terminate();
    }
}
