package com.companion.media;

import com.companion.platform.web.security.PlatformSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * The content redirect takes a token when there is one but does not need it: avatars of public
     * all-ages characters load in an {@code <img>} tag, which sends none. The controller decides.
     */
    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return PlatformSecurity.build(
                http,
                auth -> auth.requestMatchers(HttpMethod.GET, "/media/*/content").permitAll());
    }
}
