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
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The LLM provider: an OpenAI-compatible chat completions API (Together AI by default).
 *
 * @param baseUrl the API root, e.g. {@code https://api.together.xyz/v1} ({@code LLM_BASE_URL})
 * @param apiKey the bearer key ({@code TOGETHER_API_KEY}); never logged
 * @param requireApiKey whether the worker refuses to start without a key ({@code LLM_API_KEY_REQUIRED}):
 *     {@code auto} (the default) requires one for an {@code https} base URL, that is any real
 *     provider; the offline LLM speaks plain {@code http} and takes any key
 * @param model the preferred model ({@code LLM_MODEL})
 * @param fallbackModels tried in order when a model cannot serve ({@code LLM_FALLBACK_MODELS})
 * @param modelRecheckInterval how long a model that answered "cannot serve" is skipped
 * @param maxTokens the reply length cap sent to the provider
 * @param temperature the sampling temperature sent to the provider: 0–1, the range Together documents
 * @param modelOptions sampling and stop sequences for one model (by its name), over the defaults
 * @param connectTimeout to open a connection
 * @param firstTokenTimeout from sending a request to its first content token
 * @param idleTimeout between two content tokens of a streaming reply (comments and empty chunks do not count)
 * @param httpVersion HTTP/1.1 by default: one connection per generation, no stream limit per connection
 */
@Validated
@ConfigurationProperties("worker.llm")
public record LlmProperties(
        @NotNull URI baseUrl,
        String apiKey,
        KeyRequirement requireApiKey,
        @NotBlank String model,
        @NotNull List<@NotBlank String> fallbackModels,
        @NotNull Duration modelRecheckInterval,
        @Positive int maxTokens,
        @DecimalMin("0.0") @DecimalMax("1.0") double temperature,
        Map<String, @Valid ModelOptions> modelOptions,
        @NotNull Duration connectTimeout,
        @NotNull Duration firstTokenTimeout,
        @NotNull Duration idleTimeout,
        @NotNull HttpClient.Version httpVersion,
        @Valid @NotNull Retry retry,
        @Valid @NotNull Circuit circuit) {

    /** The environment variable the key comes from, named in every message about a missing key. */
    public static final String API_KEY_VARIABLE = "TOGETHER_API_KEY";

    public enum KeyRequirement {
        /** Required when the base URL is {@code https}. */
        AUTO,
        ALWAYS,
        NEVER
    }

    public LlmProperties {
        requireApiKey = requireApiKey == null ? KeyRequirement.AUTO : requireApiKey;
        modelOptions = modelOptions == null ? Map.of() : Map.copyOf(modelOptions);
        if (baseUrl != null && keyRequired(requireApiKey, baseUrl) && (apiKey == null || apiKey.isBlank())) {
            throw new IllegalStateException(API_KEY_VARIABLE + " is not set, but worker.llm.base-url (LLM_BASE_URL) "
                    + baseUrl + " is a real provider, which answers 401 to every request without a key. Set "
                    + API_KEY_VARIABLE + ", or point LLM_BASE_URL at the offline LLM (http://127.0.0.1:8090/v1),"
                    + " or set LLM_API_KEY_REQUIRED=never for a provider that needs no key.");
        }
    }

    private static boolean keyRequired(KeyRequirement requirement, URI baseUrl) {
        return switch (requirement) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> "https".equalsIgnoreCase(baseUrl.getScheme());
        };
    }

    /**
     * What one model asks for beyond the defaults; each field left out keeps the default (or sends
     * nothing). Ranges are the ones Together's OpenAPI document gives.
     *
     * @param temperature overrides {@code worker.llm.temperature}
     * @param topP nucleus sampling, 0–1
     * @param topK the number of candidate tokens, at least 1
     * @param repetitionPenalty above 1 discourages repeats
     * @param stop sequences that end the reply, e.g. the model's end-of-turn token
     */
    public record ModelOptions(
            @DecimalMin("0.0") @DecimalMax("1.0") Double temperature,
            @DecimalMin("0.0") @DecimalMax("1.0") Double topP,
            @Positive Integer topK,

            @DecimalMin(value = "0.0", inclusive = false) @DecimalMax("2.0")
            Double repetitionPenalty,

            List<@NotBlank String> stop) {

        public static final ModelOptions NONE = new ModelOptions(null, null, null, null, List.of());

        public ModelOptions {
            stop = stop == null ? List.of() : List.copyOf(stop);
        }
    }

    /** The options for {@code model}, or {@link ModelOptions#NONE}. */
    public ModelOptions optionsFor(String model) {
        return modelOptions.getOrDefault(model, ModelOptions.NONE);
    }

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
                + models() + ", maxTokens=" + maxTokens + ", temperature=" + temperature + ", modelOptions="
                + modelOptions + ", connectTimeout="
                + connectTimeout + ", firstTokenTimeout=" + firstTokenTimeout + ", idleTimeout=" + idleTimeout
                + ", retry=" + retry + ", circuit=" + circuit + "]";
    }
}
