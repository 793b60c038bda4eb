package com.companion.auth.account;

import com.companion.auth.account.internal.UserRow;
import com.companion.auth.audit.ClientInfo;
import com.companion.auth.mail.MailProperties;
import com.companion.auth.mail.MailTemplate;
import com.companion.auth.mail.Mailbox;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The mail about an account, each with the parameters its template needs. Queued in the caller's
 * transaction. Links point at the web client ({@code /app/...}), which posts the token to the API.
 */
@Component
class AccountMail {

    static final String VERIFY_EMAIL_PATH = "/app/verify-email?token=";
    static final String CONFIRM_EMAIL_PATH = "/app/confirm-email?token=";
    static final String RESET_PASSWORD_PATH = "/app/reset-password?token=";
    static final String FORGOT_PASSWORD_PATH = "/app/forgot-password";

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final Mailbox mailbox;
    private final MailProperties properties;

    AccountMail(Mailbox mailbox, MailProperties properties) {
        this.mailbox = mailbox;
        this.properties = properties;
    }

    void verifyEmail(UserRow user, String token) {
        mailbox.queue(
                user.email(),
                MailTemplate.VERIFY_EMAIL,
                Map.of("username", user.username(), "link", link(VERIFY_EMAIL_PATH, token)));
    }

    void confirmNewEmail(UserRow user, String newEmail, String token) {
        mailbox.queue(
                newEmail,
                MailTemplate.CONFIRM_NEW_EMAIL,
                Map.of(
                        "username", user.username(),
                        "new_email", newEmail,
                        "link", link(CONFIRM_EMAIL_PATH, token)));
    }

    /** To the old address, so the owner hears of a change they did not make. */
    void emailChanged(UserRow before, String newEmail, Instant when) {
        mailbox.queue(
                before.email(),
                MailTemplate.EMAIL_CHANGED,
                Map.of(
                        "username", before.username(),
                        "new_email", newEmail,
                        "changed_at", WHEN.format(when),
                        "link", properties.link(FORGOT_PASSWORD_PATH)));
    }

    void resetPassword(UserRow user, String token) {
        mailbox.queue(
                user.email(),
                MailTemplate.RESET_PASSWORD,
                Map.of("username", user.username(), "link", link(RESET_PASSWORD_PATH, token)));
    }

    void passwordChanged(UserRow user, Instant when) {
        mailbox.queue(
                user.email(),
                MailTemplate.PASSWORD_CHANGED,
                Map.of(
                        "username", user.username(),
                        "changed_at", WHEN.format(when),
                        "link", properties.link(FORGOT_PASSWORD_PATH)));
    }

    void newSignIn(UserRow user, ClientInfo client, Instant when) {
        mailbox.queue(
                user.email(),
                MailTemplate.NEW_SIGN_IN,
                Map.of(
                        "username", user.username(),
                        "device", client.userAgent() == null ? "unknown" : client.userAgent(),
                        "ip", client.ip() == null ? "unknown" : client.ip(),
                        "signed_in_at", WHEN.format(when.truncatedTo(ChronoUnit.MINUTES)),
                        "link", properties.link(FORGOT_PASSWORD_PATH)));
    }

    void accountDeleted(UserRow user, Instant when) {
        mailbox.queue(
                user.email(),
                MailTemplate.ACCOUNT_DELETED,
                Map.of("username", user.username(), "deleted_at", WHEN.format(when)));
    }

    private String link(String path, String token) {
        return properties.link(path + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }
}
