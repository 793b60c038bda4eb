package com.companion.gateway.auth;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Request headers that claim who the caller is. A client could send any of them; none is ever
 * forwarded. Matching is case-insensitive; {@code prefixes} catch whole families.
 */
@Validated
@ConfigurationProperties("gateway.identity-headers")
public record IdentityHeadersProperties(
        @DefaultValue({
            "X-Forwarded-User",
            "X-Forwarded-Email",
            "X-Forwarded-Preferred-Username",
            "X-Forwarded-Groups",
            "X-Remote-User",
            "Remote-User",
            "X-Authenticated-User",
            "X-Principal",
            "X-Roles",
            "X-Plan",
            "X-Is-Adult",
            "X-Impersonate-User",
            "X-Consumer-Id",
            "X-Consumer-Username",
            "X-Credential-Identifier",
            "X-Userinfo",
            "X-Jwt-Claims"
        })
        List<String> names,

        @DefaultValue({"X-User-", "X-Auth-", "X-Authenticated-", "X-Identity-", "X-Internal-", "X-Ms-Client-Principal"})
        List<String> prefixes) {}
