package com.companion.platform.web;

import com.companion.platform.web.problem.PlatformExceptionHandler;
import com.companion.platform.web.problem.ProblemErrorController;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

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
