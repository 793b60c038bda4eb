package com.companion.gateway.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.companion.gateway.support.GatewayTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** The web client is served by the gateway itself, openly, with a strict Content-Security-Policy. */
class WebAppIT extends GatewayTest {

    private static final Pattern INLINE_SCRIPT =
            Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_HANDLER = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

    @Test
    void theAppPageIsServedAnonymouslyWithAStrictPolicy() {
        EntityExchangeResult<String> page = client.get()
                .uri("/app/")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader()
                .valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache")
                .expectBody(String.class)
                .returnResult();
        String csp = page.getResponseHeaders().getFirst("Content-Security-Policy");
        assertThat(csp)
                .contains("default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'")
                .contains("frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(page.getResponseHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.getResponseBody()).contains("<script type=\"module\" src=\"/app/main.js\"></script>");
    }

    @Test
    void scriptsStylesAndImagesHaveTheirContentTypes() {
        expect("/app/main.js", "text/javascript");
        expect("/app/views/chat.js", "text/javascript");
        expect("/app/styles.css", "text/css");
        expect("/app/icon.svg", "image/svg+xml");
    }

    @Test
    void theAppsOwnPagesAnswerTheIndexAndItsRootRedirects() {
        client.get()
                .uri("/app/verify-email?token=abc")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("/app/main.js"));
        client.get()
                .uri("/app")
                .exchange()
                .expectStatus()
                .isPermanentRedirect()
                .expectHeader()
                .valueEquals(HttpHeaders.LOCATION, "/app/");
    }

    @Test
    void aMissingFileIsNotFoundAndTheApiKeepsItsDenyAllPolicy() {
        client.get().uri("/app/missing.js").exchange().expectStatus().isNotFound();
        client.get()
                .uri("/app/../application.yml")
                .exchange()
                .expectStatus()
                .value(s -> assertThat(s).isIn(400, 404));
        client.get()
                .uri("/sessions")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    }

    /** What the policy would block in a browser: inline scripts, inline handlers, eval, injected markup. */
    @Test
    void noFileOfTheBundleNeedsWhatThePolicyForbids() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:webapp/**/*.*");
        assertThat(files).hasSizeGreaterThan(5);
        for (Resource file : files) {
            String text = file.getContentAsString(StandardCharsets.UTF_8);
            String name = file.getFilename();
            if (name.endsWith(".html")) {
                assertThat(INLINE_SCRIPT.matcher(text).find()).as(name).isFalse();
                assertThat(INLINE_HANDLER.matcher(text).find()).as(name).isFalse();
                assertThat(text).as(name).doesNotContain("style=", "http://", "https://");
            }
            if (name.endsWith(".js")) {
                assertThat(text)
                        .as(name)
                        .doesNotContain("eval(", "new Function", "innerHTML", "outerHTML", "insertAdjacentHTML")
                        .doesNotContain("document.write", "setAttribute('style'", "http://", "https://");
            }
        }
    }

    private void expect(String path, String type) {
        client.get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.parseMediaType(type))
                .expectHeader()
                .exists("Content-Security-Policy");
    }
}
