package com.companion.auth;

import com.companion.auth.audit.ClientInfo;
import com.companion.platform.web.PlatformOpenApi;
import io.swagger.v3.oas.models.OpenAPI;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description at {@code /v3/api-docs}, with the snake_case names the API really uses. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        // Resolved from the token and the request, never sent by the client.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(ClientInfo.class);
    }

    @Bean
    OpenAPI authOpenApi() {
        return PlatformOpenApi.describe(
                "auth-service", "Accounts, sign-in, device sessions, access tokens and their keys, plans");
    }
}
