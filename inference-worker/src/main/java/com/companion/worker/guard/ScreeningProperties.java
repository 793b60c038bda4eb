package com.companion.worker.guard;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the guard sees besides the text.
 *
 * @param conversationMessages how many of the latest history messages go to the guard with each check, so a
 *     roleplay that states an age in one message and turns sexual in the next is judged as one conversation; the
 *     guard library asks for at least six
 */
@Validated
@ConfigurationProperties("worker.guard")
public record ScreeningProperties(@DefaultValue("6") @Min(6) int conversationMessages) {}
