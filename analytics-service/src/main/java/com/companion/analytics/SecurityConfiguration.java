package com.companion.analytics;

import com.companion.platform.web.security.PlatformSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * Every endpoint of this service is an administrator's: the role is needed before anything else is read, so that
     * to anyone else they do not exist (404, see {@link PlatformSecurity}) whatever the method or the parameters. In
     * the controller alone, a wrong method would answer 405 first and tell a caller the route is there.
     */
    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return PlatformSecurity.build(
                http, auth -> auth.requestMatchers("/admin/**").hasRole("admin"));
    }
}
