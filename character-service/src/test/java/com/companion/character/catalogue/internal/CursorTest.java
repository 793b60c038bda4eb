package com.companion.character.catalogue.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.companion.platform.web.problem.ApiProblem;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class CursorTest {

    @Test
    void whenEncodedThenItDecodesToTheSamePositionToTheMicrosecond() {
        Cursor cursor = new Cursor(Instant.parse("2026-05-01T10:15:30.123456Z"), UUID.randomUUID());

        assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
        assertThat(cursor.encode()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void whenTheCursorIsNotOneWeGaveOutThenItIsABadRequestNamingTheCursor() {
        String forged = Base64.getUrlEncoder().encodeToString("v2:1:x".getBytes());
        for (String bad :
                new String[] {"%%%", "", forged, Base64.getUrlEncoder().encodeToString("v1:abc:def".getBytes())}) {
            assertThatThrownBy(() -> Cursor.decode(bad)).as(bad).isInstanceOfSatisfying(ApiProblem.class, p -> {
                assertThat(p.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                assertThat(p.toProblemDetail().getProperties().toString()).contains("cursor");
            });
        }
    }
}
