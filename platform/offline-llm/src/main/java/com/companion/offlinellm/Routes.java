package com.companion.offlinellm;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The HTTP endpoints: Together's chat completions and models, health, and the admin API. */
final class Routes implements MiniHttpServer.Handler {

    private static final String JSON = "application/json";
    private static final Duration CUT_GRACE = Duration.ofMillis(100);
    private static final Duration PING_INTERVAL = Duration.ofMillis(100);
    private static final Pattern KEY_AFTER_COMMA = Pattern.compile(",(\"[a-z_]+\":)");
    /**
     * What {@code /v1/models} lists when any model name is served: chat models Together lists as
     * serverless (togethercomputer/skills, together-chat-completions/references/models.md, as of
     * 2026-07-16), plus the moderation model.
     */
    private static final List<String> LISTED_WHEN_ANY_MODEL_SERVED = List.of(
            "meta-llama/Llama-3.3-70B-Instruct-Turbo",
            "Qwen/Qwen2.5-7B-Instruct-Turbo",
            "google/gemma-4-31B-it",
            "google/gemma-3n-E4B-it",
            "openai/gpt-oss-120b",
            "openai/gpt-oss-20b",
            "moonshotai/Kimi-K2.6",
            "meta-llama/Llama-Guard-4-12B");

    record Models(Set<String> served, Set<String> unavailable, Set<String> stoppedEndpoints, Set<String> unknown) {

        boolean refused(String model) {
            return unavailable.contains(model) || stoppedEndpoints.contains(model);
        }
    }

    private record ChatRequest(
            String model, List<ChatMessage> messages, boolean stream, Integer maxTokens, Double temperature) {}

    private final Script script;
    private final Models models;
    private final String apiKey;
    private final Supplier<RandomGenerator> random;

    Routes(Script script, Models models, String apiKey, Supplier<RandomGenerator> random) {
        this.script = script;
        this.models = models;
        this.apiKey = apiKey;
        this.random = random;
    }

