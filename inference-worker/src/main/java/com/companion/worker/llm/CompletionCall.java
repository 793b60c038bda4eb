package com.companion.worker.llm;

import com.companion.worker.llm.LlmCallException.Kind;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.RequestReplySenderContext;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One streaming chat completion: {@code POST {base}/chat/completions} with {@code stream: true},
 * read as server-sent events. The response is consumed asynchronously into a queue that the calling
 * thread polls with a timeout, which gives exact first-token, idle and deadline timeouts and lets
 * any exit cancel the exchange. Every failure is classified as an {@link LlmCallException}.
 *
 * <p>Each call is observed as a client span {@code chat <model>} (OpenTelemetry's GenAI naming) in the
 * trace of the request being answered, and its {@code traceparent} goes to the provider in the request
 * headers; the same observation times the call as {@code gen_ai.client.operation}.
 */
final class CompletionCall {

    private static final Logger log = LoggerFactory.getLogger(CompletionCall.class);
    private static final int MAX_ERROR_BODY_CHARS = 4096;
    private static final Duration ERROR_BODY_WAIT = Duration.ofSeconds(2);
    /** One part of a Go-style duration, as some providers write {@code x-ratelimit-reset}: {@code 1m30s}, {@code 250ms}. */
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");

    /** What a successful stream ended with. */
    record Result(String finishReason, LlmReply.Usage usage, String model, int tokens) {}

    private final HttpClient http;
    private final LlmProperties properties;
    private final JsonMapper json;
    private final URI endpoint;
    private final String authorization;

    private final ObservationRegistry observations;

    CompletionCall(HttpClient http, LlmProperties properties, JsonMapper json, ObservationRegistry observations) {
        this.http = http;
        this.observations = observations;
        this.properties = properties;
        this.json = json;
        String base = properties.baseUrl().toString();
        this.endpoint = URI.create((base.endsWith("/") ? base : base + "/") + "chat/completions");
        // Without a key (LlmProperties allows that only where no key is required, e.g. the offline LLM over
        // http) a placeholder keeps the header well-formed.
        this.authorization =
                "Bearer " + (properties.hasApiKey() ? properties.apiKey().strip() : "unset");
    }

    Result execute(String model, List<ChatMessage> messages, Deadline deadline, StreamListener listener)
            throws LlmCallException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body(model, messages), StandardCharsets.UTF_8));
        request.header("Authorization", authorization);
        RequestReplySenderContext<HttpRequest.Builder, Result> context =
                new RequestReplySenderContext<>(HttpRequest.Builder::header);
        context.setCarrier(request); // the tracing handler adds traceparent to it when the observation starts
        context.setRemoteServiceAddress(endpoint.getScheme() + "://" + endpoint.getAuthority());
        Observation observation = Observation.createNotStarted("gen_ai.client.operation", () -> context, observations)
                .contextualName("chat " + model)
                .lowCardinalityKeyValue("gen_ai.operation.name", "chat")
                .lowCardinalityKeyValue("gen_ai.request.model", model)
                .lowCardinalityKeyValue("outcome", "success")
                .highCardinalityKeyValue("server.address", String.valueOf(endpoint.getHost()))
                .start();
        try (Observation.Scope ignored = observation.openScope()) {
            Result result = exchange(request.build(), model, messages, deadline, listener);
            context.setResponse(result);
            observation
                    .highCardinalityKeyValue("gen_ai.response.model", String.valueOf(result.model()))
                    .highCardinalityKeyValue(
                            "gen_ai.usage.input_tokens",
                            Integer.toString(result.usage().promptTokens()))
                    .highCardinalityKeyValue(
                            "gen_ai.usage.output_tokens",
                            Integer.toString(result.usage().completionTokens()));
            return result;
        } catch (LlmCallException e) {
            observation.lowCardinalityKeyValue("outcome", e.kind().tag()).error(e);
            throw e;
        } catch (InterruptedException | RuntimeException e) {
            observation.lowCardinalityKeyValue("outcome", "aborted").error(e);
            throw e;
        } finally {
            observation.stop();
        }
    }

    private Result exchange(
            HttpRequest request, String model, List<ChatMessage> messages, Deadline deadline, StreamListener listener)
            throws LlmCallException, InterruptedException {
        Exchange exchange = new Exchange();
        long started = System.nanoTime();
        long firstTokenBy = started + properties.firstTokenTimeout().toNanos();
        CompletableFuture<HttpResponse<Void>> response = http.sendAsync(request, exchange::begin);
        response.whenComplete((ignored, failure) -> {
            if (failure != null) {
                exchange.events.add(new Failed(failure));
            }
        });
        boolean finished = false;
        try {
            Head head = awaitHead(exchange, deadline, firstTokenBy);
            if (head.status() != 200) {
                throw providerError(model, head, exchange, deadline);
            }
            Result result = readStream(model, exchange, deadline, firstTokenBy, listener, messages);
            finished = true;
            return result;
        } finally {
            if (!finished) {
                exchange.cancel();
                response.cancel(true);
            }
        }
    }

    private Head awaitHead(Exchange exchange, Deadline deadline, long firstTokenBy)
            throws LlmCallException, InterruptedException {
        Object event = exchange.next(deadline.capNanos(firstTokenBy - System.nanoTime()));
        return switch (event) {
            case null -> throw timeout(deadline, false);
            case Head head -> head;
            case Failed failed -> throw connectFailure(failed.cause());
            default -> throw new LlmCallException(Kind.STREAM_BROKEN, "unexpected event before the response");
        };
    }

    /**
     * Reads the body as server-sent events (comments, {@code event:} and {@code id:} fields, data
     * spread over several lines, an event ended by a blank line). The idle timer counts content: a
     * stream that sends only {@code : ping} comments or empty deltas is as silent as one that sends
     * nothing.
     */
    private Result readStream(
            String model,
            Exchange exchange,
            Deadline deadline,
            long firstTokenBy,
            StreamListener listener,
            List<ChatMessage> messages)
            throws LlmCallException, InterruptedException {
        Reply reply = new Reply(listener);
        ServerSentEvent event = new ServerSentEvent();
        long lastContent = 0;
        while (true) {
            long wait = reply.tokens == 0
                    ? firstTokenBy - System.nanoTime()
                    : lastContent + properties.idleTimeout().toNanos() - System.nanoTime();
            // Past the wait, what has already arrived is still read (a thread scheduled late must not
            // throw away a token that came in time); only an empty queue is a timeout.
            Object next = exchange.next(deadline.capNanos(wait));
            switch (next) {
                case null -> throw timeout(deadline, reply.tokens > 0);
                case Failed failed ->
                    throw new LlmCallException(
                            Kind.STREAM_BROKEN,
                            "stream failed after " + reply.tokens + " tokens: " + describe(failed.cause()),
                            null,
                            failed.cause());
                case End ignored -> {
                    if (event.hasData() && dispatch(event, reply)) {
                        return done(model, messages, reply);
                    }
                    if (reply.finishReason == null) {
                        throw new LlmCallException(
                                Kind.STREAM_BROKEN, "stream ended after " + reply.tokens + " tokens without finishing");
                    }
                    return done(model, messages, reply);
                }
                case Line(String line) -> {
                    if (line.isEmpty()) {
                        int before = reply.tokens;
                        if (dispatch(event, reply)) {
                            return done(model, messages, reply);
                        }
                        if (reply.tokens > before) {
                            lastContent = System.nanoTime();
                        }
                    } else if (!line.startsWith(":")) {
                        event.field(line);
                    }
                }
                default -> throw new LlmCallException(Kind.STREAM_BROKEN, "unexpected stream event");
            }
        }
    }

    /** Handles one complete event and clears it; true when it ends the stream ({@code [DONE]}). */
    private boolean dispatch(ServerSentEvent event, Reply reply) throws LlmCallException {
        String name = event.name();
        String data = event.take();
        if (data.isEmpty()) {
            return false;
        }
        if (data.strip().equals("[DONE]")) {
            return true;
        }
        if (name.equals("error")) {
            throw streamError(parseOrNull(data), data, reply.tokens);
        }
        if (!name.isEmpty() && !name.equals("message")) {
            return false; // events of other names carry no completion chunks
        }
        JsonNode chunk = parse(data);
        if (chunk.has("error")) {
            throw streamError(chunk, data, reply.tokens);
        }
        reply.accept(chunk);
        return false;
    }

    private static LlmCallException streamError(JsonNode body, String raw, int tokens) {
        JsonNode error = body == null ? null : body.has("error") ? body.path("error") : body;
        String code = error == null ? "" : text(error.path("code"));
        String type = error == null ? "" : text(error.path("type"));
        String message = error == null ? raw : text(error.path("message"));
        Kind kind = ProviderErrors.classify(0, code, type, message);
        String detail = "provider error in the stream after " + tokens + " tokens"
                + (code.isEmpty() ? "" : " (" + code + ")") + (message.isEmpty() ? "" : ": " + message);
        return new LlmCallException(kind, detail);
    }

    /** A string field, or empty when it is missing, null or not a string. */
    static String text(JsonNode node) {
        return node != null && node.isString() ? node.stringValue() : "";
    }

    private JsonNode parseOrNull(String data) {
        try {
            return json.readTree(data);
        } catch (JacksonException e) {
            return null;
        }
    }

    private Result done(String model, List<ChatMessage> messages, Reply reply) throws LlmCallException {
        if ("error".equals(reply.finishReason)) {
            throw new LlmCallException(
                    Kind.STREAM_BROKEN,
                    "the provider ended the reply with finish_reason \"error\" after " + reply.tokens + " tokens");
        }
        if (reply.tokens == 0) {
            throw new LlmCallException(Kind.STREAM_BROKEN, "the provider finished without any content");
        }
        LlmReply.Usage usage = reply.usage;
        if (usage == null) {
            int prompt = estimateTokens(
                    messages.stream().mapToInt(m -> m.content().length()).sum());
            int completion = Math.max(reply.tokens, estimateTokens(reply.chars));
            usage = new LlmReply.Usage(prompt, completion, prompt + completion, true);
        }
        return new Result(
                reply.finishReason == null ? "stop" : reply.finishReason,
                usage,
                reply.model == null || reply.model.isBlank() ? model : reply.model,
                reply.tokens);
    }

    private LlmCallException providerError(String model, Head head, Exchange exchange, Deadline deadline)
            throws InterruptedException {
        String body = readErrorBody(exchange, deadline);
        String code = "";
        String type = "";
        String message = "";
        try {
            JsonNode error = json.readTree(body).path("error");
            code = text(error.path("code"));
            type = text(error.path("type"));
            message = text(error.path("message"));
        } catch (JacksonException e) {
            message = body.length() > 200 ? body.substring(0, 200) : body;
        }
        int status = head.status();
        String detail = "HTTP " + status + (code.isEmpty() ? "" : " " + code) + " from the provider for model " + model
                + (message.isEmpty() ? "" : ": " + message);
        Kind kind = ProviderErrors.classify(status, code, type, message);
        if (kind == Kind.REJECTED) {
            log.error("the provider rejected the request, not retrying: {}", detail);
        } else {
            log.warn("{}", detail);
        }
        Duration hint = kind == Kind.RATE_LIMITED || kind == Kind.SERVER_ERROR
                ? retryHint(head.headers(), kind == Kind.RATE_LIMITED)
                : null;
        return new LlmCallException(kind, detail, hint, null);
    }

    private static String readErrorBody(Exchange exchange, Deadline deadline) throws InterruptedException {
        StringBuilder body = new StringBuilder();
        long until = System.nanoTime() + deadline.capNanos(ERROR_BODY_WAIT.toNanos());
        while (body.length() < MAX_ERROR_BODY_CHARS) {
            Object event = exchange.next(Math.max(0, until - System.nanoTime()));
            if (!(event instanceof Line(String line))) {
                break;
            }
            body.append(line).append('\n');
        }
        return body.toString();
    }

    /**
     * How long the provider asked us to wait, or null: {@code retry-after-ms}, else {@code retry-after}
     * (seconds or an HTTP date), else, for a rate limit, {@code x-ratelimit-reset} (seconds until the
     * window resets, a duration such as {@code 1m30s}, or an epoch second).
     */
    static Duration retryHint(HttpHeaders headers, boolean rateLimited) {
        Duration hint = seconds(headers.firstValue("retry-after-ms").orElse(""), 0.001);
        if (hint == null) {
            hint = retryAfter(headers.firstValue("retry-after").orElse(""));
        }
        if (hint == null && rateLimited) {
            hint = reset(headers.firstValue("x-ratelimit-reset").orElse(""));
        }
        return hint;
    }

    private static Duration retryAfter(String value) {
        Duration seconds = seconds(value, 1);
        if (seconds != null || value.isBlank()) {
            return seconds;
        }
        try {
            Duration until = Duration.between(
                    ZonedDateTime.now(), ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME));
            return until.isNegative() ? Duration.ZERO : until;
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    private static Duration reset(String value) {
        String v = value.strip();
        Duration seconds = seconds(v, 1);
        if (seconds != null) {
            long epochSecond = seconds.toSeconds();
            if (epochSecond > 1_000_000_000L) {
                Duration until = Duration.between(Instant.now(), Instant.ofEpochSecond(epochSecond));
                return until.isNegative() ? Duration.ZERO : until;
            }
            return seconds;
        }
        Matcher parts = DURATION_PART.matcher(v);
        Duration total = Duration.ZERO;
        int end = 0;
        while (parts.find() && parts.start() == end) {
            double amount = Double.parseDouble(parts.group(1));
            double unitSeconds = switch (parts.group(2)) {
                case "h" -> 3600;
                case "m" -> 60;
                case "s" -> 1;
                case "ms" -> 0.001;
                default -> 0;
            };
            total = total.plusNanos((long) (amount * unitSeconds * 1e9));
            end = parts.end();
        }
        return end > 0 && end == v.length() ? total : null;
    }

    private static Duration seconds(String value, double unit) {
        String v = value.strip();
        if (v.isEmpty()) {
            return null;
        }
        try {
            double amount = Double.parseDouble(v);
            if (Double.isNaN(amount) || Double.isInfinite(amount)) {
                return null;
            }
            return Duration.ofNanos(Math.max(0, (long) (amount * unit * 1e9)));
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static LlmCallException timeout(Deadline deadline, boolean streaming) {
        if (deadline.expired()) {
            return new LlmCallException(Kind.DEADLINE, "the request's deadline passed while waiting for the provider");
        }
        return streaming
                ? new LlmCallException(Kind.STREAM_BROKEN, "no token within the idle timeout")
                : new LlmCallException(Kind.FIRST_TOKEN_TIMEOUT, "no token within the first-token timeout");
    }

    private static LlmCallException connectFailure(Throwable cause) {
        Throwable root = cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null
                ? cause.getCause()
                : cause;
        String what = root instanceof HttpConnectTimeoutException
                ? "connect timeout"
                : root instanceof ConnectException ? "connection refused" : describe(root);
        return new LlmCallException(Kind.CONNECT, "no response from the provider: " + what, null, root);
    }

    private static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private JsonNode parse(String data) throws LlmCallException {
        try {
            return json.readTree(data);
        } catch (JacksonException e) {
            throw new LlmCallException(Kind.STREAM_BROKEN, "malformed stream event", null, e);
        }
    }

    private String body(String model, List<ChatMessage> messages) {
        ObjectNode body = json.createObjectNode();
        body.put("model", model);
        body.put("stream", true);
        body.put("max_tokens", properties.maxTokens());
        LlmProperties.ModelOptions options = properties.optionsFor(model);
        body.put("temperature", options.temperature() != null ? options.temperature() : properties.temperature());
        if (options.topP() != null) {
            body.put("top_p", options.topP());
        }
        if (options.topK() != null) {
            body.put("top_k", options.topK());
        }
        if (options.repetitionPenalty() != null) {
            body.put("repetition_penalty", options.repetitionPenalty());
        }
        if (!options.stop().isEmpty()) {
            ArrayNode stop = body.putArray("stop");
            options.stop().forEach(stop::add);
        }
        ArrayNode list = body.putArray("messages");
        for (ChatMessage message : messages) {
            list.addObject().put("role", message.role()).put("content", message.content());
        }
        return json.writeValueAsString(body);
    }

    /** About four characters a token for the languages this app speaks; only used when the provider sends no usage. */
    private static int estimateTokens(int chars) {
        return Math.max(1, (chars + 3) / 4);
    }

    /** What the chunks of one call said so far. */
    private static final class Reply {

        private final StreamListener listener;
        int tokens;
        int chars;
        String finishReason;
        LlmReply.Usage usage;
        String model;

        Reply(StreamListener listener) {
            this.listener = listener;
        }

        /** A completion chunk: content may be null or absent, choices may be empty (a usage-only chunk). */
        void accept(JsonNode chunk) {
            if (chunk.path("model").isString()) {
                model = chunk.path("model").stringValue();
            }
            JsonNode choice = chunk.path("choices").path(0);
            String content = text(choice.path("delta").path("content"));
            if (!content.isEmpty()) {
                tokens++;
                chars += content.length();
                listener.onToken(content);
            }
            String finish = text(choice.path("finish_reason"));
            if (!finish.isEmpty()) {
                finishReason = finish;
            }
            JsonNode reported = chunk.path("usage");
            if (reported.isObject()) {
                usage = new LlmReply.Usage(
                        reported.path("prompt_tokens").asInt(0),
                        reported.path("completion_tokens").asInt(0),
                        reported.path("total_tokens").asInt(0),
                        false);
            }
        }
    }

    /** The fields of one server-sent event as its lines arrive. */
    private static final class ServerSentEvent {

        private final StringBuilder data = new StringBuilder();
        private boolean hasData;
        private String name = "";

        void field(String line) {
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "data" -> {
                    if (hasData) {
                        data.append('\n');
                    }
                    data.append(value);
                    hasData = true;
                }
                case "event" -> name = value.strip();
                default -> {} // id, retry and unknown fields
            }
        }

        boolean hasData() {
            return hasData;
        }

        String name() {
            return name;
        }

        /** The data, joined by line breaks, and a fresh start for the next event. */
        String take() {
            String taken = data.toString();
            data.setLength(0);
            hasData = false;
            name = "";
            return taken;
        }
    }

    private record Head(int status, HttpHeaders headers) {}

    private record Line(String text) {}

    private record Failed(Throwable cause) {}

    private enum End {
        INSTANCE
    }

    /** The response as a queue of events, filled by the HTTP client's threads. */
    private static final class Exchange implements Flow.Subscriber<String> {

        final LinkedBlockingQueue<Object> events = new LinkedBlockingQueue<>();
        private volatile Flow.Subscription subscription;
        private volatile boolean cancelled;

        HttpResponse.BodySubscriber<Void> begin(HttpResponse.ResponseInfo info) {
            events.add(new Head(info.statusCode(), info.headers()));
            return HttpResponse.BodySubscribers.fromLineSubscriber(this);
        }

        Object next(long timeoutNanos) throws InterruptedException {
            return events.poll(timeoutNanos, TimeUnit.NANOSECONDS);
        }

        void cancel() {
            cancelled = true;
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (cancelled) {
                s.cancel();
            } else {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(String line) {
            events.add(new Line(line));
        }

        @Override
        public void onError(Throwable failure) {
            events.add(new Failed(failure));
        }

        @Override
        public void onComplete() {
            events.add(End.INSTANCE);
        }
    }
}
