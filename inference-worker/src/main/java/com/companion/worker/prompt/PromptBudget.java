package com.companion.worker.prompt;

import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How many tokens a prompt may take: the context of the smallest model the worker may call (the preferred one and
 * its fallbacks, since any of them may get the prompt) less the reply's reserve ({@code LLM_MAX_TOKENS}).
 *
 * @param contextTokens a model's context window unless {@code modelContextTokens} names it ({@code
 *     PROMPT_CONTEXT_TOKENS})
 * @param modelContextTokens context windows of particular models, by model id (none by default)
 */
@Validated
@ConfigurationProperties("worker.prompt.budget")
public record PromptBudget(@Min(512) int contextTokens, Map<String, Integer> modelContextTokens) {

    public PromptBudget {
        modelContextTokens = modelContextTokens == null ? Map.of() : Map.copyOf(modelContextTokens);
    }

    /** The tokens a prompt may take when any of {@code models} may answer with up to {@code replyTokens}. */
    public int promptTokens(List<String> models, int replyTokens) {
        int context = models.stream()
                .mapToInt(model -> modelContextTokens.getOrDefault(model, contextTokens))
                .min()
                .orElse(contextTokens);
        return Math.max(256, context - replyTokens);
    }
}
