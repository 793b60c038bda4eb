package com.companion.worker.guard;

import com.companion.platform.guard.ContentGuard;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class GuardConfiguration {

    /** {@code ContentGuard} comes from the guard's auto-configuration ({@code platform.guard.*}). */
    @Bean
    ReplyGuard replyGuard(ContentGuard contentGuard) {
        return new PlatformGuard(contentGuard, ContentGuard.rules());
    }
}
