package com.companion.gateway.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param trustedProxies addresses or CIDR ranges of the proxies in front of the gateway (a load
 *     balancer, an ingress). Only a request whose peer is one of them may say, in {@code
 *     X-Forwarded-For}, who the client is; empty means the peer address is the client.
 */
@Validated
@ConfigurationProperties("gateway.client-address")
public record ClientAddressProperties(@DefaultValue List<String> trustedProxies) {}
