package com.companion.offlinellm;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds chat completion request bodies for tests. */
final class ChatRequests {

    static final String COMPANION_MODEL = "meta-llama/Llama-3.3-70B-Instruct-Turbo";
    static final String GUARD_MODEL = "meta-llama/Llama-Guard-4-12B";

    private String model = COMPANION_MODEL;
    private final List<ChatMessage> messages = new ArrayList<>();
    private boolean stream;
    private Integer maxTokens;

    private ChatRequests() {}

    static ChatRequests chat() {
        return new ChatRequests();
    }

    static String systemPrompt(String name, String type, String traits) {
        return "You are " + name + ", a " + type + " companion.\nTraits (0–100): " + traits
                + ".\nAdult mode is OFF. Keep it PG-13; no explicit sexual content.\n"
                + "Speak warmly and naturally (Hinglish if the user uses it). Stay in character; do not claim to be an AI.";
    }

    ChatRequests model(String model) {
        this.model = model;
        return this;
    }

    ChatRequests system(String content) {
        messages.add(new ChatMessage("system", content));
        return this;
    }

    ChatRequests user(String content) {
        messages.add(new ChatMessage("user", content));
        return this;
    }

    ChatRequests assistant(String content) {
        messages.add(new ChatMessage("assistant", content));
        return this;
    }

    ChatRequests stream(boolean stream) {
        this.stream = stream;
        return this;
    }

    ChatRequests maxTokens(int maxTokens) {
        this.maxTokens = maxTokens;
        return this;
    }

    String json() {
        ObjectNode body = Json.object().put("model", model);
        ArrayNode list = body.putArray("messages");
        for (ChatMessage message : messages.isEmpty() ? List.of(new ChatMessage("user", "Hi there")) : messages) {
            list.addObject().put("role", message.role()).put("content", message.content());
        }
        body.put("stream", stream);
        if (maxTokens != null) {
            body.put("max_tokens", maxTokens);
        }
        body.put("temperature", 0.8);
        body.put("top_p", 0.9);
        body.put("repetition_penalty", 1.05);
        return Json.text(body);
    }
}
