package com.companion.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.companion.system.Api.Response;
import com.companion.system.Api.User;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The message tree and the conversation list through the gateway, with the real worker and the
 * offline LLM: regenerate, select, continue, edit, the list's order, automatic titles and search.
 */
@ExtendWith(Stack.class)
class ChatControlsSystemIT {

    @Test
    void regenerateSelectContinueAndEditThroughTheGateway() {
        User user = Api.signup(30);
        UUID session = ChatSystemIT.session(user, Characters.create(user, "private", false));
        JsonNode first = ChatSystemIT.send(user, session, "Tell me about the stars");

        JsonNode second = answer(Api.post("/chat/regenerate", user, Map.of("session_id", session.toString())));
        assertThat(second.path("request_id").asString())
                .isNotEqualTo(first.path("request_id").asString());
        JsonNode latest = items(user, session).get(0);
        assertThat(latest.path("id").asString())
                .isEqualTo(second.path("message_id").asString());
        assertThat(latest.path("alternative_index").asInt()).isEqualTo(1);
        assertThat(latest.path("alternative_count").asInt()).isEqualTo(2);

        Response selected = Api.post(
                "/sessions/" + session + "/messages/" + latest.path("id").asString() + "/select",
                user,
                Map.of("alternative_index", 0));
        assertThat(selected.status()).as(selected.raw()).isEqualTo(200);
        assertThat(items(user, session).get(0).path("content").asString())
                .isEqualTo(first.path("reply").asString());

        JsonNode continued = answer(Api.post("/chat/continue", user, Map.of("session_id", session.toString())));
        assertThat(continued.path("message_id").asString())
                .isEqualTo(first.path("message_id").asString());
        assertThat(continued.path("reply").asString())
                .startsWith(first.path("reply").asString())
                .hasSizeGreaterThan(first.path("reply").asString().length());
        List<JsonNode> path = items(user, session);
        assertThat(path).as("the continued reply is still one message").hasSize(2);
        assertThat(path.get(0).path("content").asString())
                .isEqualTo(continued.path("reply").asString());

        String userMessage = path.get(1).path("id").asString();
        JsonNode edited = answer(Api.put(
                "/sessions/" + session + "/messages/" + userMessage,
                user,
                Map.of("content", "Tell me about the moon instead")));
        List<JsonNode> branch = items(user, session);
        assertThat(branch.get(0).path("id").asString())
                .isEqualTo(edited.path("message_id").asString());
        assertThat(branch.get(1).path("content").asString()).isEqualTo("Tell me about the moon instead");
        assertThat(branch.get(1).path("alternative_index").asInt()).isEqualTo(1);
        assertThat(branch.get(1).path("alternative_count").asInt()).isEqualTo(2);

        Api.post(
                "/sessions/" + session + "/messages/" + branch.get(1).path("id").asString() + "/select",
                user,
                Map.of("alternative_index", 0));
        List<JsonNode> old = items(user, session);
        assertThat(old.get(1).path("content").asString()).isEqualTo("Tell me about the stars");
        assertThat(old.get(0).path("alternative_count").asInt()).isEqualTo(2);
        Api.post(
                "/sessions/" + session + "/messages/" + old.get(0).path("id").asString() + "/select",
                user,
                Map.of("alternative_index", 0));
        assertThat(items(user, session).get(0).path("content").asString())
                .as("the old branch is reachable as it was, the continued reply included")
                .isEqualTo(continued.path("reply").asString());
    }

    @Test
    void theSelectedAlternativeIsTheOnlyOneInThePromptTheLlmReceivesNext() {
        User user = Api.signup(30);
        UUID session = ChatSystemIT.session(user, Characters.create(user, "private", false));
        List<String> alternatives = new ArrayList<>();
        alternatives.add(ChatSystemIT.send(user, session, "Tell me a story about a lighthouse")
                .path("reply")
                .asString());
        for (int i = 0; i < 3; i++) {
            alternatives.add(answer(Api.post("/chat/regenerate", user, Map.of("session_id", session.toString())))
                    .path("reply")
                    .asString());
        }
        JsonNode latest = items(user, session).get(0);
        assertThat(latest.path("alternative_count").asInt()).isEqualTo(4);
        Response selected = Api.post(
                "/sessions/" + session + "/messages/" + latest.path("id").asString() + "/select",
                user,
                Map.of("alternative_index", 1));
        assertThat(selected.status()).as(selected.raw()).isEqualTo(200);
        assertThat(items(user, session).get(0).path("content").asString()).isEqualTo(alternatives.get(1));

        String next = "And what happened next? " + UUID.randomUUID();
        ChatSystemIT.send(user, session, next);
        String prompt = llmPromptFor(next);
        assertThat(prompt).contains(alternatives.get(1));
        // The offline LLM may answer a regeneration with a shorter take of the same reply: only an alternative the
        // selected one does not contain can be told apart in the prompt.
        alternatives.stream()
                .filter(other -> !alternatives.get(1).contains(other))
                .forEach(other -> assertThat(prompt).doesNotContain(other));
    }

