package com.companion.chat;

import com.companion.platform.web.PlatformOpenApi;
import io.swagger.v3.oas.models.OpenAPI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description at {@code /v3/api-docs}, with the snake_case names the API really uses. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI chatOpenApi() {
        return PlatformOpenApi.describe(
                "chat-service",
                "Sessions, messages and their alternatives, sending and streaming replies, memories, search, reports");
    }
}
