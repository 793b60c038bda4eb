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
     * What the sentence-embedding models (the guard's learned layer and memory recall) cost this service:
     * {@code guard.inference.cpu} (thread CPU seconds of the model runs, on virtual threads read from their carrier),
     * {@code guard.inference.runs} by {@code timed} (runs whose CPU time could not be read count as {@code
     * timed=false}; a window costs one run or two) and {@code guard.inference.first.only} (windows judged on
     * MiniLM alone, e5 not run). The pipeline benchmark reads them to put model inference on its own line.
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
                        .description("Thread CPU time of sentence-embedding model runs")
                        .register(registry);
                FunctionCounter.builder(
                                "guard.inference.runs",
                                SentenceEmbedder.class,
                                type -> SentenceEmbedder.inferenceCost().timedRuns())
                        .tag("timed", "true")
                        .description("Sentence-embedding model runs (one per model per window)")
                        .register(registry);
                FunctionCounter.builder(
                                "guard.inference.runs",
                                SentenceEmbedder.class,
                                type -> SentenceEmbedder.inferenceCost().untimedRuns())
                        .tag("timed", "false")
                        .description("Sentence-embedding model runs (one per model per window)")
                        .register(registry);
                FunctionCounter.builder(
                                "guard.inference.first.only",
                                SentenceEmbedder.class,
                                type -> SentenceEmbedder.inferenceCost().firstModelOnlyWindows())
                        .description("Windows a gate judged on the first model alone (the second not run)")
                        .register(registry);
            };
        }
    }
}
