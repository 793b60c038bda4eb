package com.companion.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.companion.gateway.support.Downstream;
import com.companion.gateway.support.GatewayTest;
import com.companion.gateway.support.StubService.Received;
import com.companion.gateway.support.Tokens;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

class WebEdgeIT extends GatewayTest {

    private static final UUID USER = UUID.randomUUID();
    private static final String APP = "https://app.companion.example";

    @Test
    void aWellFormedRequestIdIsKeptAndForwarded() {
        client.get()
                .uri("/sessions")
                .headers(h -> {
                    h.setBearerAuth(Tokens.valid(USER));
                    h.set("X-Request-Id", "client-req-42");
                })
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("X-Request-Id", "client-req-42");

        assertThat(Downstream.CHAT.next().header("X-Request-Id")).isEqualTo("client-req-42");
    }

    @Test
    void aMissingOrMalformedRequestIdIsReplacedEvenOnTheGatewaysOwnAnswers() {
        EntityExchangeResult<byte[]> proxied = client.get()
                .uri("/sessions")
                .headers(h -> {
                    h.setBearerAuth(Tokens.valid(USER));
                    h.set("X-Request-Id", "bad id <script>" + "x".repeat(200));
                })
                .exchange()
                .expectBody()
                .returnResult();
        String id = proxied.getResponseHeaders().getFirst("X-Request-Id");
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(Downstream.CHAT.next().header("X-Request-Id")).isEqualTo(id);

        client.get()
                .uri("/sessions")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .exists("X-Request-Id")
                .expectBody()
                .jsonPath("$.request_id")
                .isNotEmpty();
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndServicesCannotWeakenThem() {
        client.get()
                .uri("/sessions")
                .headers(h -> h.setBearerAuth(Tokens.valid(USER)))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("X-Frame-Options", "DENY")
                .expectHeader()
                .valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader()
                .valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader()
                .valueEquals("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
                .expectHeader()
                .valueEquals("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                .expectHeader()
                .doesNotExist("Access-Control-Allow-Origin");

        client.get()
                .uri("/nothing")
                .exchange()
                .expectHeader()
                .valueEquals("X-Frame-Options", "DENY")
                .expectHeader()
                .valueEquals("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    }

    @Test
    void aCorsPreflightFromTheConfiguredOriginIsAnsweredByTheGateway() {
        client.options()
                .uri("/chat/send")
                .header(HttpHeaders.ORIGIN, APP)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization, content-type")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, APP)
                .expectHeader()
                .value(
                        HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS,
                        methods -> assertThat(methods).contains("POST"))
                .expectHeader()
                .value(
                        HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
                        headers -> assertThat(headers.toLowerCase()).contains("authorization"));
        assertThat(Downstream.noneReceivedAnything()).isTrue();

        client.get()
                .uri("/sessions")
                .header(HttpHeaders.ORIGIN, APP)
                .headers(h -> h.setBearerAuth(Tokens.valid(USER)))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, APP)
                .expectHeader()
                .value(
                        HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
                        exposed -> assertThat(exposed).contains("X-Request-Id", "RateLimit-Remaining", "Retry-After"));
    }

    @Test
    void aPreflightFromAnotherOriginIsRefused() {
        client.options()
                .uri("/chat/send")
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        assertThat(Downstream.noneReceivedAnything()).isTrue();
    }

    @Test
    void aJsonBodyOverTheLimitIsRefusedBeforeAnyServiceSeesIt() {
        client.post()
                .uri("/characters")
                .headers(h -> h.setBearerAuth(Tokens.valid(USER)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new byte[65 * 1024])
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/too-large")
                .jsonPath("$.instance")
                .isEqualTo("/characters");
        assertThat(Downstream.noneReceivedAnything()).isTrue();
    }

    @Test
    void aChunkedBodyIsCutOffWhenItPassesTheLimit() {
        Flux<DataBuffer> chunks =
                Flux.range(0, 80).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[1024]));
        client.post()
                .uri("/characters")
                .headers(h -> h.setBearerAuth(Tokens.valid(USER)))
                .contentType(MediaType.APPLICATION_JSON)
                .body(chunks, DataBuffer.class)
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/too-large");
    }

    @Test
    void uploadsHaveTheirOwnLargerLimit() {
        postBytes("/media/upload", 200 * 1024).expectStatus().isOk();
        Received upload = Downstream.MEDIA.next();
        assertThat(upload.bodyBytes()).isEqualTo(200 * 1024);

        postBytes("/media/upload", 300 * 1024).expectStatus().isEqualTo(413);
    }

    @Test
    void aCardImportHasTheUploadLimit() {
        postBytes("/characters/import", 200 * 1024).expectStatus().isOk();
        assertThat(Downstream.CHARACTER.next().bodyBytes()).isEqualTo(200 * 1024);
    }

    private WebTestClient.ResponseSpec postBytes(String uri, int bytes) {
        return client.post()
                .uri(uri)
                .headers(h -> h.setBearerAuth(Tokens.valid(USER)))
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(new byte[bytes])
                .exchange();
    }

    @Test
    void theDocsShowEveryServiceThroughTheGateway() {
        client.get()
                .uri("/docs/chat/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .value("Content-Security-Policy", csp -> assertThat(csp).contains("script-src 'self'"))
                .expectBody()
                .jsonPath("$.info.title")
                .isEqualTo("chat")
                .jsonPath("$.servers[0].url")
                .isEqualTo("/");

        String config = new String(
                client.get()
                        .uri("/v3/api-docs/swagger-config")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .returnResult()
                        .getResponseBody(),
                StandardCharsets.UTF_8);
        assertThat(config)
                .contains(
                        "/docs/auth/v3/api-docs",
                        "/docs/character/v3/api-docs",
                        "/docs/chat/v3/api-docs",
                        "/docs/media/v3/api-docs",
                        "/docs/ad/v3/api-docs");

        client.get().uri("/docs").exchange().expectStatus().is3xxRedirection();
    }

    @Test
    void aServiceThatPublishesNoDescriptionIsANotFoundProblemOfTheGateway() {
        Downstream.AD.publishNoApiDocs();

        client.get()
                .uri("/docs/ad/v3/api-docs")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/not-found")
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("ad-service"))
                .jsonPath("$.instance")
                .isEqualTo("/docs/ad/v3/api-docs")
                .jsonPath("$.request_id")
                .isNotEmpty()
                .jsonPath("$.servers")
                .doesNotExist();
    }

    @Test
    void theEventsAsyncApiDocumentIsPublicBesideTheOpenApiDocuments() throws Exception {
        String published = new ClassPathResource("asyncapi/asyncapi.yaml").getContentAsString(StandardCharsets.UTF_8);

        String served = client.get()
                .uri("/docs/asyncapi.yaml")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.parseMediaType("application/yaml"))
                .expectHeader()
                .doesNotExist("RateLimit-Limit")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(served).startsWith("asyncapi: 3.0.0").isEqualTo(published);
        assertThat(Downstream.noneReceivedAnything()).isTrue();
    }

    @Test
    void metricsAreOnlyForTheInternalNetwork() {
        client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
    }
}
