package com.companion.character.support;

import com.companion.character.users.UserDirectory;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.test.web.servlet.client.RestTestClient;

@TestConfiguration(proxyBeanMethods = false)
class TestSupportConfiguration {

    @Bean
    Users testUsers(UserDirectory directory) {
        return new Users(directory);
    }

    @Bean
    @Lazy
    Api testApi(@Lazy RestTestClient http) {
        return new Api(http);
    }
}
