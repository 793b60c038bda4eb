package com.companion.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.companion.system.Api.Response;
import com.companion.system.Api.User;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * analytics-service through the gateway on the running stack: turns made over the public API show up in the
 * administrator's daily figures and top characters; anyone else gets 404.
 */
@ExtendWith(Stack.class)
class AnalyticsSystemIT {

    @Test
    void turnsShowUpInTheDailyFiguresAndANonAdminGetsNotFound() {
        User admin = admin();
        String today =
                "/admin/analytics/daily?from=" + LocalDate.now(ZoneOffset.UTC) + "&to=" + LocalDate.now(ZoneOffset.UTC);
        // Other tests may have chatted today already: count from what is there.
        long turnsBefore = figures(today, admin).path("turns").asLong();

        User user = Api.signup(30);
        UUID character = Characters.create(user, "private", false);
        UUID session = ChatSystemIT.session(user, character);
        ChatSystemIT.send(user, session, "Hello there!");
        ChatSystemIT.send(user, session, "Tell me about your day.");

        JsonNode day = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> figures(today, admin),
                        figures -> figures.path("turns").asLong() >= turnsBefore + 2);
        assertThat(day.path("active_users").asLong()).isPositive();
        assertThat(day.path("tokens_out").asLong()).isPositive();
        assertThat(day.path("reply_p95_ms").asLong()).isPositive();

        // On a stack that has served other load today (a benchmark), a hundred busier characters can fill the list:
        // then ours is rightly left out, and the list must be full and hold none with fewer turns than ours.
        JsonNode top = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> Api.get("/admin/analytics/characters/top?limit=100&days=1", admin)
                                .json(),
                        list -> contains(list, character) || crowdedOut(list, 2));
        if (contains(top, character)) {
            for (JsonNode entry : top) {
                if (entry.path("character_id").asString().equals(character.toString())) {
                    assertThat(entry.path("turns").asLong()).isEqualTo(2);
                }
            }
        } else {
            assertThat(top).hasSize(100);
            assertThat(top)
                    .allSatisfy(
                            entry -> assertThat(entry.path("turns").asLong()).isGreaterThanOrEqualTo(2));
        }

        Response asUser = Api.get("/admin/analytics/daily", user);
        assertThat(asUser.status()).as(asUser.raw()).isEqualTo(404);
        assertThat(Api.get("/admin/analytics/models", user).status()).isEqualTo(404);
    }

    /** A full list whose least busy character has at least {@code turns}: a character with that many may not fit. */
    private static boolean crowdedOut(JsonNode list, long turns) {
        return list.size() == 100 && list.get(99).path("turns").asLong() >= turns;
    }

    private static boolean contains(JsonNode list, UUID character) {
        for (JsonNode entry : list) {
            if (entry.path("character_id").asString().equals(character.toString())) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode figures(String path, User admin) {
        Response response = Api.get(path, admin);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.json().get(0);
    }

    private static User admin() {
        Map<String, String> admin = Stack.admin();
        Response login = Api.login(admin.get("email"), admin.get("password"));
        assertThat(login.status()).as(login.raw()).isEqualTo(200);
        return new User(
                null, null, null, null, null, login.json().path("access_token").asString());
    }
}
