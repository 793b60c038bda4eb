package com.companion.worker.summary;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How sessions' running summaries are written.
 *
 * @param groupId the consumer group of the summary queue, apart from the reply queue's and the title queue's
 * @param deadline the most one summary may take; past it the session keeps its previous summary
 * @param maxMessages how many of the request's messages the model reads (the latest, when there are more)
 * @param maxMessageChars each message is cut to this many characters in the summary prompt
 * @param maxSummaryChars the longest summary published (the model is asked for less; a longer answer is cut at
 *     a sentence)
 */
@Validated
@ConfigurationProperties("worker.summaries")
public record SummaryProperties(
        @NotBlank String groupId,
        @NotNull Duration deadline,
        @Positive int maxMessages,
        @Positive int maxMessageChars,
        @Min(100) int maxSummaryChars) {}
