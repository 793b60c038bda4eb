package com.companion.worker.title;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How conversations are named.
 *
 * @param groupId the consumer group of the title queue, apart from the reply queue's
 * @param deadline the most one title may take; past it the session stays unnamed
 * @param maxMessages how many of the first messages the model reads
 * @param maxMessageChars each message is cut to this many characters in the title prompt
 */
@Validated
@ConfigurationProperties("worker.titles")
public record TitleProperties(
        @NotBlank String groupId,
        @NotNull Duration deadline,
        @Positive int maxMessages,
        @Positive int maxMessageChars) {}
