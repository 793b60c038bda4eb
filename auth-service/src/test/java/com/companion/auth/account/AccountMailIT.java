package com.companion.auth.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.companion.auth.support.Api.Reply;
import com.companion.auth.support.AuthApiTest;
import com.companion.auth.support.Signups;
import com.companion.auth.support.TestSmtp;
import com.companion.auth.support.TestSmtp.Mail;
import com.companion.platform.test.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/** Email verification, password change and reset, email change: each through the mail a real SMTP server received. */
@IntegrationTest
class AccountMailIT extends AuthApiTest {

    private static final String NEW_PASSWORD = "amber-meadow-compass-42";
    private static final String OTHER_DEVICE = "OtherPhone/2.0";

    @Test
    void signupMailsAVerificationLinkThatVerifiesTheAddressOnce() {
        Signups signup = Signups.valid();
        String email = (String) signup.get("email");
        Reply created = api.post("/auth/signup", signup.body());
        assertThat(created.at("/user/email_verified").asBoolean()).isFalse();

        Mail mail = awaitMail(email, "Confirm your email address");
        assertThat(mail.html()).contains("/app/verify-email?token=").contains("<a href=");
        String token = mail.token("/app/verify-email");

        assertThat(api.post("/auth/email/verify", Map.of("token", token)).status())
                .isEqualTo(204);
        assertThat(api.get("/auth/me", created.text("access_token"))
                        .body()
                        .path("email_verified")
                        .asBoolean())
                .isTrue();
        Reply again = api.post("/auth/email/verify", Map.of("token", token));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.text("type")).endsWith("invalid-token");
        assertThat(jdbc.sql("select count(*) from account_token where token_hash = sha256(convert_to(:t, 'UTF8'))")
                        .param("t", token)
                        .query(Integer.class)
                        .single())
                .as("the token is stored hashed")
                .isEqualTo(1);
    }

    @Test
    void resendReplacesTheLinkAndAVerifiedAddressGetsNoMore() {
        Signups signup = Signups.valid();
        String email = (String) signup.get("email");
        Reply created = api.post("/auth/signup", signup.body());
        String first = awaitMail(email, "Confirm your email address").token("/app/verify-email");

        // An endpoint without a body refuses one as every endpoint does (and mails nothing): the count below stays 2.
        String token = created.text("access_token");
        assertThat(api.post("/auth/email/resend", "{\"a\":1}", token).status()).isEqualTo(400);
        assertThat(api.post("/auth/email/resend", "{\"a\":", token).status()).isEqualTo(400);
        assertThat(api.post("/auth/email/resend", "[]", token).status()).isEqualTo(400);
        assertThat(api.post("/auth/email/resend", "{}", token).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> TestSmtp.to(email, "Confirm your email address").size() == 2);
        String second = TestSmtp.to(email, "Confirm your email address").get(1).token("/app/verify-email");

        assertThat(api.post("/auth/email/verify", Map.of("token", first)).status())
                .isEqualTo(400);
        assertThat(api.post("/auth/email/verify", Map.of("token", second)).status())
                .isEqualTo(204);
        assertThat(api.post("/auth/email/resend", null, created.text("access_token"))
                        .status())
                .isEqualTo(202);
        await().during(Duration.ofMillis(800))
                .atMost(Duration.ofSeconds(3))
                .until(() -> TestSmtp.to(email, "Confirm your email address").size() == 2);
    }

    @Test
    void forgotThenResetSetsTheNewPasswordOnceAndSignsOutEveryDevice() {
        Signups signup = Signups.valid();
        String email = (String) signup.get("email");
        Reply created = api.post("/auth/signup", signup.body());
        Reply otherDevice = loginFrom(OTHER_DEVICE, email, Signups.PASSWORD);
        assertThat(otherDevice.status()).isEqualTo(200);

        Reply unknown = api.post("/auth/password/forgot", Map.of("email", "nobody." + email));
        Reply known = api.post("/auth/password/forgot", Map.of("email", email.toUpperCase()));
        assertThat(unknown.status()).isEqualTo(202);
        assertThat(known.status()).isEqualTo(202);
        assertThat(known.body()).isEqualTo(unknown.body());

        Mail mail = awaitMail(email, "Reset your password");
        String token = mail.token("/app/reset-password");
        assertThat(TestSmtp.to("nobody." + email)).isEmpty();

        Reply weak = api.post("/auth/password/reset", Map.of("token", token, "new_password", "short"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(api.post("/auth/password/reset", Map.of("token", token, "new_password", NEW_PASSWORD))
                        .status())
                .as("a refused password leaves the token usable")
                .isEqualTo(204);

        assertThat(login(email, Signups.PASSWORD).status()).isEqualTo(401);
        assertThat(refresh(created.text("refresh_token")).status()).isEqualTo(401);
        assertThat(refresh(otherDevice.text("refresh_token")).status()).isEqualTo(401);
        for (String signedOut : List.of(created.text("access_token"), otherDevice.text("access_token"))) {
            assertSessionEnded(api.get("/auth/me", signedOut));
            assertSessionEnded(api.get("/auth/sessions", signedOut));
        }
        assertThat(login(email, NEW_PASSWORD).status()).isEqualTo(200);
        Reply reused = api.post("/auth/password/reset", Map.of("token", token, "new_password", "x" + NEW_PASSWORD));
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.text("type")).endsWith("invalid-token");
        awaitMail(email, "Your password was changed");
    }

    @Test
    void aResetLinkLivesThirtyMinutesAndAnExpiredOneChangesNothing() {
        Signups signup = Signups.valid();
        String email = (String) signup.get("email");
        api.post("/auth/signup", signup.body());
        api.post("/auth/password/forgot", Map.of("email", email));
        String token = awaitMail(email, "Reset your password").token("/app/reset-password");
        String lifetime = "select (expires_at - created_at)::text from account_token"
                + " where token_hash = sha256(convert_to(:t, 'UTF8'))";
        assertThat(jdbc.sql(lifetime).param("t", token).query(String.class).single())
                .isEqualTo("00:30:00");

        jdbc.sql("update account_token set expires_at = now() - interval '1 second'"
                        + " where token_hash = sha256(convert_to(:t, 'UTF8'))")
                .param("t", token)
                .update();
        Reply expired = api.post("/auth/password/reset", Map.of("token", token, "new_password", NEW_PASSWORD));
        assertThat(expired.status()).isEqualTo(400);
        assertThat(login(email, Signups.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void changingThePasswordSignsOutOtherDevicesAndKeepsThisOne() {
        Signups signup = Signups.valid();
        String email = (String) signup.get("email");
        Reply created = api.post("/auth/signup", signup.body());
        Reply otherDevice = loginFrom(OTHER_DEVICE, email, Signups.PASSWORD);
        String token = created.text("access_token");

        Reply wrong = api.post(
                "/auth/password",
                Map.of("current_password", "not-" + Signups.PASSWORD, "new_password", NEW_PASSWORD),
                token);
        assertThat(wrong.status()).isEqualTo(403);
        Reply same = api.post(
                "/auth/password",
                Map.of("current_password", Signups.PASSWORD, "new_password", Signups.PASSWORD),
                token);
        assertThat(same.status()).isEqualTo(400);
        assertThat(same.text("type")).isEqualTo("/problems/validation");
        assertThat(same.at("/errors/0/field").asString()).isEqualTo("new_password");
        assertThat(same.at("/errors/0/message").asString()).isEqualTo("must differ from the current password");
        assertThat(same.body().path("errors").size()).isEqualTo(1);
        assertThat(api.get("/auth/me", otherDevice.text("access_token")).status())
                .as("a refused change signs nobody out")
                .isEqualTo(200);
        Reply changed = api.post(
                "/auth/password", Map.of("current_password", Signups.PASSWORD, "new_password", NEW_PASSWORD), token);
        assertThat(changed.status()).isEqualTo(204);

        assertThat(refresh(otherDevice.text("refresh_token")).status()).isEqualTo(401);
        assertSessionEnded(api.get("/auth/me", otherDevice.text("access_token")));
        assertSessionEnded(api.get("/auth/sessions", otherDevice.text("access_token")));
        assertThat(api.get("/auth/me", token).status()).as("this device stays").isEqualTo(200);
        assertThat(refresh(created.text("refresh_token")).status()).isEqualTo(200);
        assertThat(login(email, Signups.PASSWORD).status()).isEqualTo(401);
        assertThat(login(email, NEW_PASSWORD).status()).isEqualTo(200);
        assertThat(awaitMail(email, "Your password was changed").text()).contains("other devices were signed out");
    }

    @Test
    void aNewEmailTakesEffectOnlyOnceTheNewAddressConfirmsIt() {
        Signups signup = Signups.valid();
        String oldEmail = (String) signup.get("email");
        String newEmail = "moved." + oldEmail;
        Reply created = api.post("/auth/signup", signup.body());
        String token = created.text("access_token");

        Reply wrongPassword = api.post(
                "/auth/email/change", Map.of("new_email", newEmail, "password", "nope-" + Signups.PASSWORD), token);
        assertThat(wrongPassword.status()).isEqualTo(403);
        Reply asked =
                api.post("/auth/email/change", Map.of("new_email", newEmail, "password", Signups.PASSWORD), token);
        assertThat(asked.status()).isEqualTo(202);

        assertThat(api.get("/auth/me", token).text("email")).isEqualTo(oldEmail);
        assertThat(login(newEmail, Signups.PASSWORD).status()).isEqualTo(401);
        Mail confirm = awaitMail(newEmail, "Confirm your new email address");
        assertThat(TestSmtp.to(oldEmail, "Confirm your new email address")).isEmpty();

        assertThat(api.post("/auth/email/change/confirm", Map.of("token", confirm.token("/app/confirm-email")))
                        .status())
                .isEqualTo(204);
        Reply me = api.get("/auth/me", token);
        assertThat(me.text("email")).isEqualTo(newEmail);
        assertThat(me.body().path("email_verified").asBoolean()).isTrue();
        assertThat(login(newEmail, Signups.PASSWORD).status()).isEqualTo(200);
        assertThat(login(oldEmail, Signups.PASSWORD).status()).isEqualTo(401);
        assertThat(awaitMail(oldEmail, "Your email address was changed").text()).contains(newEmail);
    }

    @Test
    void aTakenAddressIsRefusedAndAUsernameChangeIsPublished() {
        Signups first = Signups.valid();
        Signups second = Signups.valid();
        api.post("/auth/signup", first.body());
        Reply created = api.post("/auth/signup", second.body());
        String token = created.text("access_token");
        String userId = created.at("/user/id").asString();

        Reply taken = api.post(
                "/auth/email/change", Map.of("new_email", first.get("email"), "password", Signups.PASSWORD), token);
        assertThat(taken.status()).isEqualTo(409);

        String newName = "Renamed_" + userId.substring(0, 8).toUpperCase();
        Reply renamed = api.patch("/auth/me", Map.of("username", newName), token);
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.text("username")).as("kept as typed").isEqualTo(newName);
        assertThat(api.get("/auth/me", token).text("username")).isEqualTo(newName);
        Reply takenName =
                api.patch("/auth/me", Map.of("username", ((String) first.get("username")).toUpperCase()), token);
        assertThat(takenName.status()).isEqualTo(409);
        assertThat(takenName.text("field")).isEqualTo("username");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> events.about(userId, "auth.user-updated").stream()
                        .anyMatch(seen -> seen.data().path("changed").toString().equals("[\"username\"]")
                                && seen.data().path("username").asString().equals(newName)));

        String recased = newName.toLowerCase();
        Reply recasedReply = api.patch("/auth/me", Map.of("username", recased), token);
        assertThat(recasedReply.status())
                .as("a new spelling of one's own name is not another account's")
                .isEqualTo(200);
        assertThat(recasedReply.text("username")).isEqualTo(recased);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> events.about(userId, "auth.user-updated").stream()
                        .anyMatch(
                                seen -> seen.data().path("username").asString().equals(recased)));
    }

    @Test
    void aSignInFromANewDeviceIsMailedOnce() {
        Signups signup = Signups.valid();
        String email = (String) signup.get("email");
        api.post("/auth/signup", signup.body());
        assertThat(login(email, Signups.PASSWORD).status()).isEqualTo(200);
        assertThat(loginFrom(OTHER_DEVICE, email, Signups.PASSWORD).status()).isEqualTo(200);
        assertThat(loginFrom(OTHER_DEVICE, email, Signups.PASSWORD).status()).isEqualTo(200);

        Mail mail = awaitMail(email, "New sign-in to your account");
        assertThat(mail.text()).contains(OTHER_DEVICE);
        await().during(Duration.ofMillis(800))
                .atMost(Duration.ofSeconds(3))
                .until(() -> TestSmtp.to(email, "New sign-in to your account").size() == 1);
    }

    @Test
    void deletingTheAccountMailsTheAddressALastTime() {
        Signups signup = Signups.valid();
        String email = (String) signup.get("email");
        Reply created = api.post("/auth/signup", signup.body());
        assertThat(api.delete("/auth/me", Map.of("password", Signups.PASSWORD), created.text("access_token"))
                        .status())
                .isEqualTo(204);
        assertThat(awaitMail(email, "Your account was deleted").html()).contains("erased");
    }

    private static Mail awaitMail(String address, String subject) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !TestSmtp.to(address, subject).isEmpty());
        List<Mail> mails = TestSmtp.to(address, subject);
        return mails.getLast();
    }

    private Reply login(String identifier, String password) {
        return api.post("/auth/login", Map.of("identifier", identifier, "password", password));
    }

    private Reply loginFrom(String userAgent, String identifier, String password) {
        return api.call(
                HttpMethod.POST,
                "/auth/login",
                Map.of("identifier", identifier, "password", password),
                null,
                Map.of("User-Agent", userAgent));
    }

    private Reply refresh(String refreshToken) {
        return api.post("/auth/refresh", Map.of("refresh_token", refreshToken));
    }

    private static void assertSessionEnded(Reply reply) {
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.headers().getContentType()).hasToString("application/problem+json");
        assertThat(reply.text("type")).isEqualTo("/problems/session-ended");
    }
}
