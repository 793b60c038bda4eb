package com.companion.worker.guard;

import com.companion.platform.guard.ContentGuard;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class GuardConfiguration {

    /**
     * {@code ContentGuard} comes from the guard's auto-configuration ({@code platform.guard.*}); a reply
     * still streaming is screened in-process only, never waiting on a provider: with the learned layer
     * when it is on, else with the rules.
     */
    @Bean
    ReplyGuard replyGuard(
            ContentGuard contentGuard,
            MeterRegistry meters,
            @Value("${platform.guard.learned.enabled:true}") boolean learned,
            @Value("${platform.guard.moderation.enabled:false}") boolean moderation) {
        return new PlatformGuard(
                contentGuard, learned ? ContentGuard.local() : ContentGuard.rules(), moderation, meters);
    }
}
