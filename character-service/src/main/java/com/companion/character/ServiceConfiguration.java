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

    /**
     * One character by id, shaped as a UUID so that {@code /characters/mine} and the other lists of one's own stay
     * closed.
     */
    static final String CHARACTER_BY_ID =
            "/characters/{id:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}";

    /**
     * Reading is open where the access rule decides alone (the catalogue, one character by id, the preview of a share
     * link): an anonymous caller is a null user and sees what {@code CharacterAccess} lets a non-adult stranger see.
     * A token that is sent must be valid. Every change needs one.
     */
    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return PlatformSecurity.build(
                http,
                auth -> auth.requestMatchers(
                                HttpMethod.GET, "/characters/public", CHARACTER_BY_ID, "/characters/shared/*")
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
