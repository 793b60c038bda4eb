package com.companion.worker.guard;

import com.companion.platform.guard.ContentGuard;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class GuardConfiguration {

    /**
     * {@code ContentGuard} comes from the guard's auto-configuration ({@code platform.guard.*}); a reply
     * still streaming is screened in-process only, never waiting on a provider.
     */
    @Bean
    ReplyGuard replyGuard(ContentGuard contentGuard, MeterRegistry meters) {
        return new PlatformGuard(contentGuard, ContentGuard.local(), meters);
    }
}
