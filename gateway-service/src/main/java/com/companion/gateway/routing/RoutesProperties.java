package com.companion.gateway.routing;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where each service listens (defaults: the local stack), and the one route whose answer may
 * take long.
 *
 * @param chatSendTimeout how long {@code POST /chat/send} may take: longer than chat-service's
 *     own wait for the reply ({@code CHAT_SEND_WAIT}, 60 s), after which it answers 202
 */
@Validated
@ConfigurationProperties("gateway.routes")
public record RoutesProperties(
        @NotNull URI auth,
        @NotNull URI character,
        @NotNull URI chat,
        @NotNull URI media,
        @NotNull URI ad,
        @NotNull URI analytics,
        @DefaultValue("75s") @NotNull Duration chatSendTimeout) {

    /** Each service by its name, in a stable order. */
    public Map<String, URI> services() {
        Map<String, URI> services = new LinkedHashMap<>();
        services.put("auth", auth);
        services.put("character", character);
        services.put("chat", chat);
        services.put("media", media);
        services.put("ad", ad);
        services.put("analytics", analytics);
        return services;
    }
}
