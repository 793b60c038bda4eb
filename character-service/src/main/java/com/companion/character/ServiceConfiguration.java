package com.companion.character;

import com.companion.contracts.character.CharacterType;
import com.companion.platform.web.PlatformOpenApi;
import com.companion.platform.web.security.PlatformSecurity;
import io.swagger.v3.oas.models.OpenAPI;
import java.time.Clock;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Scheduling runs the re-screening of characters never screened ({@code moderation}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ServiceConfiguration {

    /** The catalogue and the preview of a share link are open; an anonymous caller is a null user. */
    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return PlatformSecurity.build(
                http,
                auth -> auth.requestMatchers(HttpMethod.GET, "/characters/public")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/characters/shared/*")
                        .permitAll());
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    CharacterTypeParameter characterTypeParameter() {
        return new CharacterTypeParameter();
    }

    /** Query parameters use the wire names ({@code girlfriend}), like JSON bodies. */
    static final class CharacterTypeParameter implements Converter<String, CharacterType> {

        @Override
        public CharacterType convert(String source) {
            return CharacterType.valueOf(source.strip().toUpperCase(Locale.ROOT));
        }
    }

    @Bean
    OpenAPI characterServiceApi() {
        return PlatformOpenApi.describe(
                "character-service", "Characters, personality, 18+ mode, visibility, sharing, public catalogue");
    }
}
