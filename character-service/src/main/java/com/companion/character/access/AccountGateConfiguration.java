package com.companion.character.access;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Every request passes the {@link AccountGate}. */
@Configuration(proxyBeanMethods = false)
class AccountGateConfiguration implements WebMvcConfigurer {

    private final AccountGate gate;

    AccountGateConfiguration(AccountGate gate) {
        this.gate = gate;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(gate);
    }
}