    /** Loads and exercises the JSON and reply code once, so the first real call is not slowed by it. */
    static void warmUp() {
        List<ChatMessage> messages = List.of(
                new ChatMessage("system", "You are Asha, a friendly companion.\nTraits (0–100): humor=70"),
                new ChatMessage("user", "kya haal hai"));
        String reply = CompanionReplies.reply(messages, java.util.concurrent.ThreadLocalRandom.current());
        Json.text(chunk("warm-up", 0, "m", Tokens.split(reply).getFirst(), "stop", usage(1, 1)));
        Json.parse("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        LlamaGuard.verdict(messages);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException, InterruptedException {
        HttpRequest request = exchange.request();
        String path = request.path();
        String method = request.method();
        switch (path) {
            case "/health", "/health/" -> {
                if (method.equals("GET")) {
                    json(exchange, 200, Json.object().put("status", "UP"));
                } else {
                    methodNotAllowed(exchange);
                }
            }
            case "/v1/chat/completions" -> {
                if (method.equals("POST")) {
                    chatCompletions(exchange);
                } else {
                    methodNotAllowed(exchange);
                }
            }
            case "/v1/models" -> {
                if (method.equals("GET")) {
                    listModels(exchange);
                } else {
                    methodNotAllowed(exchange);
                }
            }
            case "/_admin/behaviour" -> {
                switch (method) {
                    case "GET" -> json(exchange, 200, describeBehaviours());
                    case "PUT" -> {
                        Behaviour behaviour = readBehaviour(exchange, script.baseline());
                        if (behaviour != null) {
                            script.setDefault(behaviour);
                            json(exchange, 200, describeBehaviours());
                        }
                    }
                    default -> methodNotAllowed(exchange);
                }
            }
            case "/_admin/behaviour/next" -> {
                if (method.equals("POST")) {
                    enqueueFromJson(exchange);
                } else {
                    methodNotAllowed(exchange);
                }
            }
            case "/_admin/calls" -> {
                if (method.equals("GET")) {
                    json(exchange, 200, describeCalls());
                } else {
                    methodNotAllowed(exchange);
                }
            }
            case "/_admin/reset" -> {
                if (method.equals("POST")) {
                    script.reset();
                    json(exchange, 200, Json.object().put("status", "reset"));
                } else {
                    methodNotAllowed(exchange);
                }
            }
            default -> error(exchange, 404, "Unknown path " + path, "invalid_request_error", "not_found", Map.of());
        }
    }

    private void chatCompletions(HttpExchange exchange) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Instant receivedAt = Instant.now();
        HttpRequest request = exchange.request();

        ChatRequest chat;
        String invalid = null;
        try {
            chat = parseChat(request.body());
            if (chat.model() == null || chat.model().isBlank()) {
                invalid = "model is required.";
            } else if (chat.messages().isEmpty()) {
                invalid = "messages must be a non-empty list.";
            } else if (chat.maxTokens() != null && chat.maxTokens() <= 0) {
                invalid = "max_tokens must be a positive integer.";
            }
        } catch (JacksonException e) {
            chat = null;
            invalid = "Invalid request body: " + e.getOriginalMessage();
        } catch (IllegalArgumentException e) {
            chat = null;
            invalid = "Invalid request body: " + e.getMessage();
        }

        if (!authorised(request)) {
            record(chat, receivedAt, 401, request.header("traceparent"));
            error(
                    exchange,
                    401,
                    TogetherErrors.defaultMessage(401),
                    "invalid_request_error",
                    "invalid_api_key",
                    Map.of());
            return;
        }
        if (invalid != null) {
            record(chat, receivedAt, 400, request.header("traceparent"));
            error(exchange, 400, invalid, "invalid_request_error", "invalid_request_error", Map.of());
            return;
        }
        String model = chat.model();
        if (models.unknown().contains(model)
                || (!models.served().isEmpty() && !models.served().contains(model) && !models.refused(model))) {
            record(chat, receivedAt, 404, request.header("traceparent"));
            error(
                    exchange,
                    404,
                    TogetherErrors.modelNotFoundMessage(model),
                    "invalid_request_error",
                    "model_not_found",
                    Map.of());
            return;
        }
        if (models.unavailable().contains(model)) {
            record(chat, receivedAt, 400, request.header("traceparent"));
            error(
                    exchange,
                    400,
                    TogetherErrors.modelNotAvailableMessage(model),
                    "invalid_request_error",
                    "model_not_available",
                    Map.of());
            return;
        }
        if (models.stoppedEndpoints().contains(model)) {
            record(chat, receivedAt, 400, request.header("traceparent"));
            error(
                    exchange,
                    400,
                    TogetherErrors.endpointNotRunningMessage(model),
                    "invalid_request_error",
                    "dedicated_endpoint_not_running",
                    Map.of());
            return;
        }

        Behaviour behaviour = script.next(lastUserMessage(chat.messages()));
        record(chat, receivedAt, behaviour.status(), request.header("traceparent"));

        if (behaviour.hang()) {
            exchange.hangUntilClosed();
            return;
        }
        if (behaviour.isError()) {
            sleepUntil(start + behaviour.timeToFirstToken().toNanos());
            byte[] body = TogetherErrors.body(
                    behaviour.errorMessageOrDefault(), behaviour.errorTypeOrDefault(), behaviour.errorCodeOrDefault());
            if (behaviour.disconnectAfterChunks() != null) {
                exchange.respondTruncated(behaviour.status(), JSON, body, body.length / 2);
            } else {
                exchange.respond(
                        behaviour.status(),
                        JSON,
                        behaviour.headers().isEmpty()
                                ? TogetherErrors.headers(behaviour.status(), behaviour.retryAfterSecondsOrDefault())
                                : behaviour.headers(),
                        body);
            }
            return;
        }

        String content = replyFor(chat, behaviour);
        List<String> pieces = Tokens.split(content);
        String finishReason = "stop";
        if (chat.maxTokens() != null && pieces.size() > chat.maxTokens()) {
            pieces = pieces.subList(0, chat.maxTokens());
            finishReason = "length";
        }
        int promptTokens = promptTokens(chat.messages());
        ObjectNode usage = usage(promptTokens, pieces.size());
        String id = HexFormat.of().toHexDigits(random.get().nextLong()) + "-OFL";
        long created = receivedAt.getEpochSecond();

        if (chat.stream()) {
            stream(exchange, behaviour, start, id, created, model, pieces, finishReason, usage);
        } else {
            long lastToken = pieces.isEmpty() ? 0 : pieces.size() - 1;
            sleepUntil(start
                    + behaviour.timeToFirstToken().toNanos()
                    + lastToken * behaviour.timePerToken().toNanos());
            ObjectNode message = Json.object().put("role", "assistant").put("content", String.join("", pieces));
            ObjectNode choice = Json.object().put("index", 0);
            choice.set("message", message);
            choice.put("finish_reason", finishReason);
            ObjectNode body = Json.object()
                    .put("id", id)
                    .put("object", "chat.completion")
                    .put("created", created)
                    .put("model", model);
            body.putArray("choices").add(choice);
            body.set("usage", usage);
            byte[] bytes = Json.bytes(body);
            if (behaviour.disconnectAfterChunks() != null) {
                exchange.respondTruncated(200, JSON, bytes, bytes.length / 2);
            } else {
                exchange.respond(200, JSON, Map.of(), bytes);
            }
        }
    }

