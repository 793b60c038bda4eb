package com.companion.platform.web;

import com.companion.platform.web.problem.PlatformExceptionHandler;
import com.companion.platform.web.problem.ProblemErrorController;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@EnableConfigurationProperties(WebProperties.class)
@Import({PlatformExceptionHandler.class, ProblemErrorController.class})
public class PlatformWebAutoConfiguration {

    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(WebProperties properties) {
        FilterRegistrationBean<BodyLimitFilter> registration = new FilterRegistrationBean<>(
                new BodyLimitFilter(properties.maxJsonBody().toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /**
     * A JSON number or boolean where text is expected is refused (400 validation naming the field) instead of being
     * read as its digits ({@code "message": 123} as {@code "123"}), as a string where a number is expected already is
     * ({@code spring.jackson.mapper.allow-coercion-of-scalars=false}).
     */
    @Bean
    JsonMapperBuilderCustomizer textIsText() {
        return builder -> builder.withCoercionConfig(LogicalType.Textual, text -> {
            text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
            text.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
            text.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        });
    }

    /** Runs right after Spring Security has authenticated the request. */
    @Bean
    FilterRegistrationBean<CallerLogContext> callerLogContext() {
        FilterRegistrationBean<CallerLogContext> registration = new FilterRegistrationBean<>(new CallerLogContext());
        registration.setOrder(
                org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties
                                .DEFAULT_FILTER_ORDER
                        + 1);
        return registration;
    }
}
