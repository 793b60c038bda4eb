package com.companion.worker.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.companion.platform.guard.autoconfigure.GuardProperties;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class ModerationDefaultsTest {

    @Test
    void withTheProviderKeyLlamaGuardIsOnAtTheLlmsProvider() {
        GuardProperties.Moderation moderation = bind(Map.of(
                "worker.llm.base-url", "http://127.0.0.1:8090/v1/",
                "platform.guard.moderation.api-key", "key"));

        assertThat(moderation.enabled()).isTrue();
        assertThat(moderation.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:8090"));
        assertThat(moderation.apiKey()).isEqualTo("key");
    }

    @Test
    void withoutAKeyItStaysOff() {
        assertThat(bind(Map.of(
                                "worker.llm.base-url", "https://api.together.xyz/v1",
                                "platform.guard.moderation.api-key", ""))
                        .enabled())
                .isFalse();
        assertThat(bind(Map.of("worker.llm.base-url", "https://api.together.xyz/v1"))
                        .enabled())
                .isFalse();
    }

    @Test
    void explicitSettingsWin() {
        GuardProperties.Moderation moderation = bind(Map.of(
                "worker.llm.base-url", "http://127.0.0.1:8090/v1",
                "platform.guard.moderation.api-key", "key",
                "platform.guard.moderation.enabled", "false",
                "platform.guard.moderation.base-url", "https://api.together.xyz"));

        assertThat(moderation.enabled()).isFalse();
        assertThat(moderation.baseUrl()).isEqualTo(URI.create("https://api.together.xyz"));
    }

    @Test
    void theProviderRootDropsTheApiVersion() {
        assertThat(ModerationDefaults.providerRoot("https://api.together.xyz/v1"))
                .isEqualTo("https://api.together.xyz");
        assertThat(ModerationDefaults.providerRoot("https://llm.example/openai/v1//"))
                .isEqualTo("https://llm.example/openai");
        assertThat(ModerationDefaults.providerRoot("https://api.together.xyz")).isEqualTo("https://api.together.xyz");
    }

    private static GuardProperties.Moderation bind(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", new HashMap<>(properties)));
        new ModerationDefaults().postProcessEnvironment(environment, null);
        return Binder.get(environment)
                .bindOrCreate("platform.guard", GuardProperties.class)
                .moderation();
    }
}