    private void stream(
            HttpExchange exchange,
            Behaviour behaviour,
            long start,
            String id,
            long created,
            String model,
            List<String> pieces,
            String finishReason,
            ObjectNode usage)
            throws IOException, InterruptedException {
        HttpExchange.EventStream events = exchange.startEventStream(Map.of("cache-control", "no-cache"));
        ChunkWriter out = new ChunkWriter(events, behaviour, id, created, model);
        long firstToken = start + behaviour.timeToFirstToken().toNanos();
        long perToken = behaviour.timePerToken().toNanos();
        Integer cutAfter = behaviour.disconnectAfterChunks();
        Behaviour.StreamFault fault = behaviour.fault();
        if (behaviour.has(Behaviour.StreamQuirk.NULL_CONTENT)) {
            out.send(chunk(id, created, model, null, null, null));
        }
        for (int i = 0; i < pieces.size(); i++) {
            if (cutAfter != null && i >= cutAfter) {
                cut(events);
                return;
            }
            if (fault != Behaviour.StreamFault.NONE && i >= behaviour.faultAfterChunks()) {
                fail(events, out, behaviour, fault);
                return;
            }
            sleepUntil(firstToken + i * perToken);
            out.send(chunk(id, created, model, pieces.get(i), null, null));
            if (i == 0 && behaviour.has(Behaviour.StreamQuirk.NULL_CONTENT)) {
                out.send(chunk(id, created, model, null, null, null));
            }
            if (behaviour.has(Behaviour.StreamQuirk.EVENT_LINES)) {
                events.sendRaw("event: heartbeat\ndata: {\"status\":\"generating\"}\n\n");
            }
        }
        if (cutAfter != null) {
            cut(events);
            return;
        }
        if (fault != Behaviour.StreamFault.NONE) {
            fail(events, out, behaviour, fault);
            return;
        }
        sleepUntil(firstToken + Math.max(0, pieces.size() - 1) * perToken);
        if (behaviour.has(Behaviour.StreamQuirk.USAGE_CHUNK_WITHOUT_CHOICES)) {
            out.send(chunk(id, created, model, "", finishReason, null));
            ObjectNode usageOnly = Json.object()
                    .put("id", id)
                    .put("object", "chat.completion.chunk")
                    .put("created", created)
                    .put("model", model);
            usageOnly.putArray("choices");
            usageOnly.set("usage", usage);
            out.send(usageOnly);
        } else {
            out.send(chunk(id, created, model, "", finishReason, usage));
        }
        events.sendData("[DONE]");
        events.finish();
    }

