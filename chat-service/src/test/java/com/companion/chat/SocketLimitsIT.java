package com.companion.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.companion.contracts.Plan;
import com.companion.contracts.auth.SessionRevoked;
import com.companion.contracts.auth.UserDeleted;
import com.companion.contracts.auth.UserStatus;
import com.companion.contracts.auth.UserUpdated;
import com.companion.platform.test.IntegrationTest;
import com.companion.platform.test.TestJwks;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What one {@code /ws} connection may do: authenticate in time, stay within its budgets, and no longer than it may. */
@IntegrationTest(
        properties = {
            "chat.socket.auth-deadline=1s",
            "chat.socket.frame-burst=5",
            "chat.socket.frames-per-second=1",
            "chat.socket.max-frame-bytes=4096",
            "chat.socket.sweep-interval=200ms"
        })
class SocketLimitsIT {

    static final ChatFixtures fixtures = new ChatFixtures();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @AfterAll
    static void close() {
        fixtures.close();
    }

    @Test
    void aSocketThatNeverAuthenticatesIsClosedAtTheDeadline() {
        try (SocketClient socket = new SocketClient(URI.create("ws://127.0.0.1:" + port + "/ws"))) {
            assertThat(socket.awaitClosed()).isEqualTo(4401);
        }
    }

    @Test
    void framesOfEveryTypeSpendTheSocketsBudget() {
        UUID user = fixtures.user(true);
        try (SocketClient socket = socket(user, Duration.ofMinutes(5))) {
            for (int i = 0; i < 12; i++) {
                socket.send("{\"type\":\"typing\",\"session_id\":\"" + UUID.randomUUID() + "\"}");
            }
            socket.await(f -> "rate_limited".equals(f.path("code").asString()));
            assertThat(socket.frames().stream()
                            .filter(f -> "rate_limited".equals(f.path("code").asString()))
                            .count())
                    .isGreaterThanOrEqualTo(12 - 5 - 1);
        }
    }

    @Test
    void aFrameOverTheSizeLimitClosesTheSocket() {
        UUID user = fixtures.user(true);
        try (SocketClient socket = socket(user, Duration.ofMinutes(5))) {
            socket.send("{\"type\":\"typing\",\"session_id\":\"" + "x".repeat(6_000) + "\"}");
            assertThat(socket.awaitClosed()).isEqualTo(1009);
        }
    }

    @Test
    void aSocketIsClosedWhenItsTokenExpires() {
        UUID user = fixtures.user(true);
        try (SocketClient socket = socket(user, Duration.ofSeconds(2))) {
            assertThat(socket.awaitClosed()).isEqualTo(4401);
            assertThat(socket.frames())
                    .anyMatch(f -> "token_expired".equals(f.path("code").asString()));
        }
    }

    @Test
    void aRenewedTokenIsAnsweredAndOneThatDoesNotAuthenticateClosesTheSocket() {
        UUID user = fixtures.user(true);
        try (SocketClient renewed = socket(user, Duration.ofMinutes(5));
                SocketClient garbage = socket(user, Duration.ofMinutes(5));
                SocketClient someoneElse = socket(user, Duration.ofMinutes(5))) {
            renewed.send("{\"type\":\"auth\",\"access_token\":\""
                    + TestJwks.shared().token(user, "free", true, Duration.ofMinutes(10)) + "\"}");
            renewed.await(f -> "authenticated".equals(f.path("type").asString())
                    && user.toString().equals(f.path("user_id").asString()));

            garbage.send("{\"type\":\"auth\",\"access_token\":\"not-a-token\"}");
            assertThat(garbage.awaitClosed()).isEqualTo(4401);

            someoneElse.send("{\"type\":\"auth\",\"access_token\":\""
                    + TestJwks.shared().token(UUID.randomUUID(), "free", true, Duration.ofMinutes(10)) + "\"}");
            assertThat(someoneElse.awaitClosed()).isEqualTo(4401);

            renewed.send("{\"type\":\"typing\",\"session_id\":\"" + UUID.randomUUID() + "\"}");
            assertThat(renewed.isOpen()).isTrue();
        }
    }

