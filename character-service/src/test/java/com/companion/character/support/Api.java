package com.companion.character.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.companion.character.catalogue.CharacterPage;
import com.companion.character.core.CharacterResponse;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The service's HTTP API as a client uses it; {@code as == null} is an anonymous caller. */
public final class Api {

    private final RestTestClient http;

    Api(RestTestClient http) {
        this.http = http;
    }

    public CharacterResponse create(TestUser owner, CharacterMother character) {
        return post("/characters", owner, character.build())
                .expectStatus()
                .isCreated()
                .expectBody(CharacterResponse.class)
                .returnResult()
                .getResponseBody();
    }

    public CharacterResponse read(@Nullable TestUser viewer, UUID id) {
        return get("/characters/" + id, viewer)
                .expectStatus()
                .isOk()
                .expectBody(CharacterResponse.class)
                .returnResult()
                .getResponseBody();
    }

    /** Whether {@code GET /characters/{id}} answers 200 (true) or 404 (false); anything else fails. */
    public boolean canSee(@Nullable TestUser viewer, UUID id) {
        int status = get("/characters/" + id, viewer).returnResult().getStatus().value();
        assertThat(status).as("GET /characters/%s", id).isIn(200, 404);
        return status == 200;
    }

    public CharacterPage page(String uri, @Nullable TestUser viewer) {
        return get(uri, viewer)
                .expectStatus()
                .isOk()
                .expectBody(CharacterPage.class)
                .returnResult()
                .getResponseBody();
    }

    public CharacterResponse setAdult(TestUser owner, UUID id, boolean enabled) {
        return post("/characters/" + id + "/set-adult", owner, Map.of("enabled", enabled))
                .expectStatus()
                .isOk()
                .expectBody(CharacterResponse.class)
                .returnResult()
                .getResponseBody();
    }

    public void shareWith(TestUser owner, UUID id, TestUser grantee) {
        post("/characters/" + id + "/share", owner, Map.of("user_id", grantee.id()))
                .expectStatus()
                .isCreated();
    }

    /** A share link's token. */
    public String shareLink(TestUser owner, UUID id) {
        return post("/characters/" + id + "/share", owner, Map.of("link", true))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("token")
                .toString();
    }

    public RestTestClient.ResponseSpec get(String uri, @Nullable TestUser as) {
        return http.get().uri(uri).headers(h -> authorize(h, as)).exchange();
    }

    /** With this bearer token, as it is. */
    public RestTestClient.ResponseSpec getWithToken(String uri, String token) {
        return http.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange();
    }

    public RestTestClient.ResponseSpec post(String uri, @Nullable TestUser as, @Nullable Object body) {
        RestTestClient.RequestBodySpec request =
                http.post().uri(uri).headers(h -> authorize(h, as)).contentType(MediaType.APPLICATION_JSON);
        return body == null ? request.exchange() : request.body(body).exchange();
    }

    public RestTestClient.ResponseSpec put(String uri, @Nullable TestUser as, Object body) {
        return http.put()
                .uri(uri)
                .headers(h -> authorize(h, as))
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange();
    }

    /** A multipart upload of one file as the part {@code file}, with extra form fields. */
    public RestTestClient.ResponseSpec upload(
            String uri, @Nullable TestUser as, String fileName, byte[] bytes, Map<String, String> fields) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        fields.forEach(parts::add);
        return http.post()
                .uri(uri)
                .headers(h -> authorize(h, as))
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts)
                .exchange();
    }

    /** A multipart request of plain form fields only, without a file part. */
    public RestTestClient.ResponseSpec form(String uri, @Nullable TestUser as, Map<String, String> fields) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        fields.forEach(parts::add);
        return http.post()
                .uri(uri)
                .headers(h -> authorize(h, as))
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts)
                .exchange();
    }

    public RestTestClient.ResponseSpec delete(String uri, @Nullable TestUser as) {
        return http.delete().uri(uri).headers(h -> authorize(h, as)).exchange();
    }

    private static void authorize(HttpHeaders headers, @Nullable TestUser as) {
        if (as != null) {
            headers.setBearerAuth(as.token());
        }
    }
}
