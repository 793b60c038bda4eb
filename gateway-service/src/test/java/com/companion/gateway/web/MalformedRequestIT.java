package com.companion.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.companion.gateway.support.Downstream;
import com.companion.gateway.support.GatewayTest;
import com.companion.gateway.support.RawHttp;
import com.companion.gateway.support.RawHttp.Response;
import com.companion.gateway.support.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests refused before Spring sees them (a request target that is not a URI, a request line
 * over the limit) are answered with problems like any other the gateway makes: the body, the
 * {@code instance}, the request id and the security headers. Raw sockets, so no client repairs
 * or refuses the target first.
 */
class MalformedRequestIT extends GatewayTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final UUID USER = UUID.randomUUID();
    private static final int MAX_LINE = 4096;

    @ParameterizedTest
    @ValueSource(strings = {"%%%", "%zz", "abc%4", "%", "{x}", "a|b", "\"q\"", "a^b", "<b>"})
    void aQueryThatIsNotAValidUriIsABadRequestProblem(String cursor) {
        try (RawHttp http = RawHttp.connect(port, Duration.ofSeconds(10))) {
            Response response = http.get("/characters/public?cursor=" + cursor);

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(response.header("X-Request-Id")).isNotBlank();
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.path("type").asString()).isEqualTo("/problems/bad-request");
            assertThat(problem.path("title").asString()).isEqualTo("Bad Request");
            assertThat(problem.path("status").asInt()).isEqualTo(400);
            assertThat(problem.path("detail").asString()).isNotBlank();
            assertThat(problem.path("instance").asString()).isEqualTo("/characters/public");
            assertThat(problem.path("request_id").asString()).isEqualTo(response.header("X-Request-Id"));

            assertThat(http.get("/characters/public?cursor=abc").status())
                    .as("the connection goes on answering")
                    .isEqualTo(200);
        }
        assertThat(Downstream.CHARACTER.next().query()).isEqualTo("cursor=abc");
        assertThat(Downstream.noneReceivedAnything()).isTrue();
    }

    @Test
    void aPathThatIsNotAValidUriIsABadRequestProblemNamingItEncoded() {
        try (RawHttp http = RawHttp.connect(port, Duration.ofSeconds(10))) {
            Response response = http.get("/characters/%zz{1}?limit=5");

            assertThat(response.status()).isEqualTo(400);
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.path("type").asString()).isEqualTo("/problems/bad-request");
            assertThat(problem.path("instance").asString()).isEqualTo("/characters/%25zz%7B1%7D");
        }
        assertThat(Downstream.noneReceivedAnything()).isTrue();
    }

    @Test
    void aPathTheFirewallRefusesIsABadRequestProblemNotAnEmptyAnswer() {
        try (RawHttp http = RawHttp.connect(port, Duration.ofSeconds(10))) {
            for (String path : List.of("/sessions/..%2F..%2Fetc", "/characters/a%2Fb", "/characters/%2e%2e/x")) {
                Response response = http.get(path, bearer());

                assertThat(response.status()).as(path).isEqualTo(400);
                assertThat(response.header("Content-Type")).as(path).isEqualTo("application/problem+json");
                JsonNode problem = JSON.readTree(response.body());
                assertThat(problem.path("type").asString()).isEqualTo("/problems/bad-request");
                assertThat(problem.path("status").asInt()).isEqualTo(400);
                assertThat(problem.path("request_id").asString()).isEqualTo(response.header("X-Request-Id"));
            }
        }
        assertThat(Downstream.noneReceivedAnything()).isTrue();
    }

    @Test
    void aRequestLineOverTheLimitIsAUriTooLongProblemNamingThePath() {
        try (RawHttp http = RawHttp.connect(port, Duration.ofSeconds(10))) {
            Response response = http.get("/search/messages?q=" + "a".repeat(5000), bearer());

            assertThat(response.status()).isEqualTo(414);
            assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.path("type").asString()).isEqualTo("/problems/uri-too-long");
            assertThat(problem.path("title").asString()).isEqualTo("URI Too Long");
            assertThat(problem.path("status").asInt()).isEqualTo(414);
            assertThat(problem.path("detail").asString()).contains(String.valueOf(MAX_LINE));
            assertThat(problem.path("instance").asString()).isEqualTo("/search/messages");
            assertThat(problem.path("request_id").asString()).isEqualTo(response.header("X-Request-Id"));

            assertThat(http.get("/search/messages?q=a", bearer()).status())
                    .as("the connection goes on answering")
                    .isEqualTo(200);
        }
        assertThat(Downstream.CHAT.next().query()).isEqualTo("q=a");
        assertThat(Downstream.noneReceivedAnything()).isTrue();
    }

    @Test
    void theLimitIsTheRequestLineOf4096Bytes() {
        String prefix = "/search/messages?q=";
        // "GET " + target + " HTTP/1.1"
        int longest = MAX_LINE - "GET ".length() - " HTTP/1.1".length() - prefix.length();
        try (RawHttp http = RawHttp.connect(port, Duration.ofSeconds(10))) {
            assertThat(http.get(prefix + "b".repeat(longest), bearer()).status())
                    .isEqualTo(200);
            assertThat(http.get(prefix + "b".repeat(longest + 1), bearer()).status())
                    .isEqualTo(414);
        }
        assertThat(Downstream.CHAT.next().query()).hasSize("q=".length() + longest);
        assertThat(Downstream.noneReceivedAnything()).isTrue();
    }

    @Test
    void aRequestLineTooLongToReadIsStillAProblem() {
        try (RawHttp http = RawHttp.connect(port, Duration.ofSeconds(10))) {
            Response response = http.get("/search/messages?q=" + "c".repeat(100_000), bearer());

            assertThat(response.status()).isEqualTo(414);
            assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(response.header("X-Request-Id")).isNotBlank();
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.path("type").asString()).isEqualTo("/problems/uri-too-long");
            assertThat(problem.path("detail").asString()).contains(String.valueOf(MAX_LINE));
            assertThat(problem.path("request_id").asString()).isEqualTo(response.header("X-Request-Id"));
        }
        assertThat(Downstream.noneReceivedAnything()).isTrue();
    }

    @Test
    void aClientCannotMarkItsOwnRequestAsRefused() {
        try (RawHttp http = RawHttp.connect(port, Duration.ofSeconds(10))) {
            Response response = http.get(
                    "/characters/public", Map.of(RequestTargetGuard.REFUSAL_HEADER, RequestTargetGuard.BAD_TARGET));

            assertThat(response.status()).isEqualTo(200);
        }
        assertThat(Downstream.CHARACTER.next().header(RequestTargetGuard.REFUSAL_HEADER))
                .isNull();
    }

    private static Map<String, String> bearer() {
        return Map.of("Authorization", "Bearer " + Tokens.valid(USER));
    }
}
