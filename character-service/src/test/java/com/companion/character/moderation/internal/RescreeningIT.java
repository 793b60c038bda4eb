package com.companion.character.moderation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.companion.character.core.CharacterResponse;
import com.companion.character.core.ModerationStatus;
import com.companion.character.moderation.CharacterScreening;
import com.companion.character.support.CharacterMother;
import com.companion.character.support.CharacterServiceTest;
import com.companion.character.support.TestUser;
import com.companion.character.support.WithCharacterTopic;
import com.companion.contracts.character.Visibility;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Characters written before screening existed, or judged by an older screening version, are screened by the job;
 * failures are hidden and fixed false blocks come back.
 */
@CharacterServiceTest
@TestPropertySource(properties = "character.moderation.rescreen-interval=200ms")
class RescreeningIT extends WithCharacterTopic {

    private static final String ISSUE = "Lily is a 13-year-old girl who sends nude photos to adult men.";
    private static final String ADULT_TEXT =
            "A flirtatious 30-year-old bartender who loves to take off her clothes and have sex with you.";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Rescreening job;

    @Autowired
    CharacterScreening screening;

    @Test
    void whenARowFromBeforeScreeningFailsThenItIsHiddenFromEveryoneButItsOwnerAndGoodRowsStay() {
        String tag = uniqueTag();
        UUID bad = insertUnscreened(ISSUE, false, tag);
        UUID good = insertUnscreened("A cheerful stargazer who loves astronomy.", false, tag);
        UUID adultInAdultMode = insertUnscreened(ADULT_TEXT, true, tag);
        UUID adultInCleanMode = insertUnscreened(ADULT_TEXT, false, tag);
        List<UUID> all = List.of(bad, good, adultInAdultMode, adultInCleanMode);

        await().atMost(Duration.ofSeconds(30)).until(() -> all.stream().noneMatch(this::pending));

        CharacterResponse hidden = api.read(owner, bad);
        assertThat(hidden.moderationStatus()).isEqualTo(ModerationStatus.HIDDEN);
        assertThat(hidden.moderationReason()).contains("minors", "description");
        assertThat(api.read(owner, adultInCleanMode).moderationStatus()).isEqualTo(ModerationStatus.HIDDEN);
        assertThat(api.read(owner, good).moderationStatus()).isEqualTo(ModerationStatus.OK);
        assertThat(api.read(owner, adultInAdultMode).moderationStatus()).isEqualTo(ModerationStatus.OK);
        TestUser adult = users.adult();
        assertThat(catalogue(tag, null)).containsExactly(good);
        assertThat(catalogue(tag, users.minor())).containsExactly(good);
        assertThat(catalogue(tag, adult)).containsExactlyInAnyOrder(good, adultInAdultMode);
        assertThat(api.canSee(adult, bad)).isFalse();
        assertThat(topic.awaitSnapshot(bad, 2).visibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(topic.awaitSnapshot(good, 2).visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(hideLog(bad)).containsExactly("pending->hidden");

        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> all.stream().allMatch(id -> version(id) == 2));
    }

    @Test
    void whenSeveralInstancesScreenAtOnceThenEachRowIsScreenedExactlyOnce() {
        String tag = uniqueTag();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            ids.add(insertUnscreened(i % 3 == 0 ? ISSUE : "A calm gardener, number " + i + ".", false, tag));
        }

        List<CompletableFuture<Integer>> instances = List.of(
                CompletableFuture.supplyAsync(job::screenAll),
                CompletableFuture.supplyAsync(job::screenAll),
                CompletableFuture.supplyAsync(job::screenAll));
        instances.forEach(CompletableFuture::join);
        await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream().noneMatch(this::pending));

