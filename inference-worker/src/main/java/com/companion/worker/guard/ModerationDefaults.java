package com.companion.worker.guard;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * The guard library's Llama Guard layer, set up the way the worker reaches its LLM: it goes to the
 * provider of {@code worker.llm.base-url} (less its {@code /v1}, which the library appends itself), and
 * it is on whenever {@code platform.guard.moderation.api-key} (the worker's {@code TOGETHER_API_KEY}) is
 * set. Without a key it stays off. Both are defaults of the lowest precedence, worked out when read, so
 * an explicit {@code platform.guard.moderation.base-url} or {@code .enabled} (an environment variable, a
 * test property) always wins, and a test that moves the LLM moves the moderation calls with it.
 */
public class ModerationDefaults implements EnvironmentPostProcessor, Ordered {

    static final String BASE_URL = "platform.guard.moderation.base-url";
    static final String ENABLED = "platform.guard.moderation.enabled";
    static final String API_KEY = "platform.guard.moderation.api-key";
    static final String LLM_BASE_URL = "worker.llm.base-url";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new Derived(environment));
    }

    /** After the application's own configuration files are loaded, so it can be added below them. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** {@code https://api.together.xyz/v1/} → {@code https://api.together.xyz}. */
    static String providerRoot(String llmBaseUrl) {
        String root = llmBaseUrl.strip().replaceAll("/+$", "");
        return root.endsWith("/v1") ? root.substring(0, root.length() - "/v1".length()) : root;
    }

    /**
     * The environment is kept beside the source, not as it: Boot expands a property source whose source
     * is an environment into that environment's sources, which would include this one again.
     */
    private static final class Derived extends PropertySource<Object> {

        private final Environment environment;

        Derived(Environment environment) {
            super("workerModerationDefaults");
            this.environment = environment;
        }

        @Override
        public Object getProperty(String name) {
            return switch (name) {
                case BASE_URL -> {
                    String llm = environment.getProperty(LLM_BASE_URL);
                    yield llm == null || llm.isBlank() ? null : providerRoot(llm);
                }
                case ENABLED -> {
                    String key = environment.getProperty(API_KEY);
                    yield key == null || key.isBlank() ? null : "true";
                }
                default -> null;
            };
        }
    }
}
