package com.companion.platform.guard.moderation;

import com.companion.platform.guard.GuardContext;
import com.companion.platform.guard.Stage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Llama Guard through an OpenAI-compatible chat completions endpoint (Together AI by default). The provider applies
 * the model's own prompt template; an input is sent as the user turn, an output as the assistant turn after the user
 * turn it answers, which is how Llama Guard tells the two apart.
 */
public final class LlamaGuardClient implements ModerationClient {

    public static final URI TOGETHER = URI.create("https://api.together.xyz");
    public static final String DEFAULT_MODEL = "meta-llama/Llama-Guard-4-12B";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String NO_USER_MESSAGE = "(the user's message is not available)";

    private final HttpClient http;
    private final URI endpoint;
    private final String apiKey;
    private final String model;
    private final Duration requestTimeout;

    /**
     * @param baseUrl the provider root, e.g. {@link #TOGETHER}; {@code /v1/chat/completions} is appended
     * @param requestTimeout the HTTP timeout; {@link LayeredGuard} applies its own, usually shorter, deadline too
     */
    public LlamaGuardClient(HttpClient http, URI baseUrl, String apiKey, String model, Duration requestTimeout) {
        this.http = Objects.requireNonNull(http, "http");
        String base = baseUrl.toString().replaceAll("/+$", "");
        this.endpoint = URI.create(base + "/v1/chat/completions");
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.model = Objects.requireNonNull(model, "model");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    @Override
    public CompletableFuture<ModerationResult> classify(String text, GuardContext context) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(requestTimeout)
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(text, context), StandardCharsets.UTF_8))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .thenApply(LlamaGuardClient::read);
    }

    String body(String text, GuardContext context) {
        List<Map<String, String>> messages = context.stage() == Stage.INPUT
                ? List.of(Map.of("role", "user", "content", text))
                : List.of(
                        Map.of(
                                "role",
                                "user",
                                "content",
                                context.userMessage() == null
                                                || context.userMessage().isBlank()
                                        ? NO_USER_MESSAGE
                                        : context.userMessage()),
                        Map.of("role", "assistant", "content", text));
        return JSON.writeValueAsString(
                Map.of("model", model, "messages", messages, "max_tokens", 20, "temperature", 0));
    }

    private static ModerationResult read(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new ModerationException("moderation endpoint answered HTTP " + response.statusCode());
        }
        try {
            JsonNode content = JSON.readTree(response.body())
                    .path("choices")
                    .path(0)
                    .path("message")
                    .path("content");
            if (!content.isString()) {
                throw new ModerationException("moderation answer has no message content");
            }
            return ModerationResult.parse(content.asString());
        } catch (JacksonException e) {
            throw new ModerationException("moderation answer is not JSON", e);
        }
    }

    @Override
    public String version() {
        return "llama-guard/" + model;
    }

    @Override
    public String toString() {
        return "LlamaGuardClient[" + endpoint + ", " + model + "]";
    }
}