    @Test
    void socketsCloseWhenTheirUserIsDisabledOrDeleted() {
        UUID banned = fixtures.user(true);
        UUID deleted = fixtures.user(true);
        UUID bystander = fixtures.user(true);
        try (SocketClient bannedSocket = socket(banned, Duration.ofMinutes(5));
                SocketClient deletedSocket = socket(deleted, Duration.ofMinutes(5));
                SocketClient bystanderSocket = socket(bystander, Duration.ofMinutes(5))) {
            fixtures.publish(
                    new UserUpdated(banned, "banned", Plan.FREE, true, UserStatus.DISABLED, List.of("status")));
            fixtures.publish(new UserDeleted(deleted));

            assertThat(bannedSocket.awaitClosed()).isEqualTo(4403);
            assertThat(deletedSocket.awaitClosed()).isEqualTo(4403);
            assertThat(bystanderSocket.frames())
                    .noneMatch(f -> "account_unavailable".equals(f.path("code").asString()));
            bystanderSocket.send("{\"type\":\"typing\",\"session_id\":\"" + UUID.randomUUID() + "\"}");
            assertThat(bystanderSocket.isOpen()).isTrue();
        }
    }

    @Test
    void aSocketClosesWhenItsDeviceSessionEnds() {
        UUID user = fixtures.user(true);
        UUID loggedOut = UUID.randomUUID();
        UUID stillSignedIn = UUID.randomUUID();
        try (SocketClient phone = socketOfSession(user, loggedOut);
                SocketClient laptop = socketOfSession(user, stillSignedIn)) {
            fixtures.publish(new SessionRevoked(user, loggedOut, "logout", Instant.now()));

            assertThat(phone.awaitClosed()).isEqualTo(4401);
            assertThat(phone.frames())
                    .anyMatch(f -> "session_ended".equals(f.path("code").asString()));
            laptop.send("{\"type\":\"typing\",\"session_id\":\"" + UUID.randomUUID() + "\"}");
            assertThat(laptop.isOpen()).isTrue();
        }
    }

    @Test
    void aBanThatAlsoEndsTheDeviceSessionIsTheAccountUnavailableClose() {
        UUID user = fixtures.user(true);
        UUID device = UUID.randomUUID();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select count(*) from user_view where user_id = :user")
                                .param("user", user)
                                .query(Long.class)
                                .single()
                        == 1);
        try (SocketClient socket = socketOfSession(user, device)) {
            socket.send("{\"type\":\"join_session\",\"session_id\":\"" + UUID.randomUUID() + "\"}");
            socket.await(f -> "not_found".equals(f.path("code").asString()));
            // What auth-service's ban leaves in the read models: the account disabled and its device sessions
            // ended, both seen by the same sweep (one statement).
            jdbc.sql("""
                            with banned as (update user_view set status = 'DISABLED' where user_id = :user)
                            insert into revoked_session (session_id, user_id, revoked_at) values (:device, :user, now())
                            """).param("user", user).param("device", device).update();

            assertThat(socket.awaitClosed()).isEqualTo(4403);
            assertThat(socket.frames())
                    .anyMatch(f -> "account_unavailable".equals(f.path("code").asString()))
                    .noneMatch(f -> "session_ended".equals(f.path("code").asString()));
        }
    }

    private SocketClient socketOfSession(UUID user, UUID deviceSession) {
        return new SocketClient(URI.create("ws://127.0.0.1:" + port + "/ws?access_token="
                + TestJwks.shared().tokenOfSession(user, deviceSession)));
    }

    private SocketClient socket(UUID user, Duration life) {
        return new SocketClient(URI.create("ws://127.0.0.1:" + port + "/ws?access_token="
                + TestJwks.shared().token(user, "free", true, life)));
    }
}
