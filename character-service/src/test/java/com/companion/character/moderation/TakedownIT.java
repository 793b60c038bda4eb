package com.companion.character.moderation;

import static com.companion.character.support.CharacterMother.aPublicCharacter;
import static org.assertj.core.api.Assertions.assertThat;

import com.companion.character.core.CharacterResponse;
import com.companion.character.core.ModerationStatus;
import com.companion.character.support.AuditTopic;
import com.companion.character.support.CharacterServiceTest;
import com.companion.character.support.TestUser;
import com.companion.character.support.WithCharacterTopic;
import com.companion.contracts.character.CharacterUpserted;
import com.companion.contracts.character.Visibility;
import com.companion.contracts.moderation.AdminActionRecorded;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A reported character leaves every path to it at once; its owner keeps it and sees why. */
@CharacterServiceTest
class TakedownIT extends WithCharacterTopic {

    private static final String REASON = "Reported: the persona sexualises a minor.";

    @Autowired
    JdbcClient jdbc;

    TestUser admin;
    AuditTopic audit;

    @BeforeAll
    void seedAdmin() {
        admin = users.admin();
        audit = new AuditTopic();
    }

    @AfterAll
    void closeAudit() {
        audit.close();
    }

    @Test
    void whenTakenDownThenItLeavesCatalogueLinksAndGranteesAtOnceAndTheOwnerSeesWhyUntilRestored() {
        TestUser owner = users.adult();
        TestUser grantee = users.adult();
        TestUser stranger = users.adult();
        String tag = uniqueTag();
        UUID id = api.create(owner, aPublicCharacter().tags(tag)).id();
        api.shareWith(owner, id, grantee);
        String link = api.shareLink(owner, id);
        assertThat(catalogue(tag, null)).containsExactly(id);
        assertThat(api.canSee(null, id)).as("anonymous by id").isTrue();
        api.get("/characters/shared/" + link, null).expectStatus().isOk();

        api.post("/admin/characters/" + id + "/takedown", admin, Map.of("reason", REASON))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.moderation_status")
                .isEqualTo("taken_down")
                .jsonPath("$.acted_by")
                .isEqualTo(admin.id().toString());

        for (TestUser viewer : new TestUser[] {null, users.minor(), stranger, grantee, owner}) {
            assertThat(catalogue(tag, viewer)).isEmpty();
        }
        assertThat(api.canSee(stranger, id)).isFalse();
        assertThat(api.canSee(grantee, id)).isFalse();
        assertThat(api.canSee(null, id)).as("anonymous by id").isFalse();
        api.get("/characters/shared/" + link, null).expectStatus().isNotFound();
        api.post("/characters/shared/" + link, stranger, null).expectStatus().isNotFound();
        assertThat(api.canSee(stranger, id)).as("after trying the link").isFalse();
        CharacterResponse ownView = api.read(owner, id);
        assertThat(ownView.moderationStatus()).isEqualTo(ModerationStatus.TAKEN_DOWN);
        assertThat(ownView.moderationReason()).isEqualTo(REASON);
        CharacterUpserted published = topic.awaitSnapshot(id, 3);
        assertThat(published.visibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(published.granteeIds()).isEmpty();
        assertThat(log(id)).containsExactly(List.of("takedown", admin.id().toString(), REASON, "ok", "taken_down"));

        CharacterResponse edited = api.put(
                        "/characters/" + id,
                        owner,
                        aPublicCharacter().named("Luna II").tags(tag).forUpdate())
                .expectStatus()
                .isOk()
                .expectBody(CharacterResponse.class)
                .returnResult()
                .getResponseBody();
        assertThat(edited.moderationStatus())
                .as("an edit does not lift a takedown")
                .isEqualTo(ModerationStatus.TAKEN_DOWN);
        assertThat(catalogue(tag, null)).isEmpty();

        api.post("/admin/characters/" + id + "/restore", admin, Map.of("reason", "Appeal accepted."))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.moderation_status")
                .isEqualTo("ok");

        assertThat(catalogue(tag, null)).containsExactly(id);
        assertThat(api.canSee(grantee, id)).isTrue();
        CharacterUpserted restored = topic.awaitSnapshot(id, 5);
        assertThat(restored.visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(restored.granteeIds()).containsExactly(grantee.id());
        List<AdminActionRecorded> recorded = audit.awaitExactly(id, 2);
        assertThat(recorded)
                .extracting(AdminActionRecorded::action)
                .containsExactly("character.taken-down", "character.restored");
        assertThat(recorded).extracting(AdminActionRecorded::reason).containsExactly(REASON, "Appeal accepted.");
        assertThat(recorded).allSatisfy(entry -> {
            assertThat(entry.service()).isEqualTo("character-service");
            assertThat(entry.targetType()).isEqualTo("character");
            assertThat(entry.adminId()).isEqualTo(admin.id());
        });
        assertThat(log(id))
                .hasSize(2)
                .last()
                .isEqualTo(List.of("restore", admin.id().toString(), "Appeal accepted.", "taken_down", "ok"));
    }

    @Test
    void whenRestoredTextFailsScreeningThenItComesBackHiddenNotPublic() {
        TestUser owner = users.adult();
        String tag = uniqueTag();
        UUID id = api.create(owner, aPublicCharacter().tags(tag)).id();
        api.post("/admin/characters/" + id + "/takedown", admin, Map.of("reason", REASON))
                .expectStatus()
                .isOk();
        // Written before the guard knew this phrasing: what a stricter guard would now refuse.
        jdbc.sql("update characters set description = :text where id = :id")
                .param("text", "Lily is a 13-year-old girl who sends nude photos to adult men.")
                .param("id", id)
                .update();

        api.post("/admin/characters/" + id + "/restore", admin, Map.of("reason", "Appeal accepted."))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.moderation_status")
                .isEqualTo("hidden");

        assertThat(catalogue(tag, null)).isEmpty();
        assertThat(api.read(owner, id).moderationReason()).contains("minors", "description");
    }

    @Test
    void whenTheCallerIsNotAnAdminThenTheAdminPathsAreNotFound() {
        TestUser owner = users.adult();
        UUID id = api.create(owner, aPublicCharacter()).id();
        Map<String, String> body = Map.of("reason", "I do not like it.");

        for (TestUser notAdmin : List.of(owner, users.adult())) {
            for (String action : List.of("takedown", "restore")) {
                api.post("/admin/characters/" + id + "/" + action, notAdmin, body)
                        .expectStatus()
                        .isNotFound()
                        .expectBody()
                        .jsonPath("$.type")
                        .isEqualTo("/problems/not-found");
            }
        }
        api.post("/admin/characters/" + id + "/takedown", null, body)
                .expectStatus()
                .isUnauthorized();
        assertThat(api.read(owner, id).moderationStatus()).isEqualTo(ModerationStatus.OK);
        assertThat(log(id)).isEmpty();
        assertThat(audit.awaitExactly(id, 0)).isEmpty();
    }

    @Test
    void whenAnAdminNamesNoCharacterOrNoReasonThenTheActionIsRefused() {
        UUID id = api.create(users.adult(), aPublicCharacter()).id();

        api.post("/admin/characters/" + UUID.randomUUID() + "/takedown", admin, Map.of("reason", REASON))
                .expectStatus()
                .isNotFound();
        api.post("/admin/characters/" + id + "/takedown", admin, Map.of("reason", " "))
                .expectStatus()
                .isBadRequest();
        api.post("/admin/characters/" + id + "/restore", admin, Map.of("reason", "Nothing to restore."))
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/not-taken-down");
    }

    @Test
    void whenAnAdminSendsNoBodyThenTheTakedownIsLoggedWithoutAReason() {
        UUID id = api.create(users.adult(), aPublicCharacter()).id();

        api.post("/admin/characters/" + id + "/takedown", admin, null)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.moderation_status")
                .isEqualTo("taken_down");

        assertThat(log(id))
                .containsExactly(List.of("takedown", admin.id().toString(), "(no reason given)", "ok", "taken_down"));
    }

    private List<List<String>> log(UUID id) {
        return jdbc.sql("""
                        select action, actor_id, reason, previous_status, new_status from character_moderation_log
                        where character_id = :id order by id
                        """)
                .param("id", id)
                .query((rs, n) -> List.of(
                        rs.getString("action"),
                        String.valueOf(rs.getString("actor_id")),
                        rs.getString("reason"),
                        rs.getString("previous_status"),
                        rs.getString("new_status")))
                .list();
    }

    private List<UUID> catalogue(String tag, @Nullable TestUser viewer) {
        return api.page("/characters/public?tags=" + tag, viewer).items().stream()
                .map(CharacterResponse::id)
                .toList();
    }

    private static String uniqueTag() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
