package com.companion.ad.inventory;

import com.companion.contracts.ads.Ad;
import com.companion.contracts.ads.AdImpression;
import com.companion.contracts.ads.ImpressionAction;
import com.companion.platform.messaging.outbox.Outbox;
import com.companion.platform.web.problem.ApiProblem;
import com.companion.platform.web.security.AuthenticatedUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AdController {

    enum ImpressionEvent {
        shown,
        clicked
    }

    record Impression(
            @NotNull UUID adId,
            @NotNull UUID sessionId,
            @NotNull ImpressionEvent event) {}

    private record SessionAds(UUID userId, boolean lastShowAd, UUID lastAdId) {}

    private final JdbcClient jdbc;
    private final Inventory inventory;
    private final Outbox outbox;

    AdController(JdbcClient jdbc, Inventory inventory, Outbox outbox) {
        this.jdbc = jdbc;
        this.inventory = inventory;
        this.outbox = outbox;
    }

    /**
     * The ad the last decision for this session called for; 204 when it called for none, and for a session no reply of
     * which has been counted yet (ad-service learns of a session with its first counted reply, so such a session may be
     * the caller's; answering 204 for every unknown id leaks nothing). 404 for another user's session.
     */
    @GetMapping("/ads/next")
    ResponseEntity<Ad> next(AuthenticatedUser user, @RequestParam("session_id") UUID sessionId) {
        Optional<SessionAds> known = find(sessionId);
        if (known.isEmpty()) {
            return ResponseEntity.noContent().build();
        }
        SessionAds session =
                known.filter(s -> s.userId().equals(user.userId())).orElseThrow(() -> ApiProblem.notFound("session"));
        if (!session.lastShowAd() || session.lastAdId() == null) {
            return ResponseEntity.noContent().build();
        }
        return inventory
                .find(session.lastAdId())
                .map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    /**
     * Records that the ad of a decision was shown or clicked: once per decision and event, so a client that posts the
     * same impression again (a retry, a re-render) counts once. The ad must be one a decision of this session called
     * for; the latest such decision is the one the impression belongs to. The first record of a decision and event
     * publishes {@link AdImpression} (for analytics) in the same transaction.
     */
    @PostMapping("/ads/impressions")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Transactional
    void impression(AuthenticatedUser user, @Valid @RequestBody Impression impression) {
        owned(user, impression.sessionId());
        UUID decision = jdbc.sql("""
                        select request_id from counted_reply
                        where session_id = :session and ad_id = :ad and show_ad
                        order by counted_at desc limit 1
                        """)
                .param("session", impression.sessionId())
                .param("ad", impression.adId())
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> ApiProblem.notFound("ad"));
        int recorded = jdbc.sql("""
                        insert into impression (ad_id, session_id, user_id, event, decision_id)
                        values (:ad, :session, :user, :event, :decision)
                        on conflict (decision_id, event) where decision_id is not null do nothing
                        """)
                .param("ad", impression.adId())
                .param("session", impression.sessionId())
                .param("user", user.userId())
                .param("event", impression.event().name())
                .param("decision", decision)
                .update();
        if (recorded == 1) {
            outbox.publish(new AdImpression(
                    decision,
                    impression.adId(),
                    impression.sessionId(),
                    user.userId(),
                    impression.event() == ImpressionEvent.shown ? ImpressionAction.SHOWN : ImpressionAction.CLICKED,
                    Instant.now()));
        }
    }

    private SessionAds owned(AuthenticatedUser user, UUID sessionId) {
        return find(sessionId)
                .filter(s -> s.userId().equals(user.userId()))
                .orElseThrow(() -> ApiProblem.notFound("session"));
    }

    private Optional<SessionAds> find(UUID sessionId) {
        return jdbc.sql("select user_id, last_show_ad, last_ad_id from session_counter where session_id = :session")
                .param("session", sessionId)
                .query((rs, n) -> new SessionAds(
                        rs.getObject("user_id", UUID.class),
                        rs.getBoolean("last_show_ad"),
                        rs.getObject("last_ad_id", UUID.class)))
                .optional();
    }
}