    private static void fail(
            HttpExchange.EventStream events, ChunkWriter out, Behaviour behaviour, Behaviour.StreamFault fault)
            throws IOException, InterruptedException {
        switch (fault) {
            case ERROR_EVENT, NAMED_ERROR_EVENT -> {
                ObjectNode error = Json.object()
                        .put(
                                "message",
                                Objects.requireNonNullElse(
                                        behaviour.errorMessage(),
                                        "The server had an error while processing your request."))
                        .put("type", Objects.requireNonNullElse(behaviour.errorType(), "server_error"))
                        .putNull("param")
                        .put("code", Objects.requireNonNullElse(behaviour.errorCode(), "internal_server_error"));
                ObjectNode body = Json.object();
                body.set("error", error);
                if (fault == Behaviour.StreamFault.NAMED_ERROR_EVENT) {
                    events.sendRaw("event: error\ndata: " + Json.text(body) + "\n\n");
                } else {
                    out.send(body);
                }
                events.finish();
            }
            case FINISH_ERROR -> {
                out.send(out.finishChunk("error"));
                events.sendData("[DONE]");
                events.finish();
            }
            case STALL_WITH_PINGS -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        events.sendRaw(": ping\n\n");
                        Thread.sleep(PING_INTERVAL);
                    }
                } catch (IOException clientWentAway) {
                    events.abandon();
                }
            }
            case NONE -> throw new IllegalStateException("no fault to inject");
        }
    }

    /** Writes chunks in the shape the behaviour's quirks ask for. */
    private record ChunkWriter(
            HttpExchange.EventStream events, Behaviour behaviour, String id, long created, String model) {

        void send(ObjectNode chunk) throws IOException {
            StringBuilder event = new StringBuilder();
            if (behaviour.has(Behaviour.StreamQuirk.PINGS)) {
                event.append(": ping\n\n");
            }
            if (behaviour.has(Behaviour.StreamQuirk.EVENT_LINES)) {
                event.append("id: ").append(id).append('\n');
            }
            if (behaviour.has(Behaviour.StreamQuirk.MULTILINE_DATA)) {
                // JSON allows a line break between any two tokens; SSE joins data lines with one. Breaking
                // only before a key keeps the text of a value (which may end in a comma) whole.
                for (String line : KEY_AFTER_COMMA
                        .matcher(Json.text(chunk))
                        .replaceAll(",\n$1")
                        .split("\n")) {
                    event.append("data: ").append(line).append('\n');
                }
            } else {
                event.append("data: ").append(Json.text(chunk)).append('\n');
            }
            events.sendRaw(event.append('\n').toString());
        }

        ObjectNode finishChunk(String finishReason) {
            return chunk(id, created, model, "", finishReason, null);
        }
    }

    /**
     * Cuts the stream a moment after the last chunk went out: java.net.http's body stream drops data
     * it has received but not yet handed over once the connection fails, so cutting at once would
     * make the number of chunks a client sees depend on thread scheduling.
     */
    private static void cut(HttpExchange.EventStream events) throws IOException, InterruptedException {
        Thread.sleep(CUT_GRACE);
        events.abort();
    }

    private static ObjectNode chunk(
            String id, long created, String model, String content, String finishReason, ObjectNode usage) {
        ObjectNode delta = Json.object().put("role", "assistant");
        if (content == null) {
            delta.putNull("content");
        } else {
            delta.put("content", content);
        }
        ObjectNode choice = Json.object().put("index", 0);
        choice.set("delta", delta);
        choice.put("finish_reason", finishReason);
        ObjectNode chunk = Json.object()
                .put("id", id)
                .put("object", "chat.completion.chunk")
                .put("created", created)
                .put("model", model);
        chunk.putArray("choices").add(choice);
        chunk.set("usage", usage);
        return chunk;
    }

    private String replyFor(ChatRequest chat, Behaviour behaviour) {
        if (behaviour.reply() != null) {
            return behaviour.reply();
        }
        if (LlamaGuard.isGuardModel(chat.model())) {
            return LlamaGuard.verdict(chat.messages());
        }
        return CompanionReplies.reply(chat.messages(), random.get(), behaviour.variedReplies());
    }

    private static ObjectNode usage(int promptTokens, int completionTokens) {
        return Json.object()
                .put("prompt_tokens", promptTokens)
                .put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
    }

    private static int promptTokens(List<ChatMessage> messages) {
        int chars = 0;
        for (ChatMessage message : messages) {
            chars += message.content().length();
        }
        return Math.max(1, (chars + 3) / 4);
    }

    private boolean authorised(HttpRequest request) {
        String header = request.header("authorization");
        if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        String key = header.substring(7).strip();
        return !key.isEmpty() && (apiKey == null || apiKey.equals(key));
    }

    private void record(ChatRequest chat, Instant receivedAt, int status, String traceparent) {
        if (chat != null) {
            script.record(new RecordedCall(
                    chat.model(),
                    chat.messages(),
                    chat.stream(),
                    chat.maxTokens(),
                    chat.temperature(),
                    receivedAt,
                    status,
                    traceparent));
        }
    }

    private static ChatRequest parseChat(byte[] body) {
        JsonNode root = Json.parse(body);
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
        JsonNode modelNode = root.path("model");
        String model = modelNode.isString() ? modelNode.stringValue() : null;
        List<ChatMessage> messages = new ArrayList<>();
        JsonNode messagesNode = root.path("messages");
        if (!messagesNode.isMissingNode() && !messagesNode.isArray()) {
            throw new IllegalArgumentException("messages must be a list");
        }
        for (JsonNode message : messagesNode) {
            if (!message.isObject()) {
                throw new IllegalArgumentException("each message must be an object");
            }
            messages.add(new ChatMessage(message.path("role").asString(""), contentText(message.path("content"))));
        }
        boolean stream = root.path("stream").asBoolean(false);
        JsonNode maxTokensNode = root.has("max_tokens") ? root.path("max_tokens") : root.path("max_completion_tokens");
        Integer maxTokens = maxTokensNode.isIntegralNumber() ? maxTokensNode.intValue() : null;
        JsonNode temperatureNode = root.path("temperature");
        Double temperature = temperatureNode.isNumber() ? temperatureNode.doubleValue() : null;
        return new ChatRequest(model, List.copyOf(messages), stream, maxTokens, temperature);
    }

    /** Plain string content, or the text parts of OpenAI's content-part list. */
    private static String contentText(JsonNode content) {
        if (content.isString()) {
            return content.stringValue();
        }
        if (content.isArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode part : content) {
                if (part.isString()) {
                    text.append(part.stringValue());
                } else if (part.path("text").isString()) {
                    text.append(part.path("text").stringValue());
                }
            }
            return text.toString();
        }
        return "";
    }

    private void listModels(HttpExchange exchange) throws IOException {
        if (!authorised(exchange.request())) {
            error(
                    exchange,
                    401,
                    TogetherErrors.defaultMessage(401),
                    "invalid_request_error",
                    "invalid_api_key",
                    Map.of());
            return;
        }
        List<String> ids = models.served().isEmpty()
                ? LISTED_WHEN_ANY_MODEL_SERVED.stream()
                        .filter(id -> !models.refused(id) && !models.unknown().contains(id))
                        .toList()
                : models.served().stream()
                        .filter(id -> !models.refused(id) && !models.unknown().contains(id))
                        .sorted()
                        .toList();
        ObjectNode body = Json.object().put("object", "list");
        ArrayNode data = body.putArray("data");
        for (String id : ids) {
            int slash = id.indexOf('/');
            data.add(Json.object()
                    .put("id", id)
                    .put("object", "model")
                    .put("created", 1_700_000_000L)
                    .put("owned_by", slash > 0 ? id.substring(0, slash) : "offline-llm")
                    .put("type", LlamaGuard.isGuardModel(id) ? "moderation" : "chat"));
        }
        json(exchange, 200, body);
    }

    private ObjectNode describeBehaviours() {
        ObjectNode body = Json.object();
        body.set("default", BehaviourJson.write(script.defaultBehaviour()));
        ArrayNode queued = body.putArray("queued");
        script.queued().forEach(b -> queued.add(BehaviourJson.write(b)));
        return body;
    }

    private ObjectNode describeCalls() {
        List<RecordedCall> calls = script.calls();
        ObjectNode body = Json.object().put("count", script.callCount());
        ArrayNode list = body.putArray("calls");
        for (RecordedCall call : calls) {
            ObjectNode json = list.addObject()
                    .put("model", call.model())
                    .put("stream", call.stream())
                    .put("max_tokens", call.maxTokens())
                    .put("temperature", call.temperature())
                    .put("received_at", call.receivedAt().toString())
                    .put("status", call.status())
                    .put("traceparent", call.traceparent());
            ArrayNode messages = json.putArray("messages");
            call.messages()
                    .forEach(m -> messages.addObject().put("role", m.role()).put("content", m.content()));
        }
        return body;
    }

    private void enqueueFromJson(HttpExchange exchange) throws IOException {
        JsonNode json;
        try {
            json = Json.parse(exchange.request().body());
        } catch (JacksonException e) {
            error(
                    exchange,
                    400,
                    "Invalid JSON: " + e.getOriginalMessage(),
                    "invalid_request_error",
                    "invalid_request_error",
                    Map.of());
            return;
        }
        List<JsonNode> items = new ArrayList<>();
        if (json != null && json.isArray()) {
            json.forEach(items::add);
        } else {
            items.add(json);
        }
        // All or nothing: every item is read before any is queued.
        List<Runnable> queue = new ArrayList<>();
        try {
            for (JsonNode item : items) {
                Behaviour behaviour = BehaviourJson.read(item, script.baseline());
                String marker = BehaviourJson.marker(item);
                queue.add(
                        marker == null ? () -> script.enqueue(behaviour) : () -> script.enqueueFor(marker, behaviour));
            }
        } catch (IllegalArgumentException e) {
            error(exchange, 400, e.getMessage(), "invalid_request_error", "invalid_request_error", Map.of());
            return;
        }
        queue.forEach(Runnable::run);
        json(exchange, 200, describeBehaviours());
    }

    private Behaviour readBehaviour(HttpExchange exchange, Behaviour base) throws IOException {
        try {
            return BehaviourJson.read(Json.parse(exchange.request().body()), base);
        } catch (JacksonException e) {
            error(
                    exchange,
                    400,
                    "Invalid JSON: " + e.getOriginalMessage(),
                    "invalid_request_error",
                    "invalid_request_error",
                    Map.of());
        } catch (IllegalArgumentException e) {
            error(exchange, 400, e.getMessage(), "invalid_request_error", "invalid_request_error", Map.of());
        }
        return null;
    }

    private static void methodNotAllowed(HttpExchange exchange) throws IOException {
        error(
                exchange,
                405,
                "Method " + exchange.request().method() + " not allowed on "
                        + exchange.request().path(),
                "invalid_request_error",
                "method_not_allowed",
                Map.of());
    }

    private static void error(
            HttpExchange exchange, int status, String message, String type, String code, Map<String, String> headers)
            throws IOException {
        exchange.respond(status, JSON, headers, TogetherErrors.body(message, type, code));
    }

    private static void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
        exchange.respond(status, JSON, Map.of(), Json.bytes(body));
    }

    private static void sleepUntil(long deadlineNanos) throws InterruptedException {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining > 0) {
            Thread.sleep(Duration.ofNanos(remaining));
        }
    }

    private static String lastUserMessage(List<ChatMessage> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role().equals("user")) {
                return messages.get(i).content();
            }
        }
        return "";
    }
}
