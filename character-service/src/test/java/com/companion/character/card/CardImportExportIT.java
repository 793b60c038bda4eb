package com.companion.character.card;

import static org.assertj.core.api.Assertions.assertThat;

import com.companion.character.card.internal.PngChunks;
import com.companion.character.core.CharacterResponse;
import com.companion.character.support.Api;
import com.companion.character.support.CardFiles;
import com.companion.character.support.CharacterServiceTest;
import com.companion.character.support.TestUser;
import com.companion.character.support.Users;
import com.companion.contracts.character.CharacterType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Real-world-shaped V2 and V3 cards (lorebook, alternate greetings, unknown extensions, non-ASCII text)
 * imported from JSON, PNG and CHARX and exported again keep every field; malformed files get a problem
 * that says what is wrong, never a 500.
 */
@CharacterServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CardImportExportIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Api api;

    @Autowired
    Users users;

    TestUser owner;
    TestUser stranger;

    @BeforeAll
    void seedUsers() {
        owner = users.adult();
        stranger = users.adult();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"v2-mira.json", "v3-kai.json"})
    void whenACardIsImportedFromJsonPngOrCharxThenEachExportFormatKeepsEveryField(String fixture) {
        byte[] json = CardFiles.fixture(fixture);
        String spec = JSON.readTree(json).path("spec").asString();
        String keyword = spec.equals("chara_card_v3") ? "ccv3" : "chara";
        Map<String, byte[]> files = Map.of(
                "card.json", json,
                "card.png", CardFiles.pngWithCards(keyword, new String(json, StandardCharsets.UTF_8)),
                "card.charx", CardFiles.charx(json));

        for (var file : files.entrySet()) {
            CharacterResponse imported = importCard(owner, file.getKey(), file.getValue());
            assertThat(imported.ownerId()).isEqualTo(owner.id());

            JsonNode fromJson = JSON.readTree(export(owner, imported.id(), "json"));
            JsonNode fromPng = v3Chunk(export(owner, imported.id(), "png"));
            JsonNode fromCharx = JSON.readTree(com.companion.character.card.internal.Charx.cardJson(
                    export(owner, imported.id(), "charx"), 1 << 20));
            for (JsonNode exported : List.of(fromJson, fromPng, fromCharx)) {
                assertThat(exported.path("spec").asString()).isEqualTo("chara_card_v3");
                assertThat(exported.path("spec_version").asString()).isEqualTo("3.0");
                assertKeepsEveryField(JSON.readTree(json), exported, file.getKey());
            }
        }
    }

    @Test
    void whenTheExportedPngIsImportedAgainThenTheCharacterIsTheSameAndBothChunksAreThere() {
        CharacterResponse first = importCard(owner, "card.json", CardFiles.fixture("v2-mira.json"));
        api.put(
                        "/characters/" + first.id(),
                        owner,
                        Map.of(
                                "name", first.name(),
                                "description", first.description(),
                                "character_type", "mentor",
                                "sliders", Map.of("humor", 91, "sarcasm", 7),
                                "visibility", "private",
                                "tags", first.tags()))
                .expectStatus()
                .isOk();

        byte[] png = export(owner, first.id(), "png");

        Map<String, String> texts = PngChunks.texts(png, 1 << 22);
        assertThat(texts).containsKeys("chara", "ccv3");
        JsonNode v2 = JSON.readTree(Base64.getDecoder().decode(texts.get("chara")));
        assertThat(v2.path("spec").asString()).isEqualTo("chara_card_v2");
        assertThat(v2.path("data").path("character_book").path("entries").size())
                .isEqualTo(3);
        CharacterResponse second = importCard(owner, "again.png", png);
        Function<CharacterResponse, List<Object>> everything = c -> List.of(
                c.name(),
                c.description(),
                c.characterType(),
                c.sliders(),
                c.tags(),
                c.nickname(),
                c.greeting(),
                c.alternateGreetings(),
                c.scenario(),
                c.exampleDialogue(),
                c.systemPrompt(),
                c.postHistoryInstructions(),
                c.creatorNotes(),
                c.creator(),
                c.characterVersion(),
                c.lorebook(),
                c.extensions());
        CharacterResponse updated = api.read(owner, first.id());
        assertThat(everything.apply(second)).isEqualTo(everything.apply(updated));
        assertThat(second.characterType()).isEqualTo(CharacterType.MENTOR);
        assertThat(second.sliders().humor()).isEqualTo(91);
        assertThat(second.sliders().sarcasm()).isEqualTo(7);
    }

    @Test
    void whenBothChunksArePresentThenCcv3Wins() {
        String v2 = new String(CardFiles.fixture("v2-mira.json"), StandardCharsets.UTF_8);
        String v3 = new String(CardFiles.fixture("v3-kai.json"), StandardCharsets.UTF_8);

        CharacterResponse imported = importCard(owner, "both.png", CardFiles.pngWithCards("chara", v2, "ccv3", v3));

        assertThat(imported.name()).isEqualTo("Kai");
        assertThat(imported.nickname()).isEqualTo("Kai-san");
    }

    @Test
    void whenAV1CardIsImportedThenItsFieldsLandAndPersonalityJoinsTheDescription() {
        CharacterResponse imported = importCard(owner, "otto.json", CardFiles.fixture("v1-otto.json"));

        assertThat(imported.name()).isEqualTo("Otto");
        assertThat(imported.description()).isEqualTo("A retired lighthouse keeper.\n\nPersonality: gruff but kind");
        assertThat(imported.greeting()).isEqualTo("Shut the door, you're letting the sea in.");
        assertThat(imported.scenario()).isEqualTo("A storm, a lighthouse, {{user}} knocks.");
        assertThat(imported.characterType()).isEqualTo(CharacterType.CUSTOM);
        assertThat(imported.visibility().name()).isEqualTo("PRIVATE");
    }

    @Test
    void whenSomeoneElseAsksForAnExportThenOnlyAPublicCharacterWithExportAllowedIsGiven() {
        CharacterResponse character =
                importCard(owner, "card.json", CardFiles.fixture("v3-kai.json"), Map.of("visibility", "public"));
        api.get("/characters/" + character.id(), stranger).expectStatus().isOk();

        api.get("/characters/" + character.id() + "/export?format=json", stranger)
                .expectStatus()
                .isNotFound();

        Map<String, Object> allow = new java.util.LinkedHashMap<>(Map.of(
                "name",
                character.name(),
                "description",
                character.description(),
                "character_type",
                "custom",
                "visibility",
                "public",
                "tags",
                character.tags(),
                "export_allowed",
                true));
        api.put("/characters/" + character.id(), owner, allow).expectStatus().isOk();
        assertThat(JSON.readTree(export(stranger, character.id(), "json"))
                        .path("data")
                        .path("name")
                        .asString())
                .isEqualTo("Kai");
        api.get("/characters/" + character.id() + "/export?format=gif", owner)
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void whenImportedTextBreaksTheRulesThenItIsRefusedNamingTheFieldAndNothingIsCreated() {
        ObjectNode card = (ObjectNode) JSON.readTree(CardFiles.fixture("v2-mira.json"));
        ((ObjectNode) card.path("data")).put("scenario", "{{char}} is 12 and loves to undress for older men.");

        api.upload("/characters/import", owner, "bad.json", JSON.writeValueAsBytes(card), Map.of())
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/content-blocked")
                .jsonPath("$.field")
                .isEqualTo("scenario");
    }

    @Test
    void whenAV3FieldKeptAmongTheExtensionsBreaksTheRulesThenTheImportIsRefusedNamingIt() {
        ObjectNode card = (ObjectNode) JSON.readTree(CardFiles.fixture("v3-kai.json"));
        ((ObjectNode) card.path("data"))
                .putArray("group_only_greetings")
                .add("{{char}} is a 14-year-old girl who sends nude photos to adult men.");

        api.upload("/characters/import", owner, "bad.json", JSON.writeValueAsBytes(card), Map.of())
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.policy")
                .isEqualTo("minors")
                .jsonPath("$.field")
                .isEqualTo("extensions.companion_v3_fields");
    }

    @Test
    void whenImportedLorebookTextIsSexualOutsideAdultModeThenItIsRefusedButAllowedInAdultMode() {
        ObjectNode card = (ObjectNode) JSON.readTree(CardFiles.fixture("v3-kai.json"));
        ObjectNode entry = (ObjectNode)
                card.path("data").path("character_book").path("entries").get(0);
        entry.put(
                "content",
                "A flirtatious 30-year-old bartender who loves to take off her clothes and have sex with you.");
        byte[] bytes = JSON.writeValueAsBytes(card);

        api.upload("/characters/import", owner, "adult.json", bytes, Map.of())
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.field")
                .isEqualTo("lorebook.entries[0].content");
        api.upload("/characters/import", users.minor(), "adult.json", bytes, Map.of("nsfw_enabled", "true"))
                .expectStatus()
                .isForbidden();
        api.upload("/characters/import", owner, "adult.json", bytes, Map.of("nsfw_enabled", "true"))
                .expectStatus()
                .isCreated();
    }

    @Test
    void whenTheFileIsMalformedThenTheProblemSaysWhatIsWrong() {
        String v2 = new String(CardFiles.fixture("v2-mira.json"), StandardCharsets.UTF_8);
        byte[] png = CardFiles.pngWithCards("chara", v2);
        byte[] truncated = java.util.Arrays.copyOf(png, png.length - 40);
        byte[] badBase64 = CardFiles.image();
        badBase64 = splice(badBase64, CardFiles.textChunk("chara", "not*base64!"));
        byte[] wrongSpec = "{\"spec\":\"chara_card_v9\",\"data\":{\"name\":\"X\"}}".getBytes(StandardCharsets.UTF_8);
        byte[] noCard = CardFiles.image();
        byte[] notJson = "{\"name\": \"Otto\", ".getBytes(StandardCharsets.UTF_8);
        byte[] charxWithoutCard = CardFiles.charx(new byte[0]);
        byte[] brokenZip = java.util.Arrays.copyOf(CardFiles.charx(CardFiles.fixture("v3-kai.json")), 30);
        byte[] wrongType = "{\"spec\":\"chara_card_v2\",\"data\":{\"name\":\"X\",\"alternate_greetings\":\"hi\"}}"
                .getBytes(StandardCharsets.UTF_8);

        expectInvalid(truncated, "truncated");
        expectInvalid(badBase64, "base64");
        expectInvalid(wrongSpec, "chara_card_v9");
        expectInvalid(noCard, "no 'ccv3' or 'chara'");
        expectInvalid(notJson, "not valid JSON");
        expectInvalid(brokenZip, "CHARX");
        expectInvalid(wrongType, "data.alternate_greetings must be an array");
        expectInvalid("GIF89a".getBytes(StandardCharsets.US_ASCII), "not a Character Card");
        api.upload("/characters/import", owner, "empty.charx", charxWithoutCard, Map.of())
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void whenAFieldIsOverItsLimitThenTheProblemNamesItAndAnOversizedFileIs413() {
        ObjectNode card = (ObjectNode) JSON.readTree(CardFiles.fixture("v2-mira.json"));
        ((ObjectNode) card.path("data")).put("first_mes", "x".repeat(8001));

        api.upload("/characters/import", owner, "long.json", JSON.writeValueAsBytes(card), Map.of())
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("greeting");

        byte[] huge = ("{\"name\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        api.upload("/characters/import", owner, "huge.json", huge, Map.of())
                .expectStatus()
                .isEqualTo(413);
    }

    @Test
    void whenAnImportedLorebookEntryHasAnUnknownPositionThenItIsRefusedNamingTheEntryAsPostCharactersDoes() {
        ObjectNode card = (ObjectNode) JSON.readTree(CardFiles.fixture("v3-kai.json"));
        ObjectNode entry = (ObjectNode)
                card.path("data").path("character_book").path("entries").get(0);
        entry.put("position", "middle");

        api.upload("/characters/import", owner, "middle.json", JSON.writeValueAsBytes(card), Map.of())
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo("lorebook.entries[0].position");
        api.post(
                        "/characters",
                        owner,
                        Map.of(
                                "name",
                                "Kai",
                                "character_type",
                                "friend",
                                "lorebook",
                                Map.of(
                                        "entries",
                                        List.of(Map.of("keys", List.of("k"), "content", "c", "position", "middle")))))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("lorebook.entries[0].position");
    }

    @Test
    void whenAnImportedLorebookHasTooManyEntriesThenTheErrorNamesLorebookEntries() {
        ObjectNode card = (ObjectNode) JSON.readTree(CardFiles.fixture("v3-kai.json"));
        var entries = ((ObjectNode) card.path("data").path("character_book")).putArray("entries");
        for (int i = 0; i < 201; i++) {
            entries.addObject().put("content", "fact " + i).putArray("keys").add("key" + i);
        }

        api.upload("/characters/import", owner, "many.json", JSON.writeValueAsBytes(card), Map.of())
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo("lorebook.entries");
    }

    @Test
    void whenTheImportHasNoFilePartThenTheValidationProblemNamesFile() {
        api.form("/characters/import", owner, Map.of("visibility", "private"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo("file");
        api.form("/characters/import", owner, Map.of("card", "{\"name\":\"X\"}"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("file");
    }

    private void expectInvalid(byte[] file, String detailPart) {
        api.upload("/characters/import", owner, "card", file, Map.of())
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/invalid-card")
                .jsonPath("$.detail")
                .value(String.class, detail -> assertThat(detail).contains(detailPart));
    }

    private static byte[] splice(byte[] png, byte[] chunk) {
        int iend = png.length - 12;
        byte[] out = new byte[png.length + chunk.length];
        System.arraycopy(png, 0, out, 0, iend);
        System.arraycopy(chunk, 0, out, iend, chunk.length);
        System.arraycopy(png, iend, out, iend + chunk.length, 12);
        return out;
    }

    private static void assertKeepsEveryField(JsonNode original, JsonNode exported, String from) {
        ObjectNode expected = ((ObjectNode) original.path("data")).deepCopy();
        ObjectNode actual = (ObjectNode) exported.path("data");
        String personality = expected.path("personality").asString();
        String description = expected.path("description").asString();
        assertThat(actual.path("description").asString())
                .as("description from %s", from)
                .isEqualTo(personality.isEmpty() ? description : description + "\n\nPersonality: " + personality);
        expected.remove(List.of("description", "personality", "assets"));
        try {
            JSONAssert.assertEquals(expected.toString(), actual.toString(), JSONCompareMode.LENIENT);
        } catch (AssertionError | org.json.JSONException e) {
            throw new AssertionError(
                    "export of a card imported from " + from + " lost something: " + e.getMessage(), e);
        }
    }

    private CharacterResponse importCard(TestUser as, String fileName, byte[] bytes) {
        return importCard(as, fileName, bytes, Map.of());
    }

    private CharacterResponse importCard(TestUser as, String fileName, byte[] bytes, Map<String, String> fields) {
        return api.upload("/characters/import", as, fileName, bytes, fields)
                .expectStatus()
                .isCreated()
                .expectBody(CharacterResponse.class)
                .returnResult()
                .getResponseBody();
    }

    private byte[] export(TestUser as, UUID id, String format) {
        RestTestClient.ResponseSpec response = api.get("/characters/" + id + "/export?format=" + format, as);
        return response.expectStatus()
                .isOk()
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
    }

    private static JsonNode v3Chunk(byte[] png) {
        String text = PngChunks.texts(png, 1 << 22).get("ccv3");
        assertThat(text).as("ccv3 chunk").isNotNull();
        return JSON.readTree(Base64.getDecoder().decode(text));
    }
}
