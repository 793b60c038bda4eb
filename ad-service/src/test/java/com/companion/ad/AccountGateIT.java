package com.companion.ad;

import static org.awaitility.Awaitility.await;

import com.companion.contracts.EventEnvelope;
import com.companion.contracts.EventJson;
import com.companion.contracts.Plan;
import com.companion.contracts.auth.SessionRevoked;
import com.companion.contracts.auth.UserStatus;
import com.companion.contracts.auth.UserUpdated;
import com.companion.platform.test.IntegrationTest;
import com.companion.platform.test.TestJwks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * A still-valid token of a banned account, or of a device session that was signed out, is refused at once, as every
 * other service refuses it; a lifted ban and the user's other devices go on.
 */
@IntegrationTest
@AutoConfigureRestTestClient
class AccountGateIT {

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    RestTestClient http;

    @Test
    void aBannedAccountIsRefusedUntilTheBanIsLifted() throws Exception {
        UUID user = UUID.randomUUID();
        String token = TestJwks.shared().token(user, "free", true);
        nextAd(token).expectStatus().isNoContent();

        send(new UserUpdated(user, "banned", Plan.FREE, true, UserStatus.DISABLED, List.of("status")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> refused(token, "account-unavailable"));

        send(new UserUpdated(user, "banned", Plan.FREE, true, UserStatus.ACTIVE, List.of("status")));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> nextAd(token).expectStatus().isNoContent());
    }

    @Test
    void aSignedOutDeviceIsRefusedWhileTheUsersOtherDevicesGoOn() throws Exception {
        UUID user = UUID.randomUUID();
        UUID signedOut = UUID.randomUUID();
        String signedOutToken = TestJwks.shared().tokenOfSession(user, signedOut);
        String stillIn = TestJwks.shared().tokenOfSession(user, UUID.randomUUID());
        nextAd(signedOutToken).expectStatus().isNoContent();

        send(new SessionRevoked(user, signedOut, "revoked", Instant.now()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> refused(signedOutToken, "session-ended"));
        nextAd(stillIn).expectStatus().isNoContent();
    }

    private RestTestClient.ResponseSpec nextAd(String token) {
        return http.get()
                .uri("/ads/next?session_id=" + UUID.randomUUID())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange();
    }

    private void refused(String token, String type) {
        nextAd(token)
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/" + type);
    }

    private void send(com.companion.contracts.Event event) throws Exception {
        EventEnvelope<?> envelope = EventEnvelope.wrap(event);
        kafka.send(envelope.topic(), envelope.key(), EventJson.encode(envelope)).get();
    }
}
