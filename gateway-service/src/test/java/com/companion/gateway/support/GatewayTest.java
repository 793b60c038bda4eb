package com.companion.gateway.support;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway on a random port in front of the stub services. Every subclass shares one
 * context: budgets are high here (the rate-limit test has its own context), timeouts short.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "gateway.rate-limit.user-default.limit=100000",
            "gateway.rate-limit.ip-default.limit=100000",
            "gateway.rate-limit.rules.login.limit=100000",
            "gateway.rate-limit.rules.signup.limit=100000",
            "gateway.rate-limit.rules.chat-send.limit=100000",
            "gateway.rate-limit.rules.socket.limit=100000",
            "gateway.auth.jwks-refresh-cooldown=0s",
            "gateway.cors.allowed-origins=https://app.companion.example",
            "gateway.body-limits.default-max=64KB",
            "gateway.body-limits.upload-max=256KB",
            "gateway.downstream-health.timeout=1s",
            "management.endpoint.health.cache.time-to-live=0s",
            "spring.cloud.gateway.server.webflux.httpclient.response-timeout=1s",
            "gateway.routes.chat-send-timeout=1500ms"
        })
public abstract class GatewayTest {

    @LocalServerPort
    protected int port;

    protected WebTestClient client;

    @DynamicPropertySource
    static void downstream(DynamicPropertyRegistry registry) {
        Downstream.register(registry);
    }

    @BeforeEach
    void connect() {
        client = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
        Downstream.forgetAll();
    }
}
