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
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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
        // A placeholder keeps the header well-formed: the offline LLM takes any key, a real provider answers 401.
        this.authorization =
                "Bearer " + (properties.hasApiKey() ? properties.apiKey().strip() : "unset");
    }

    Result execute(String model, List<ChatMessage> messages, Deadline deadline, StreamListener listener)
            throws LlmCallException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body(model, messages), StandardCharsets.UTF_8));
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

    private Result readStream(
            String model,
            Exchange exchange,
            Deadline deadline,
            long firstTokenBy,
            StreamListener listener,
            List<ChatMessage> messages)
            throws LlmCallException, InterruptedException {
        int tokens = 0;
        int completionChars = 0;
        String finishReason = null;
        LlmReply.Usage usage = null;
        String reportedModel = null;
        while (true) {
            long wait = tokens == 0
                    ? firstTokenBy - System.nanoTime()
                    : properties.idleTimeout().toNanos();
            Object event = exchange.next(deadline.capNanos(wait));
            switch (event) {
                case null -> throw timeout(deadline, tokens > 0);
                case Failed failed ->
                    throw new LlmCallException(
                            Kind.STREAM_BROKEN,
                            "stream failed after " + tokens + " tokens: " + describe(failed.cause()),
                            null,
                            failed.cause());
                case End ignored -> {
                    if (finishReason == null) {
                        throw new LlmCallException(
                                Kind.STREAM_BROKEN, "stream ended after " + tokens + " tokens without finishing");
                    }
                    return done(model, messages, tokens, completionChars, finishReason, usage, reportedModel);
                }
                case Line(String line) -> {
                    if (!line.startsWith("data:")) {
                        continue; // blank separators, comments, event/id/retry fields
                    }
                    String data = line.substring(5).strip();
                    if (data.equals("[DONE]")) {
                        return done(model, messages, tokens, completionChars, finishReason, usage, reportedModel);
                    }
                    JsonNode chunk = parse(data);
                    if (chunk.has("error")) {
                        throw new LlmCallException(
                                Kind.STREAM_BROKEN,
                                "provider error mid-stream: "
                                        + chunk.path("error").path("message").asString(""));
                    }
                    if (chunk.path("model").isString()) {
                        reportedModel = chunk.path("model").asString();
                    }
                    JsonNode choice = chunk.path("choices").path(0);
                    String content = choice.path("delta").path("content").asString("");
                    if (!content.isEmpty()) {
                        tokens++;
                        completionChars += content.length();
                        listener.onToken(content);
                    }
                    String finish = choice.path("finish_reason").asString("");
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
                default -> throw new LlmCallException(Kind.STREAM_BROKEN, "unexpected stream event");
            }
        }
    }

    private Result done(
            String model,
            List<ChatMessage> messages,
            int tokens,
            int completionChars,
            String finishReason,
            LlmReply.Usage usage,
            String reportedModel)
            throws LlmCallException {
        if (tokens == 0) {
            throw new LlmCallException(Kind.STREAM_BROKEN, "the provider finished without any content");
        }
        if (usage == null) {
            int prompt = estimateTokens(
                    messages.stream().mapToInt(m -> m.content().length()).sum());
            int completion = Math.max(tokens, estimateTokens(completionChars));
            usage = new LlmReply.Usage(prompt, completion, prompt + completion, true);
        }
        return new Result(
                finishReason == null ? "stop" : finishReason,
                usage,
                reportedModel == null || reportedModel.isBlank() ? model : reportedModel,
                tokens);
    }

    private LlmCallException providerError(String model, Head head, Exchange exchange, Deadline deadline)
            throws InterruptedException {
        String body = readErrorBody(exchange, deadline);
        String code = "";
        String message = "";
        try {
            JsonNode error = json.readTree(body).path("error");
            code = error.path("code").asString("");
            message = error.path("message").asString("");
        } catch (JacksonException e) {
            message = body.length() > 200 ? body.substring(0, 200) : body;
        }
        int status = head.status();
        String detail = "HTTP " + status + (code.isEmpty() ? "" : " " + code) + " from the provider for model " + model
                + (message.isEmpty() ? "" : ": " + message);
        Kind kind;
        if (status == 429) {
            kind = Kind.RATE_LIMITED;
        } else if ((status == 400 && code.equals("model_not_available"))
                || (status == 404 && code.equals("model_not_found"))) {
            kind = Kind.MODEL_UNAVAILABLE;
        } else if (status == 408 || status >= 500) {
            kind = Kind.SERVER_ERROR;
        } else {
            kind = Kind.REJECTED;
        }
        if (kind == Kind.REJECTED) {
            log.error("the provider rejected the request, not retrying: {}", detail);
        } else {
            log.warn("{}", detail);
        }
        return new LlmCallException(kind, detail, retryAfter(head.headers()), null);
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

    /** {@code retry-after} in seconds or as an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(HttpHeaders headers) {
        String value = headers.firstValue("retry-after").orElse("").strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Duration.ofMillis(Math.max(0, (long) (Double.parseDouble(value) * 1000)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(
                        ZonedDateTime.now(), ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException unreadable) {
                return null;
            }
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
        body.put("temperature", properties.temperature());
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
