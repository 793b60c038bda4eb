package com.companion.gateway.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param allowedFrom client addresses or CIDR ranges that may read {@code /actuator/prometheus}
 *     (the scraper's network); everyone else gets 404. The client address is the one {@link
 *     ClientAddressFilter} decides, so with the trusted proxies configured, internet callers
 *     behind a load balancer are not mistaken for the private network.
 */
@Validated
@ConfigurationProperties("gateway.metrics")
public record MetricsAccessProperties(
        @DefaultValue({"127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"})
        List<String> allowedFrom) {}
