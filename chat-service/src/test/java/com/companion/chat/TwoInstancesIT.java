package com.companion.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.companion.contracts.character.Visibility;
import com.companion.contracts.chat.MessageRequested;
import com.companion.platform.test.IntegrationTest;
import com.companion.platform.test.TestJwks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Several chat-service instances: whichever holds a socket delivers its frames; replies are stored once. */
@IntegrationTest
class TwoInstancesIT {

    static final ChatFixtures fixtures = new ChatFixtures();
    static ConfigurableApplicationContext second;

    @LocalServerPort
    int firstPort;

    @Autowired
    Environment environment;

    @Autowired
    JdbcClient jdbc;

    @AfterAll
    static void close() {
        if (second != null) {
            second.close();
        }
        fixtures.close();
    }

    @Test
    void eachInstanceDeliversToItsOwnSocketsAndEveryReplyIsStoredOnce() throws Exception {
        int secondPort = startSecondInstance();
        UUID alice = fixtures.user(true);
        UUID bob = fixtures.user(true);
        UUID aliceSession = session(firstPort, alice, fixtures.character(alice, Visibility.PRIVATE, false));
        UUID bobSession = session(secondPort, bob, fixtures.character(bob, Visibility.PRIVATE, false));

        try (SocketClient aliceSocket = socket(firstPort, alice);
                SocketClient bobSocket = socket(secondPort, bob)) {
            aliceSocket.userMessage(aliceSession, "from alice");
            bobSocket.userMessage(bobSession, "from bob");
            MessageRequested toAlice = fixtures.awaitRequest(aliceSession, "from alice");
            MessageRequested toBob = fixtures.awaitRequest(bobSession, "from bob");
            fixtures.reply(toAlice, "for ", "alice");
            fixtures.reply(toBob, "for ", "bob");
            fixtures.decide(toAlice, 1, false);
            fixtures.decide(toBob, 1, false);

            assertThat(aliceSocket.awaitType("assistant_done").path("content").asString())
                    .isEqualTo("for alice");
            assertThat(bobSocket.awaitType("assistant_done").path("content").asString())
                    .isEqualTo("for bob");
            assertThat(aliceSocket.frames())
                    .anyMatch(f -> "assistant_token".equals(f.path("type").asString()));
            assertThat(bobSocket.frames())
                    .anyMatch(f -> "assistant_token".equals(f.path("type").asString()));
            assertThat(aliceSocket.frames()).noneMatch(f -> f.toString().contains("bob"));
            assertThat(bobSocket.frames()).noneMatch(f -> f.toString().contains("alice"));
        }
        assertThat(jdbc.sql("select count(*) from chat_message where role = 'assistant' and session_id in (:a, :b)")
                        .param("a", aliceSession)
                        .param("b", bobSession)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    private int startSecondInstance() {
        second = new SpringApplicationBuilder(ChatServiceApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                        "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                        "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
                        "--spring.datasource.hikari.maximum-pool-size=4",
                        "--spring.kafka.bootstrap-servers=" + environment.getProperty("spring.kafka.bootstrap-servers"),
                        "--platform.kafka.topics.partitions=2",
                        "--platform.kafka.consumer-group=" + environment.getProperty("platform.kafka.consumer-group"),
                        "--platform.security.jwks-uri=" + TestJwks.shared().jwksUri(),
                        "--platform.security.issuer=" + TestJwks.ISSUER);
        return Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
    }

    private static UUID session(int port, UUID user, UUID character) {
        HttpClient client = HttpClient.newHttpClient();
        String body = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> {
                            HttpResponse<String> response = client.send(
                                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sessions"))
                                            .header(
                                                    "Authorization",
                                                    "Bearer "
                                                            + TestJwks.shared().token(user, "free", true))
                                            .header("Content-Type", "application/json")
                                            .POST(HttpRequest.BodyPublishers.ofString(
                                                    "{\"character_id\":\"" + character + "\"}"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
                            return response.statusCode() == 201 ? response.body() : null;
                        },
                        b -> b != null);
        return UUID.fromString(
                JsonMapper.builder().build().readTree(body).path("id").asString());
    }

    private static SocketClient socket(int port, UUID user) {
        return new SocketClient(URI.create("ws://127.0.0.1:" + port + "/ws?access_token="
                + TestJwks.shared().token(user, "free", true)));
    }
}
