package com.companion.worker.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.companion.worker.InferenceWorkerApplication;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Pointed at a real provider without a key, the worker does not start, and says which variable is missing. */
class ApiKeyRequirementTest {

    @Test
    void theWorkerRefusesToStartAgainstARealProviderWithoutAKey() {
        assertThatThrownBy(() -> start("--worker.llm.base-url=https://api.together.xyz/v1", "--worker.llm.api-key="))
                .rootCause()
                .hasMessageContaining("TOGETHER_API_KEY is not set")
                .hasMessageContaining("https://api.together.xyz/v1");
    }

    @Test
    void whetherAKeyIsRequiredFollowsTheBaseUrlUnlessConfigured() {
        assertThat(properties("http://127.0.0.1:8090/v1", null, LlmProperties.KeyRequirement.AUTO)
                        .hasApiKey())
                .as("the offline LLM over http needs no key")
                .isFalse();
        assertThat(properties("https://llm.internal/v1", null, LlmProperties.KeyRequirement.NEVER)
                        .hasApiKey())
                .isFalse();
        assertThat(properties("https://api.together.xyz/v1", "k", LlmProperties.KeyRequirement.AUTO)
                        .hasApiKey())
                .isTrue();
        assertThatThrownBy(() -> properties("http://vllm:8000/v1", " ", LlmProperties.KeyRequirement.ALWAYS))
                .hasMessageContaining("TOGETHER_API_KEY");
    }

    @Test
    void aTemperatureAboveWhatTogetherAcceptsIsRefusedAtStart() {
        assertThatThrownBy(() -> start("--worker.llm.base-url=http://127.0.0.1:1/v1", "--worker.llm.temperature=1.3"))
                .hasStackTraceContaining("worker.llm.temperature");
    }

    private static LlmProperties properties(String baseUrl, String key, LlmProperties.KeyRequirement requirement) {
        LlmProperties base = CompletionCallTest.properties(URI.create("http://127.0.0.1/v1"));
        return new LlmProperties(
                URI.create(baseUrl),
                key,
                requirement,
                base.model(),
                List.of(),
                base.modelRecheckInterval(),
                base.maxTokens(),
                base.temperature(),
                Map.of(),
                base.connectTimeout(),
                base.firstTokenTimeout(),
                base.idleTimeout(),
                base.httpVersion(),
                base.retry(),
                base.circuit());
    }

    private static void start(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "--spring.kafka.bootstrap-servers=127.0.0.1:1";
        all[1] = "--server.port=0";
        all[2] = "--platform.guard.moderation.api-key=";
        System.arraycopy(args, 0, all, 3, args.length);
        try (ConfigurableApplicationContext ignored =
                new SpringApplicationBuilder(InferenceWorkerApplication.class).run(all)) {
            throw new AssertionError("the worker started");
        }
    }
}
