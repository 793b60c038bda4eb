package com.companion.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.companion.system.Api.Response;
import com.companion.system.Api.User;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Accounts through the gateway with the stack's real SMTP server (GreenMail, its API on 8025):
 * sign-up mail and verification, forgot and reset password; and erasure, looking afterwards in
 * character-service's, chat-service's, media-service's and ad-service's databases and in the bucket.
 */
@ExtendWith(Stack.class)
class AccountLifecycleSystemIT {

    private static final String MAIL_API = System.getProperty("system.mail", "http://127.0.0.1:8025");
    private static final String S3 = System.getProperty("system.s3", "http://127.0.0.1:9090/companion-media");

    @Test
    void signupMailVerifiesTheAddressAndAForgottenPasswordIsResetByMail() {
        User user = Api.signup(27);
        String verify = awaitToken(user.email(), "Confirm your email address", "/app/verify-email");
        assertThat(Api.post("/auth/email/verify", null, Map.of("token", verify)).status())
                .isEqualTo(204);
        assertThat(Api.get("/auth/me", user).json().path("email_verified").asBoolean())
                .isTrue();

        assertThat(Api.post("/auth/password/forgot", null, Map.of("email", user.email()))
                        .status())
                .isEqualTo(202);
        String reset = awaitToken(user.email(), "Reset your password", "/app/reset-password");
        String newPassword = "Harbour-" + UUID.randomUUID();
        assertThat(Api.post("/auth/password/reset", null, Map.of("token", reset, "new_password", newPassword))
                        .status())
                .isEqualTo(204);
        assertThat(Api.login(user.email(), user.password()).status()).isEqualTo(401);
        assertThat(Api.login(user.email(), newPassword).status()).isEqualTo(200);
    }

    @Test
    void aDeletedAccountIsErasedFromCharactersChatMediaAdsAndTheBucket() throws Exception {
        User user = Api.signup(31);
        UUID character = Characters.create(user, "private", false);
        Response image = Api.upload(
                "/media/upload", user, Map.of("kind", "image"), "me.png", "image/png", MediaSystemIT.png(40, 30));
        assertThat(image.status()).isEqualTo(201);
        UUID session = UUID.fromString(Api.post("/sessions", user, Map.of("character_id", character.toString()))
                .json()
                .path("id")
                .asString());
        assertThat(Api.put("/auth/me/persona", user, Map.of("name", "Mira", "description", "A night nurse."))
                        .status())
                .isEqualTo(200);
        assertThat(Api.post(
                                "/memories",
                                user,
                                Map.of("character_id", character.toString(), "content", "I am allergic to peanuts."))
                        .status())
                .isEqualTo(201);
        Response sent = Api.post(
                "/chat/send",
                user,
                Map.of("session_id", session.toString(), "message", "Hi there, my dog is called Biscuit"));
        assertThat(sent.status()).as(sent.raw()).isIn(200, 202);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> count("companion_ad", "select count(*) from session_counter where user_id = ?", user.id())
                        == 1);
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        count("companion_chat", "select count(*) from chat_message_vector where user_id = ?", user.id())
                                == 1);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count(
                                "companion_chat",
                                "select count(*) from user_view where user_id = ? and persona_name = 'Mira'",
                                user.id())
                        == 1);
        assertThat(objects("media/" + user.id() + "/")).isPositive();

        Response deleted = Api.send(Api.request("/auth/me", user)
                .header("Content-Type", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.ofString("{\"password\":\"" + user.password() + "\"}"))
                .build());
        assertThat(deleted.status()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(count("companion_character", "select count(*) from characters where owner_id = ?", user.id()))
                    .isZero();
            assertThat(count(
                            "companion_character",
                            "select count(*) from users where user_id = ? and username <> ''",
                            user.id()))
                    .isZero();
            assertThat(count("companion_media", "select count(*) from media where owner_id = ?", user.id()))
                    .isZero();
            assertThat(count("companion_ad", "select count(*) from session_counter where user_id = ?", user.id()))
                    .isZero();
            assertThat(count("companion_ad", "select count(*) from impression where user_id = ?", user.id()))
                    .isZero();
            assertThat(objects("media/" + user.id() + "/")).isZero();
            for (String table :
                    List.of("chat_session", "chat_memory", "chat_message_vector", "chat_usage", "blocked_message")) {
                assertThat(count("companion_chat", "select count(*) from " + table + " where user_id = ?", user.id()))
                        .as(table)
                        .isZero();
            }
            assertThat(count(
                            "companion_chat",
                            "select count(*) from user_view where user_id = ?"
                                    + " and (username is not null or persona_name is not null or not deleted)",
                            user.id()))
                    .as("chat's users read model keeps a tombstone without name or persona")
                    .isZero();
        });
        assertThat(awaitMail(user.email(), "Your account was deleted")).contains("erased");
    }

    /** The token of the newest mail with this subject, read from GreenMail's API. */
    private static String awaitToken(String address, String subject, String path) {
        String text = awaitMail(address, subject);
        Matcher matcher = Pattern.compile(Pattern.quote(path) + "\\?token=([A-Za-z0-9_-]+)")
                .matcher(text);
        assertThat(matcher.find()).as(text).isTrue();
        return matcher.group(1);
    }

    static String awaitMail(String address, String subject) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> newestMail(address, subject), text -> text != null);
    }

    private static String newestMail(String address, String subject) {
        Response inbox = Api.send(HttpRequest.newBuilder(URI.create(MAIL_API + "/api/user/"
                        + URLEncoder.encode(address, StandardCharsets.UTF_8) + "/messages/INBOX"))
                .GET()
                .build());
        if (inbox.status() != 200) {
            return null;
        }
        String found = null;
        for (JsonNode mail : inbox.json()) {
            if (subject.equals(mail.path("subject").asString())) {
                found = mail.path("mimeMessage").asString();
            }
        }
        // quoted-printable soft line breaks would split a long link
        return found == null ? null : found.replace("=\r\n", "").replace("=3D", "=");
    }

    private static long objects(String prefix) {
        Response listing = Api.send(HttpRequest.newBuilder(
                        URI.create(S3 + "?list-type=2&prefix=" + URLEncoder.encode(prefix, StandardCharsets.UTF_8)))
                .GET()
                .build());
        assertThat(listing.status()).as(listing.raw()).isEqualTo(200);
        return Pattern.compile("<Key>").matcher(listing.raw()).results().count();
    }

    private static int count(String database, String sql, UUID userId) throws SQLException {
        try (Connection db = Stack.database(database);
                PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setObject(1, userId);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
