package com.companion.media;

import com.companion.platform.web.PlatformOpenApi;
import io.swagger.v3.oas.models.OpenAPI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description at {@code /v3/api-docs}, with the snake_case names the API really uses. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI mediaOpenApi() {
        return PlatformOpenApi.describe(
                "media-service", "Uploads validated by their bytes, stored in S3, served by presigned URLs");
    }
}
