package com.companion.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.companion.gateway.support.Downstream;
import com.companion.gateway.support.RawHttp;
import com.companion.gateway.support.RawHttp.Response;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The metrics gate sees the path as the router does: encoded, with path parameters, doubled
 * slashes, dot segments or another case, the target must not reach the Prometheus endpoint from
 * outside. Requests go out on a raw socket, so no client normalises the target first; the test
 * client stands behind a trusted proxy and names its address in {@code X-Forwarded-For}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gateway.client-address.trusted-proxies=127.0.0.1, ::1")
class MetricsAccessIT {

    private static final Map<String, String> FROM_OUTSIDE = Map.of("X-Forwarded-For", "203.0.113.50");
    private static final Map<String, String> FROM_INSIDE = Map.of("X-Forwarded-For", "10.20.30.40");

    @DynamicPropertySource
    static void downstream(DynamicPropertyRegistry registry) {
        Downstream.register(registry);
    }

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/actuator/prometheus",
                "/actuator/prometheus/",
                "/actuator/prometheus?format=text",
                "/actuator/prometheu%73",
                "/actuator/%70%72%6f%6d%65%74%68%65%75%73",
                "/%61ctuator/prometheus",
                "/actuator;x=1/prometheus",
                "/actuator/prometheus;x=1",
                "//actuator/prometheus",
                "/actuator//prometheus",
                "/actuator/./prometheus",
                "/actuator/%2e/prometheus",
                "/actuator/x/../prometheus",
                "/actuator%2fprometheus",
                "/actuator%2Fprometheus",
                "/ACTUATOR/prometheus",
                "/actuator/PROMETHEUS"
            })
    void noSpellingOfThePathOpensTheMetricsToTheInternet(String target) {
        try (RawHttp http = RawHttp.connect(port, Duration.ofSeconds(10))) {
            Response response = http.get(target, FROM_OUTSIDE);

            assertThat(response.status()).isEqualTo(404);
            assertThat(response.body()).doesNotContain("# HELP", "# TYPE");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/prometheus", "/actuator/prometheu%73"})
    void theInternalNetworkReadsTheMetrics(String target) {
        try (RawHttp http = RawHttp.connect(port, Duration.ofSeconds(10))) {
            Response response = http.get(target, FROM_INSIDE);

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).contains("# HELP");
        }
    }
}
