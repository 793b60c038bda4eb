package com.companion.worker.llm;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The LLM provider: an OpenAI-compatible chat completions API (Together AI by default).
 *
 * @param baseUrl the API root, e.g. {@code https://api.together.xyz/v1} ({@code LLM_BASE_URL})
 * @param apiKey the bearer key ({@code TOGETHER_API_KEY}); never logged
 * @param model the preferred model ({@code LLM_MODEL})
 * @param fallbackModels tried in order when a model is not served ({@code LLM_FALLBACK_MODELS})
 * @param modelRecheckInterval how long a model that answered "not available" is skipped
 * @param maxTokens the reply length cap sent to the provider
 * @param temperature the sampling temperature sent to the provider
 * @param connectTimeout to open a connection
 * @param firstTokenTimeout from sending a request to its first content token
 * @param idleTimeout between two tokens of a streaming reply
 * @param httpVersion HTTP/1.1 by default: one connection per generation, no stream limit per connection
 */
@Validated
@ConfigurationProperties("worker.llm")
public record LlmProperties(
        @NotNull URI baseUrl,
        String apiKey,
        @NotBlank String model,
        @NotNull List<@NotBlank String> fallbackModels,
        @NotNull Duration modelRecheckInterval,
        @Positive int maxTokens,
        @DecimalMin("0.0") @DecimalMax("2.0") double temperature,
        @NotNull Duration connectTimeout,
        @NotNull Duration firstTokenTimeout,
        @NotNull Duration idleTimeout,
        @NotNull HttpClient.Version httpVersion,
        @Valid @NotNull Retry retry,
        @Valid @NotNull Circuit circuit) {

    /**
     * Retries of a call that failed before its first token, and restarts of a reply whose stream
     * broke after it began. Both are also bounded by the request's deadline.
     *
     * @param maxRetries calls retried after 429, 5xx, connection errors or a first-token timeout
     * @param maxRestarts times a reply is started over after its stream broke mid-way
     */
    public record Retry(
            @PositiveOrZero int maxRetries,
            @PositiveOrZero int maxRestarts,
            @NotNull Duration initialBackoff,
            @DecimalMin("1.0") double multiplier,
            @NotNull Duration maxBackoff) {}

    /** The circuit breaker around the provider (Resilience4j, count-based window). */
    public record Circuit(
            @Min(1) @Max(100) int failureRateThreshold,
            @Positive int slidingWindowSize,
            @Positive int minimumCalls,
            @NotNull Duration waitInOpen,
            @Positive int halfOpenCalls) {}

    /** The preferred model, then the fallbacks, without repeats. */
    public List<String> models() {
        Set<String> models = new LinkedHashSet<>();
        models.add(model.strip());
        fallbackModels.stream().map(String::strip).filter(m -> !m.isEmpty()).forEach(models::add);
        return List.copyOf(models);
    }

    public boolean hasApiKey() {
        return apiKey != null && !apiKey.isBlank();
    }

    @Override
    public String toString() {
        return "LlmProperties[baseUrl=" + baseUrl + ", apiKey=" + (hasApiKey() ? "(set)" : "(unset)") + ", models="
                + models() + ", maxTokens=" + maxTokens + ", temperature=" + temperature + ", connectTimeout="
                + connectTimeout + ", firstTokenTimeout=" + firstTokenTimeout + ", idleTimeout=" + idleTimeout
                + ", retry=" + retry + ", circuit=" + circuit + "]";
    }
}
