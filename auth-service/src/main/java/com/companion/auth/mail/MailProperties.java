package com.companion.auth.mail;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Mail the service sends. The SMTP server itself is Boot's {@code spring.mail.*} (SMTP_HOST,
 * SMTP_PORT, SMTP_USERNAME, SMTP_PASSWORD).
 *
 * @param from the sender (MAIL_FROM), an address or {@code Name <address>}
 * @param publicUrl where people reach the app (AUTH_PUBLIC_URL): links in mail start with it
 * @param senderEnabled whether this instance sends queued mail (every instance may; rows are claimed)
 * @param maxAttempts tries before a mail is given up and kept with {@code failed_at}
 * @param firstRetry the wait after the first failure, doubled after each further one
 * @param maxRetry the longest wait between two tries
 * @param pollInterval how often the sender looks for due mail besides being woken after a commit
 * @param batchSize mail sent per round
 */
@Validated
@ConfigurationProperties("auth.mail")
public record MailProperties(
        @NotBlank @DefaultValue("Companion <no-reply@companion.local>")
        String from,

        @NotNull @DefaultValue("http://localhost:8080") URI publicUrl,
        @DefaultValue("true") boolean senderEnabled,
        @Min(1) @DefaultValue("8") int maxAttempts,
        @NotNull @DefaultValue("5s") Duration firstRetry,
        @NotNull @DefaultValue("30m") Duration maxRetry,
        @NotNull @DefaultValue("10s") Duration pollInterval,
        @Min(1) @DefaultValue("20") int batchSize) {

    /** A link into the web client, {@code path} starting with a slash. */
    public String link(String path) {
        String base = publicUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }
}
