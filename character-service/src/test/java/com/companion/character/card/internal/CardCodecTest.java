package com.companion.character.card.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.companion.character.support.CardFiles;
import com.companion.contracts.character.LorebookPosition;
import com.companion.platform.web.problem.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CardCodecTest {

    @Test
    void aV2CardIsReadFieldByFieldWithItsLorebookAndExtensions() {
        ImportedCard card = CardCodec.read(CardFiles.fixture("v2-mira.json"));

        assertThat(card.name()).isEqualTo("Mira Kowalczyk");
        assertThat(card.description()).endsWith("\n\nPersonality: warm, teasing, stubborn about sourdough");
        assertThat(card.card().greeting()).startsWith("*wipes flour off her hands*");
        assertThat(card.card().alternateGreetings()).hasSize(2);
        assertThat(card.card().exampleDialogue()).contains("<START>");
        assertThat(card.card().lorebook().scanDepth()).isEqualTo(4);
        assertThat(card.card().lorebook().entries()).hasSize(3);
        assertThat(card.card().lorebook().entries().get(0).position()).isEqualTo(LorebookPosition.AFTER_CHAR);
        assertThat(card.card().lorebook().entries().get(2).enabled()).isFalse();
        assertThat(card.card().extensions()).containsEntry("world", "Łódź").containsKey("some_vendor");
        assertThat(card.characterType()).isNull();
    }

    @Test
    void realWorldLeniencyAStringIdANullPositionAndMissingOptionalFields() {
        String json = """
                {"spec":"chara_card_v3","spec_version":"3.0","data":{"name":"N","character_book":{"entries":[
                  {"keys":["k"],"content":"c","id":"abc","position":null}]}}}""";

        ImportedCard card = CardCodec.read(json.getBytes(StandardCharsets.UTF_8));

        var entry = card.card().lorebook().entries().getFirst();
        assertThat(entry.id()).isNull();
        assertThat(entry.position()).isNull();
        assertThat(entry.enabled()).isTrue();
        assertThat(entry.insertionOrder()).isEqualTo(100);
        assertThat(card.card().greeting()).isEmpty();
    }

    @Test
    void aPositionOutsideTheSpecIsAValidationErrorNamingTheEntryAsPostCharactersNamesIt() {
        for (String position : List.of("\"middle\"", "\"@depth\"", "4")) {
            String json = """
                    {"spec":"chara_card_v2","spec_version":"2.0","data":{"name":"N","character_book":{"entries":[
                      {"keys":["a"],"content":"a","position":"before_char"},
                      {"keys":["k"],"content":"c","position":%s}]}}}""".formatted(position);

            assertThatThrownBy(() -> CardCodec.read(json.getBytes(StandardCharsets.UTF_8)))
                    .as(position)
                    .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                        var detail = problem.toProblemDetail();
                        assertThat(detail.getStatus()).isEqualTo(400);
                        assertThat(detail.getType()).hasToString("/problems/validation");
                        assertThat(detail.getProperties().get("errors"))
                                .asString()
                                .contains("lorebook.entries[1].position");
                    });
        }
    }

    @Test
    void ourOwnExtensionSetsTypeAndSlidersAndIsNotKeptAmongTheExtensions() {
        String json = """
                {"spec":"chara_card_v2","spec_version":"2.0","data":{"name":"N","extensions":{"other":1,
                  "companion":{"character_type":"mentor","sliders":{"humor":90,"sarcasm":500}}}}}""";

        ImportedCard card = CardCodec.read(json.getBytes(StandardCharsets.UTF_8));

        assertThat(card.characterType()).hasToString("MENTOR");
        assertThat(card.sliders().humor()).isEqualTo(90);
        assertThat(card.sliders().sarcasm()).as("out of range → default").isEqualTo(50);
        assertThat(card.card().extensions()).isEqualTo(Map.of("other", 1));
    }

    @Test
    void malformedCardsSayWhatIsWrong() {
        List<List<String>> cases = List.of(
                List.of("[1,2]", "must be a JSON object"),
                List.of("{\"spec\":\"chara_card_v9\"}", "Unsupported card spec"),
                List.of("{\"spec\":3}", "spec must be a string"),
                List.of("{\"spec\":\"chara_card_v2\"}", "needs a data object"),
                List.of("{\"name\":5}", "name must be a string"),
                List.of(
                        "{\"spec\":\"chara_card_v2\",\"data\":{\"tags\":[1]}}",
                        "data.tags must be an array of strings"),
                List.of(
                        "{\"spec\":\"chara_card_v2\",\"data\":{\"character_book\":{\"entries\":[{\"enabled\":\"yes\"}]}}}",
                        "data.character_book.entries[0].enabled must be true or false"),
                List.of("{\"name\":", "not valid JSON"));
        for (List<String> c : cases) {
            assertThatThrownBy(() -> CardCodec.read(c.get(0).getBytes(StandardCharsets.UTF_8)))
                    .as(c.get(0))
                    .isInstanceOf(ApiProblem.class)
                    .hasMessageContaining(c.get(1));
        }
    }

    @Test
    void deeplyNestedJsonIsRefusedNotAStackOverflow() {
        String deep = "{\"extensions\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}";

        assertThatThrownBy(() -> CardCodec.read(deep.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ApiProblem.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void cardTagsBecomeSlugs() {
        assertThat(CardService.tags(List.of("Slice of Life", "Café", "NSFW!", "slice-of-life", " ", "a".repeat(40))))
                .containsExactly("slice-of-life", "cafe", "nsfw", "a".repeat(24));
    }
}
