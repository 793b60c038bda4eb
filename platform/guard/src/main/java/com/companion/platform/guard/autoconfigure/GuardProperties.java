package com.companion.platform.guard.autoconfigure;

import com.companion.platform.guard.Category;
import com.companion.platform.guard.moderation.LlamaGuardClient;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.guard.*}. The learned layer is on by default. The moderation layer is off by default; turning it on needs an API key
 * ({@code PLATFORM_GUARD_MODERATION_API_KEY}, or point the property at {@code ${TOGETHER_API_KEY}}).
 */
@ConfigurationProperties("platform.guard")
public record GuardProperties(
        @DefaultValue Learned learned, @DefaultValue Moderation moderation) {

    /**
     * @param enabled run the learned layer (a sentence-embedding classifier, in-process) after the rules; off leaves
     *     the rules alone in front of the moderation layer
     * @param blocks the categories the learned layer may block in (the rules block in all): all four by default
     * @param warmUp load the model while the service starts (about 1.5 s and 240 MB of native memory), so a service
     *     that cannot load it fails at once; off, the first screened text loads it
     */
    public record Learned(
            @DefaultValue("true") boolean enabled,
            @DefaultValue({"S4", "S3", "S11", "S12"}) Set<Category> blocks,
            @DefaultValue("true") boolean warmUp) {}

    /**
     * @param enabled ask Llama Guard about what the rules let through
     * @param baseUrl the OpenAI-compatible provider root
     * @param apiKey bearer token for the provider; required when enabled
     * @param model the Llama Guard model name at the provider
     * @param timeout the deadline for one moderation answer; past it the fail-safe rule of
     *     {@link com.companion.platform.guard.moderation.LayeredGuard} applies
     */
    public record Moderation(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("https://api.together.xyz") URI baseUrl,
            String apiKey,
            @DefaultValue(LlamaGuardClient.DEFAULT_MODEL) String model,
            @DefaultValue("1500ms") Duration timeout) {}
}
