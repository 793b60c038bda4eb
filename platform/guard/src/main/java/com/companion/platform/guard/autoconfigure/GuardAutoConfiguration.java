package com.companion.platform.guard.autoconfigure;

import com.companion.platform.guard.ContentGuard;
import com.companion.platform.guard.learned.LearnedGuard;
import com.companion.platform.guard.learned.SentenceEmbedder;
import com.companion.platform.guard.moderation.LayeredGuard;
import com.companion.platform.guard.moderation.LlamaGuardClient;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A {@link ContentGuard} bean for Spring services: the rules and the learned layer ({@link ContentGuard#local()},
 * unless {@code platform.guard.learned.enabled=false}), then Llama Guard when
 * {@code platform.guard.moderation.enabled=true}. The learned layer blocks in {@code platform.guard.learned.blocks} (all
 * four categories by default). Its model is loaded while the bean is created, so a service that cannot load it fails
 * at startup rather than on its first message, unless {@code platform.guard.learned.warm-up=false}. Declare your own
 * {@code ContentGuard} bean to replace it.
 */
@AutoConfiguration
@EnableConfigurationProperties(GuardProperties.class)
public class GuardAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ContentGuard contentGuard(GuardProperties properties) {
        ContentGuard local = properties.learned().enabled() ? learned(properties.learned()) : ContentGuard.rules();
        GuardProperties.Moderation moderation = properties.moderation();
        if (!moderation.enabled()) {
            return local;
        }
        if (moderation.apiKey() == null || moderation.apiKey().isBlank()) {
            throw new IllegalStateException(
                    "platform.guard.moderation.enabled=true needs platform.guard.moderation.api-key");
        }
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(moderation.timeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        LlamaGuardClient client = new LlamaGuardClient(
                http,
                moderation.baseUrl(),
                moderation.apiKey(),
                moderation.model(),
                moderation.timeout().plus(Duration.ofMillis(500)));
        return new LayeredGuard(local, client, moderation.timeout());
    }

    private static LearnedGuard learned(GuardProperties.Learned properties) {
        LearnedGuard guard = LearnedGuard.shared().blockingOnly(properties.blocks());
        return properties.warmUp() ? guard.warmUp() : guard;
    }

    /**
     * What the sentence-embedding model (the guard's learned layer and memory recall) costs this service:
     * {@code guard.inference.cpu} (thread CPU seconds of the windows run on platform threads) and
     * {@code guard.inference.windows} by {@code timed} (windows on virtual threads, whose CPU time the JVM does not
     * report, count as {@code timed=false}). The pipeline benchmark reads them to put model inference on its own line.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterBinder.class)
    static class InferenceMetrics {

        @Bean
        MeterBinder guardInferenceMeters() {
            return registry -> {
                FunctionCounter.builder(
                                "guard.inference.cpu",
                                SentenceEmbedder.class,
                                type -> SentenceEmbedder.inferenceCost().cpuNanos() / 1e9)
                        .baseUnit("seconds")
                        .description("Thread CPU time of sentence-embedding windows run on platform threads")
                        .register(registry);
                FunctionCounter.builder(
                                "guard.inference.windows",
                                SentenceEmbedder.class,
                                type -> SentenceEmbedder.inferenceCost().timedWindows())
                        .tag("timed", "true")
                        .description("Sentence-embedding windows run")
                        .register(registry);
                FunctionCounter.builder(
                                "guard.inference.windows",
                                SentenceEmbedder.class,
                                type -> SentenceEmbedder.inferenceCost().untimedWindows())
                        .tag("timed", "false")
                        .description("Sentence-embedding windows run")
                        .register(registry);
            };
        }
    }
}
