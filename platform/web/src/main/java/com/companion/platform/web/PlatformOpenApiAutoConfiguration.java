package com.companion.platform.web;

import com.companion.platform.web.security.AuthenticatedUser;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * For services that publish their API with springdoc: models are described with the snake_case
 * names the API really uses (springdoc has its own Jackson 2 mapper that knows nothing of Boot's
 * naming), and the caller resolved from the token is not shown as a request parameter.
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.springdoc.core.providers.ObjectMapperProvider")
public class PlatformOpenApiAutoConfiguration {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(AuthenticatedUser.class);
    }

    @Bean
    @ConditionalOnMissingBean(ModelResolver.class)
    ModelResolver snakeCaseModelResolver(ObjectMapperProvider mappers) {
        return new ModelResolver(
                mappers.jsonMapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }
}
