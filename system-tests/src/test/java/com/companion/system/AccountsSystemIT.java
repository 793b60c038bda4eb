package com.companion.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.companion.system.Api.Response;
import com.companion.system.Api.User;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(Stack.class)
class AccountsSystemIT {

    @Test
    void aUserSignsUpAndLogsInByUsernameEmailAndPhoneWrittenDifferently() {
        User user = Api.signup(25);
        assertThat(Api.login(user.username().toUpperCase(), user.password()).status())
                .isEqualTo(200);
        assertThat(Api.login(user.email(), user.password()).status()).isEqualTo(200);
        String localPhone = "0" + user.phone().substring(4);
        Response byPhone = Api.login(localPhone, user.password());
        assertThat(byPhone.status()).isEqualTo(200);
        assertThat(byPhone.json().path("refresh_token").asString()).isNotBlank();

        Response refreshed = Api.post(
                "/auth/refresh",
                null,
                Map.of("refresh_token", byPhone.json().path("refresh_token").asString()));
        assertThat(refreshed.status()).isEqualTo(200);
        Response me = Api.get("/auth/me", user);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("plan").asString()).isEqualTo("free");
        assertThat(me.json().path("is_adult").asBoolean()).isTrue();

        Response wrong = Api.login(user.username(), "not-the-password-123");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void badInputIsAnsweredWithProblemsAndNeverA5xx() {
        User user = Api.signup(30);
        Map<String, String> bad = Map.of(
                "malformed json", "{\"name\": ",
                "unknown field",
                        "{\"name\":\"Nova\",\"character_type\":\"friend\",\"visibility\":\"private\",\"owner_id\":\"x\"}",
                "wrong type",
                        "{\"name\":\"Nova\",\"character_type\":\"friend\",\"visibility\":\"private\",\"sliders\":{\"humor\":\"lots\"}}",
                "huge body", "{\"name\":\"" + "x".repeat(3_000_000) + "\"}");
        bad.forEach((what, body) -> {
            Response response = Api.postRaw("/characters", user, body);
            assertThat(response.status()).as(what).isBetween(400, 499);
            assertThat(response.header("Content-Type")).as(what).startsWith("application/problem+json");
            assertThat(response.raw()).as(what).doesNotContain("Exception", "at com.", "org.springframework");
        });
        Response signup = Api.postRaw("/auth/signup", null, "{\"username\": 42}");
        assertThat(signup.status()).isEqualTo(400);
        assertThat(Api.get("/auth/me", null).status()).isEqualTo(401);
    }
}
