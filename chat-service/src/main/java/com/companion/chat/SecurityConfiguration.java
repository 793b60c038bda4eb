package com.companion.chat;

import com.companion.platform.web.security.PlatformSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * The socket handshake carries its token in the query or the first frame; the handler verifies it. The admin
     * endpoints need the role before anything else is read, so that to anyone else they do not exist (404, see {@link
     * PlatformSecurity}) whatever their parameters: a parameter out of range would otherwise answer 400 first.
     */
    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return PlatformSecurity.build(
                http,
                auth -> auth.requestMatchers("/ws")
                        .permitAll()
                        .requestMatchers("/admin/**")
                        .hasRole("admin"));
    }
}
