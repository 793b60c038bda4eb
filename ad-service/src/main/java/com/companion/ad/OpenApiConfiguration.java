package com.companion.ad;

import com.companion.platform.web.PlatformOpenApi;
import io.swagger.v3.oas.models.OpenAPI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description at {@code /v3/api-docs}, with the snake_case names the API really uses. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI adOpenApi() {
        return PlatformOpenApi.describe(
                "ad-service", "The ad shown after every tenth reply on the free plan, and its impressions");
    }
}
