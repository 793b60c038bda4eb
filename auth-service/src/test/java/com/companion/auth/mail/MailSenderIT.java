package com.companion.auth.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.companion.auth.support.Api.Reply;
import com.companion.auth.support.AuthApiTest;
import com.companion.auth.support.Signups;
import com.companion.auth.support.SmtpUnreachable;
import com.companion.platform.test.IntegrationTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With no SMTP server listening, requests still answer at once and mail is retried, then given up. */
@IntegrationTest(properties = "auth.mail.max-attempts=3")
@SmtpUnreachable
class MailSenderIT extends AuthApiTest {

    @Test
    void aStoppedSmtpServerCostsTheRequestNothingAndTheMailIsRetriedThenKept() {
        Signups signup = Signups.valid();
        String email = (String) signup.get("email");

        Reply created = api.post("/auth/signup", signup.body());
        assertThat(created.status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(15)).until(() -> failed(email) != null);
        Map<String, Object> row = failed(email);
        assertThat(row.get("attempts")).isEqualTo(3);
        assertThat((String) row.get("last_error")).contains("Mail");
        assertThat(row.get("template")).isEqualTo("verify-email");
    }

    private Map<String, Object> failed(String email) {
        return jdbc
                .sql("select attempts, last_error, template from mail_outbox"
                        + " where recipient = :email and failed_at is not null")
                .param("email", email)
                .query()
                .listOfRows()
                .stream()
                .findFirst()
                .orElse(null);
    }
}