        Map<UUID, Long> versions = ids.stream().collect(Collectors.toMap(Function.identity(), this::version));
        assertThat(versions.values())
                .as("one change per row, whoever screened it")
                .containsOnly(2L);
        long bad = ids.stream()
                .filter(id -> api.read(owner, id).moderationStatus() == ModerationStatus.HIDDEN)
                .count();
        assertThat(bad).isEqualTo(50);
        assertThat(ids.stream().mapToInt(id -> hideLog(id).size()).sum()).isEqualTo(50);
    }

    @Test
    void whenTheScreeningVersionChangesThenTextJudgedByAnOlderOneIsJudgedAgainAndANewerOnesVerdictStands() {
        String tag = uniqueTag();
        String old = "sheet/0 rules/old-" + tag;
        String newer = "sheet/9 rules/newer-" + tag;
        jdbc.sql("""
                        insert into character_screening_version (version, first_seen)
                        values (:old, clock_timestamp() - interval '1 day'), (:newer, clock_timestamp() + interval '1 day')
                        """).param("old", old).param("newer", newer).update();
        UUID passedBefore = insertJudged(ISSUE, "ok", old, tag);
        UUID fine = insertJudged("A cheerful stargazer who loves astronomy.", "ok", old, tag);
        UUID falselyHidden = insertJudged("A retired sailor who tells sea stories.", "hidden", old, tag);
        UUID beforeVersions = insertJudged(ISSUE, "ok", null, tag);
        UUID judgedByNewer = insertJudged("A calm gardener who grows tomatoes.", "hidden", newer, tag);
        UUID takenDown = insertJudged("A quiet librarian.", "taken_down", old, tag);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> List.of(passedBefore, fine, falselyHidden, beforeVersions).stream()
                        .allMatch(id -> screening.version().equals(screenedWith(id))));

        assertThat(api.read(owner, passedBefore).moderationStatus()).isEqualTo(ModerationStatus.HIDDEN);
        assertThat(api.read(owner, passedBefore).moderationReason()).contains("minors", "description");
        assertThat(api.read(owner, beforeVersions).moderationStatus()).isEqualTo(ModerationStatus.HIDDEN);
        assertThat(api.read(owner, fine).moderationStatus()).isEqualTo(ModerationStatus.OK);
        assertThat(api.read(owner, falselyHidden).moderationStatus()).isEqualTo(ModerationStatus.OK);
        assertThat(hideLog(passedBefore)).containsExactly("ok->hidden");
        assertThat(catalogue(tag, users.adult())).containsExactlyInAnyOrder(fine, falselyHidden);
        assertThat(topic.awaitSnapshot(passedBefore, 2).visibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(topic.awaitSnapshot(falselyHidden, 2).visibility()).isEqualTo(Visibility.PUBLIC);
        // a newer version's verdict is not judged back (a rolling deploy), and a takedown is the administrators' call
        assertThat(screenedWith(judgedByNewer)).isEqualTo(newer);
        assertThat(api.read(owner, judgedByNewer).moderationStatus()).isEqualTo(ModerationStatus.HIDDEN);
        assertThat(screenedWith(takenDown)).isEqualTo(old);
        assertThat(api.read(owner, takenDown).moderationStatus()).isEqualTo(ModerationStatus.TAKEN_DOWN);
        // a verdict that did not change publishes nothing new
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> version(fine) == 1);
    }

    @Test
    void aCharacterCreatedNowRecordsTheVersionThatJudgedIt() {
        UUID created = api.create(owner, CharacterMother.aPublicCharacter()).id();

        assertThat(screenedWith(created)).isEqualTo(screening.version()).contains("sheet/4", "rules/", "learned/");
    }

    /** A row judged before this change, as {@code status}, by {@code screenedWith} (null: before versions existed). */
    private UUID insertJudged(String description, String status, @Nullable String screenedWith, String tag) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into characters (id, owner_id, name, description, character_type, shyness, flirtiness,
                            humor, boldness, affection, sarcasm, positivity, visibility, tags, nsfw_enabled, version,
                            created_at, updated_at, moderation_status, moderation_reason, screened_at, screened_with)
                        values (:id, :owner, 'Judged', :description, 'friend', 50, 50, 50, 50, 50, 50, 50, 'public',
                            :tags, false, 1, :now, :now, :status, :reason, :now, :screenedWith)
                        """)
                .param("id", id)
                .param("owner", owner.id())
                .param("description", description)
                .param("tags", new String[] {tag})
                .param("status", status)
                .param("reason", status.equals("ok") ? null : "judged before")
                .param("screenedWith", screenedWith)
                .param("now", java.sql.Timestamp.from(Instant.now()))
                .update();
        return id;
    }

    private @Nullable String screenedWith(UUID id) {
        return jdbc.sql("select screened_with from characters where id = :id")
                .param("id", id)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    /** A row as it was written before this change: no moderation columns set, so it is pending. */
    private UUID insertUnscreened(String description, boolean adultMode, String tag) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into characters (id, owner_id, name, description, character_type, shyness, flirtiness,
                            humor, boldness, affection, sarcasm, positivity, visibility, tags, nsfw_enabled, version,
                            created_at, updated_at)
                        values (:id, :owner, 'Legacy', :description, 'friend', 50, 50, 50, 50, 50, 50, 50, 'public',
                            :tags, :nsfw, 1, :now, :now)
                        """)
                .param("id", id)
                .param("owner", owner.id())
                .param("description", description)
                .param("tags", new String[] {tag})
                .param("nsfw", adultMode)
                .param("now", java.sql.Timestamp.from(Instant.now()))
                .update();
        return id;
    }

    private boolean pending(UUID id) {
        return jdbc.sql("select moderation_status = 'pending' or screened_at is null from characters where id = :id")
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    private long version(UUID id) {
        return jdbc.sql("select version from characters where id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }

    private List<String> hideLog(UUID id) {
        return jdbc.sql("""
                        select previous_status || '->' || new_status from character_moderation_log
                        where character_id = :id and action = 'hide' and actor_id is null
                        """).param("id", id).query(String.class).list();
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
