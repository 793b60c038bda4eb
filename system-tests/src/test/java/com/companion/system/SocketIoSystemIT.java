package com.companion.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.companion.system.Api.User;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The seed spec's realtime protocol, spoken by the real {@code socket.io-client} (a Node script,
 * {@code src/test/node/socketio-chat.cjs}) through the gateway's {@code /socket.io/}: connect to
 * {@code /chat} with {@code auth.token}, join a session, send a message, receive the streamed
 * tokens and the stored reply. The client is installed from the npm registry into
 * {@code target/socketio-client}; without node and npm the tests are skipped.
 */
@ExtendWith(Stack.class)
class SocketIoSystemIT {

    private static final String CLIENT_VERSION = "4.8.1";
    private static final Path CLIENT = Stack.REPOSITORY.resolve("system-tests/target/socketio-client");
    private static final Path SCRIPT = Stack.REPOSITORY.resolve("system-tests/src/test/node/socketio-chat.cjs");

    @BeforeAll
    static void installClient() throws IOException, InterruptedException {
        assumeTrue(
                available("node") && available("npm"),
                "node and npm are needed to run the real socket.io-client; none found on the PATH");
        Files.createDirectories(CLIENT);
        Path installed = CLIENT.resolve("node_modules/socket.io-client/package.json");
        if (!Files.exists(installed)
                || !Api.JSON
                        .readTree(installed.toFile())
                        .path("version")
                        .asString()
                        .equals(CLIENT_VERSION)) {
            Files.writeString(CLIENT.resolve("package.json"), "{\"private\": true}\n");
            Process npm = new ProcessBuilder(
                            "npm", "install", "--no-audit", "--no-fund", "socket.io-client@" + CLIENT_VERSION)
                    .directory(CLIENT.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(CLIENT.resolve("npm-install.log").toFile())
                    .start();
            assertThat(npm.waitFor(5, TimeUnit.MINUTES))
                    .as("npm install finished")
                    .isTrue();
            assertThat(npm.exitValue())
                    .as("npm install socket.io-client (see target/socketio-client/npm-install.log)")
                    .isZero();
        }
        Files.copy(SCRIPT, CLIENT.resolve("socketio-chat.cjs"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void theDefaultClientPollsThenUpgradesAndReceivesTheStreamedReply() throws Exception {
        Conversation conversation = converse("default");

        conversation.assertStreamedTheStoredReply();
        assertThat(conversation.first("upgrade").path("data").path("name").asString())
                .isEqualTo("websocket");
        assertThat(conversation.first("assistant_done").path("transport").asString())
                .isEqualTo("websocket");
    }

    @Test
    void aWebSocketOnlyClientReceivesTheStreamedReply() throws Exception {
        Conversation conversation = converse("websocket");

        conversation.assertStreamedTheStoredReply();
        assertThat(conversation.all("connect"))
                .allMatch(line -> line.path("transport").asString().equals("websocket"));
        assertThat(conversation.all("upgrade")).isEmpty();
    }

    @Test
    void aPollingOnlyClientReceivesTheStreamedReply() throws Exception {
        Conversation conversation = converse("polling");

        conversation.assertStreamedTheStoredReply();
        assertThat(conversation.first("assistant_done").path("transport").asString())
                .isEqualTo("polling");
    }

    @Test
    void aBadTokenGetsAConnectError() throws Exception {
        List<JsonNode> lines = run("not-a-token", UUID.randomUUID().toString(), "Hello", "default");

        // The transport may upgrade to WebSocket before the namespace answers: only what the namespace said counts.
        List<JsonNode> said = lines.stream()
                .filter(line -> !line.path("event").asString().equals("upgrade"))
                .toList();
        assertThat(said).as(lines.toString()).hasSize(1);
        assertThat(said.getFirst().path("event").asString()).isEqualTo("connect_error");
        assertThat(said.getFirst().path("data").path("message").asString())
                .isEqualTo("A valid access token is required.");
    }

    private Conversation converse(String transports) throws Exception {
        User user = Api.signup(22);
        UUID session = ChatSystemIT.session(user, Characters.create(user, "private", false));
        List<JsonNode> lines =
                run(user.accessToken(), session.toString(), "Good evening! Tell me about you.", transports);
        return new Conversation(user, session, lines);
    }

    private record Conversation(User user, UUID session, List<JsonNode> lines) {

        List<JsonNode> all(String event) {
            return lines.stream()
                    .filter(line -> line.path("event").asString().equals(event))
                    .toList();
        }

        JsonNode first(String event) {
            List<JsonNode> found = all(event);
            assertThat(found).as(event + " in " + lines).isNotEmpty();
            return found.getFirst();
        }

        void assertStreamedTheStoredReply() {
            JsonNode done = first("assistant_done").path("data");
            assertThat(done.path("session_id").asString()).isEqualTo(session.toString());
            assertThat(first("ack").path("data").path("ok").asBoolean()).isTrue();
            assertThat(first("typing").path("data").path("from").asString()).isEqualTo("assistant");
            List<JsonNode> tokens = all("assistant_token").stream()
                    .map(line -> line.path("data"))
                    .filter(token -> token.path("request_id")
                            .asString()
                            .equals(done.path("request_id").asString()))
                    .toList();
            assertThat(tokens).as("assistant_token events in " + lines).isNotEmpty();
            int lastAttempt = tokens.stream()
                    .mapToInt(token -> token.path("attempt").asInt())
                    .max()
                    .orElseThrow();
            String streamed = tokens.stream()
                    .filter(token -> token.path("attempt").asInt() == lastAttempt)
                    .map(token -> token.path("text").asString())
                    .reduce("", String::concat);
            // The finish and the chunks travel on different topics, so the last chunks may arrive after
            // assistant_done (or not at all once it came): clients replace what streamed with its content.
            assertThat(streamed).isNotBlank();
            assertThat(done.path("content").asString()).startsWith(streamed);
            JsonNode history =
                    Api.get("/sessions/" + session + "/history", user).json();
            assertThat(history.path("items").get(0).path("content").asString())
                    .isEqualTo(done.path("content").asString());
            assertThat(history.path("items").get(0).path("id").asString())
                    .isEqualTo(done.path("message_id").asString());
        }
    }

    private static List<JsonNode> run(String token, String session, String message, String transports)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("node", "socketio-chat.cjs")
                .directory(CLIENT.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(
                        CLIENT.resolve("client-errors.log").toFile()));
        builder.environment().put("GATEWAY", Stack.GATEWAY);
        builder.environment().put("TOKEN", token);
        builder.environment().put("SESSION_ID", session);
        builder.environment().put("MESSAGE", message);
        builder.environment().put("TRANSPORTS", transports);
        Process node = builder.start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(Duration.ofSeconds(120).toSeconds(), TimeUnit.SECONDS))
                .as("the client finished")
                .isTrue();
        assertThat(node.exitValue())
                .as("the client's exit code; it printed:\n" + output)
                .isZero();
        return output.lines()
                .filter(line -> line.startsWith("{"))
                .map(Api.JSON::readTree)
                .toList();
    }

    private static boolean available(String command) {
        try {
            Process process = new ProcessBuilder(command, "--version")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
