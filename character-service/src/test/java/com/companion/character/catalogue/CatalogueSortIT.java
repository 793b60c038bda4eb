package com.companion.character.catalogue;

import static com.companion.character.support.CharacterMother.aPublicCharacter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.companion.character.core.CharacterResponse;
import com.companion.character.support.Api;
import com.companion.character.support.CharacterServiceTest;
import com.companion.character.support.KafkaEvents;
import com.companion.character.support.TestUser;
import com.companion.character.support.Users;
import com.companion.contracts.Plan;
import com.companion.contracts.chat.ReplyCompleted;
import com.companion.contracts.chat.TokenUsage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The catalogue's popular and trending sorts and its counts, from the completed replies chat-service's
 * sessions received (chat.replies.v1) and from favourites.
 */
@CharacterServiceTest
class CatalogueSortIT {

    @Autowired
    Api api;

    @Autowired
    Users users;

    @Test
    void popularCountsChatsOfTheLastWeekTrendingFavoursRecentGrowthAndEachCharacterCarriesItsCounts() {
        TestUser owner = users.adult();
        TestUser fan = users.adult();
        String tag = "sort-" + UUID.randomUUID().toString().substring(0, 8);
        CharacterResponse steady =
                api.create(owner, aPublicCharacter().named("Steady").tags(tag));
        CharacterResponse rising =
                api.create(owner, aPublicCharacter().named("Rising").tags(tag));
        CharacterResponse old =
                api.create(owner, aPublicCharacter().named("Old").tags(tag));
        CharacterResponse quiet =
                api.create(owner, aPublicCharacter().named("Quiet").tags(tag));
        Instant now = Instant.now();

        chats(steady.id(), 5, now.minus(4, ChronoUnit.DAYS));
        chats(rising.id(), 3, now);
        chats(old.id(), 9, now.minus(10, ChronoUnit.DAYS));
        UUID session = UUID.randomUUID();
        reply(rising.id(), session, now);
        reply(rising.id(), session, now);
        api.put("/characters/" + quiet.id() + "/favorite", fan, Map.of())
                .expectStatus()
                .isNoContent();
        api.put("/characters/" + quiet.id() + "/favorite", owner, Map.of())
                .expectStatus()
                .isNoContent();

        // Every reply counted (a tie in the order could pass before the last of them is), then the order.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Map<UUID, Long> counts = api.page("/characters/public?tags=" + tag, null).items().stream()
                    .collect(Collectors.toMap(CharacterResponse::id, c -> c.chatCount() == null ? 0L : c.chatCount()));
            assertThat(counts).containsEntry(steady.id(), 5L).containsEntry(rising.id(), 4L);
            assertThat(ids("popular", tag)).containsExactly(steady.id(), rising.id(), quiet.id(), old.id());
        });
        assertThat(ids("trending", tag)).containsExactly(rising.id(), quiet.id(), old.id(), steady.id());
        assertThat(ids("new", tag)).containsExactly(quiet.id(), old.id(), rising.id(), steady.id());

        Map<UUID, CharacterResponse> listed = api.page("/characters/public?tags=" + tag, null).items().stream()
                .collect(Collectors.toMap(CharacterResponse::id, Function.identity()));
        assertThat(listed.get(steady.id()).chatCount()).isEqualTo(5);
        assertThat(listed.get(rising.id()).chatCount())
                .as("one session, many replies, counts once")
                .isEqualTo(4);
        assertThat(listed.get(old.id()).chatCount()).as("older than a week").isZero();
        assertThat(listed.get(quiet.id()).favoriteCount()).isEqualTo(2);
        assertThat(api.read(owner, quiet.id()).favoriteCount())
                .as("only listed characters carry counts")
                .isNull();

        String firstPage = api.page("/characters/public?sort=popular&limit=2&tags=" + tag, null)
                .nextCursor();
        assertThat(api.page("/characters/public?sort=popular&limit=2&tags=" + tag + "&cursor=" + firstPage, null)
                        .items())
                .extracting(CharacterResponse::id)
                .containsExactly(quiet.id(), old.id());
        api.get("/characters/public?sort=best", null).expectStatus().isBadRequest();
        api.get("/characters/public?sort=popular&cursor=" + firstPage.substring(1), null)
                .expectStatus()
                .isBadRequest();
    }

    private List<UUID> ids(String sort, String tag) {
        return api.page("/characters/public?sort=" + sort + "&tags=" + tag, null).items().stream()
                .map(CharacterResponse::id)
                .toList();
    }

    private static void chats(UUID characterId, int sessions, Instant at) {
        for (int i = 0; i < sessions; i++) {
            reply(characterId, UUID.randomUUID(), at);
        }
    }

    private static void reply(UUID characterId, UUID sessionId, Instant at) {
        KafkaEvents.publish(new ReplyCompleted(
                UUID.randomUUID(),
                sessionId,
                UUID.randomUUID(),
                characterId,
                Plan.FREE,
                "hi",
                "stop",
                new TokenUsage(10, 2, 12),
                "test-model",
                100,
                20,
                1,
                at));
    }
}