    /** Every message of the offline LLM's call whose last user message is {@code message}, joined. */
    private static String llmPromptFor(String message) {
        Response calls =
                Api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Stack.LLM_ADMIN + "/_admin/calls"))
                        .timeout(Duration.ofSeconds(10))
                        .build());
        String found = null;
        for (JsonNode call : calls.json().path("calls")) {
            List<String> contents = new ArrayList<>();
            String lastUser = null;
            for (JsonNode m : call.path("messages")) {
                contents.add(m.path("content").asString());
                if (m.path("role").asString().equals("user")) {
                    lastUser = m.path("content").asString();
                }
            }
            if (message.equals(lastUser)) {
                found = String.join("\n", contents);
            }
        }
        assertThat(found).as("the offline LLM's call for " + message).isNotNull();
        return found;
    }

    @Test
    void conversationsListPinnedFirstThenNewestActivityAndUnnamedOnesGetATitle() {
        User user = Api.signup(30);
        UUID character = Characters.create(user, "private", false);
        String characterName =
                Api.get("/characters/" + character, user).json().path("name").asString();
        UUID first = ChatSystemIT.session(user, character);
        UUID second = ChatSystemIT.session(user, character);
        UUID third = ChatSystemIT.session(user, character);
        ChatSystemIT.send(user, first, "My telescope arrived today");
        ChatSystemIT.send(user, second, "Hello");
        ChatSystemIT.send(user, third, "Hi");
        assertThat(listed(user, "")).containsExactly(third, second, first);

        ChatSystemIT.send(user, first, "The telescope shows Saturn");
        ChatSystemIT.send(user, first, "Saturn has rings, the telescope is great");
        assertThat(listed(user, "")).as("newest activity first").containsExactly(first, third, second);

        assertThat(Api.patch("/sessions/" + second, user, Map.of("pinned", true))
                        .status())
                .isEqualTo(200);
        assertThat(Api.patch("/sessions/" + third, user, Map.of("archived", true))
                        .status())
                .isEqualTo(200);
        assertThat(listed(user, "")).as("pinned first, archived left out").containsExactly(second, first);
        assertThat(listed(user, "?archived=true")).containsExactly(third);
        JsonNode entry = Api.get("/sessions", user).json().path("items").get(1);
        assertThat(entry.path("message_count").asInt()).isEqualTo(6);
        assertThat(entry.path("last_message_preview").asString()).isNotBlank();

        // The first session had three replies and no title of the user's: the worker names it.
        String title =
                await().atMost(Duration.ofSeconds(60)).until(() -> titleOf(user, first), t -> !t.equals(characterName));
        assertThat(title).contains("Telescope").contains("Saturn");
        assertThat(titleOf(user, second)).isEqualTo(characterName);
    }

    @Test
    void regenerationsAndContinuationsCountTowardsTheTenthReplysAd() {
        User free = Api.signup(30);
        UUID session = ChatSystemIT.session(free, Characters.create(free, "private", false));
        Map<String, String> body = Map.of("session_id", session.toString());
        String message = null;
        for (int i = 1; i <= 10; i++) {
            if (i % 3 == 1) {
                // The regeneration and the continuation after a message are calls with that same last user message.
                message = ChatSystemIT.scripted("Message " + i, "A scripted answer.", "Another take.", "And more.");
            }
            String sent = message;
            JsonNode reply = switch (i % 3) {
                case 1 -> ChatSystemIT.send(free, session, sent);
                case 2 -> answer(Api.post("/chat/regenerate", free, body));
                default -> answer(Api.post("/chat/continue", free, body));
            };
            assertThat(reply.path("ad_counter").asLong()).as("reply %d", i).isEqualTo(i);
            assertThat(reply.path("show_ad").asBoolean()).as("reply %d", i).isEqualTo(i == 10);
        }
    }

    @Test
    void searchFindsTheCallersOwnMessagesOnly() {
        User user = Api.signup(30);
        UUID session = ChatSystemIT.session(user, Characters.create(user, "private", false));
        ChatSystemIT.send(user, session, "I finally saw the quokka at the zoo");
        User stranger = Api.signup(30);

        JsonNode found = Api.get("/search/messages?q=quokka", user).json();
        assertThat(found.path("items")).hasSize(1);
        assertThat(found.path("items").get(0).path("session_id").asString()).isEqualTo(session.toString());
        assertThat(found.path("items").get(0).path("snippet").asString()).contains("<b>quokka</b>");
        assertThat(Api.get("/search/messages?q=quokka", stranger).json().path("items"))
                .isEmpty();
    }

    private static JsonNode answer(Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.json();
    }

    private static List<JsonNode> items(User user, UUID session) {
        List<JsonNode> items = new ArrayList<>();
        Api.get("/sessions/" + session + "/history", user).json().path("items").forEach(items::add);
        return items;
    }

    private static List<UUID> listed(User user, String query) {
        List<UUID> ids = new ArrayList<>();
        Api.get("/sessions" + query, user)
                .json()
                .path("items")
                .forEach(item -> ids.add(UUID.fromString(item.path("id").asString())));
        return ids;
    }

    private static String titleOf(User user, UUID session) {
        return Api.get("/sessions/" + session, user).json().path("title").asString();
    }
}
