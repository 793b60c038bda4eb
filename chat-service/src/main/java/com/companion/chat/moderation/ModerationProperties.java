package com.companion.chat.moderation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param reportsPerHour reports one user may file in an hour ({@code CHAT_REPORTS_PER_HOUR}); past it 429
 * @param autoReportRefusals input refusals of one user within {@code autoReportWindow} that raise a report on them,
 *     0 to turn it off ({@code CHAT_AUTO_REPORT_REFUSALS})
 * @param autoReportWindow the window those refusals are counted in ({@code CHAT_AUTO_REPORT_WINDOW})
 */
@Validated
@ConfigurationProperties("chat.moderation")
record ModerationProperties(
        @Min(1) @Max(10_000) int reportsPerHour,
        @Min(0) @Max(1000) int autoReportRefusals,
        @NotNull Duration autoReportWindow) {}
