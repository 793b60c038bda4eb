package com.companion.gateway.health;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** @param timeout how long a service's health check may take before it counts as unreachable */
@Validated
@ConfigurationProperties("gateway.downstream-health")
public record DownstreamHealthProperties(
        @DefaultValue("2s") @NotNull Duration timeout) {}
