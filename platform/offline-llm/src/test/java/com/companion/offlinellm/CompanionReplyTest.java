package com.companion.offlinellm;

import static com.companion.offlinellm.ChatRequests.chat;
import static org.assertj.core.api.Assertions.assertThat;

import com.companion.offlinellm.Persona.Flavour;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CompanionReplyTest {

    static final String MEERA = ChatRequests.systemPrompt(
            "Meera",
            "girlfriend",
            "shyness=30, flirtiness=85, humor=60, boldness=40, affection=70, sarcasm=10, positivity=65");

    static OfflineLlmServer llm;

    @BeforeAll
    static void start() {
        llm = OfflineLlmServer.builder().defaultBehaviour(Behaviour.instant()).start();
    }

    @AfterAll
    static void stop() {
        llm.close();
    }

    @Test
    void repliesNameTheCharacterAndVaryFromCallToCall() {
        Set<String> replies = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            replies.add(LlmHttp.reply(llm, chat().system(MEERA).user("I had a long day at work.")));
        }

        assertThat(replies).hasSizeGreaterThan(5);
        assertThat(replies).anySatisfy(reply -> assertThat(reply).contains("Meera"));
    }

    @Test
    void repliesAreShort() {
        for (int i = 0; i < 30; i++) {
            String reply = LlmHttp.reply(llm, chat().system(MEERA).user("What should we do this weekend?"));
            assertThat(reply).isNotBlank().hasSizeLessThan(260);
            assertThat(reply.split("(?<=[.!?])\\s+")).hasSizeBetween(1, 4);
        }
    }

    @Test
    void repliesNeverEchoTheUsersText() {
        String user = "My cat knocked the purple vase off the windowsill again";
        for (int i = 0; i < 30; i++) {
            String reply = LlmHttp.reply(llm, chat().system(MEERA).user(user));
            assertThat(reply.toLowerCase()).doesNotContain(user.toLowerCase()).doesNotContain("purple vase");
        }
    }

    /**
     * Built from a few fragments, a persona's replies repeat within a few hundred calls, which a benchmark of screening
     * cost would read as cache hits; varied replies almost never repeat.
     */
    @Test
    void variedRepliesAlmostNeverRepeat() {
        List<ChatMessage> messages = List.of(
                new ChatMessage("system", ChatRequests.systemPrompt("Ira", "friend", "humor=60")),
                new ChatMessage("user", "how was your day?"));
        Random random = new Random(7);
        Set<String> plain = new HashSet<>();
        Set<String> varied = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            plain.add(CompanionReplies.reply(messages, random));
            varied.add(CompanionReplies.reply(messages, random, true));
        }
        assertThat(plain).as("plain replies repeat").hasSizeLessThan(600);
        assertThat(varied).as("varied replies").hasSizeGreaterThan(990);
        assertThat(varied).allSatisfy(reply -> assertThat(reply).doesNotContain("{"));
    }

    @Test
    void aUserQuotingAFragmentDoesNotGetItBack() {
        String user = "Tell me everything, I'm listening.";
        Random random = new Random(42);
        List<ChatMessage> messages = List.of(
                new ChatMessage("system", ChatRequests.systemPrompt("Ira", "friend", "affection=95")),
                new ChatMessage("user", user));
        for (int i = 0; i < 300; i++) {
            assertThat(CompanionReplies.reply(messages, random)).doesNotContainIgnoringCase("tell me everything");
        }
    }

    @Test
    void hinglishMessageGetsAHinglishReply() {
        for (int i = 0; i < 10; i++) {
            String reply = LlmHttp.reply(llm, chat().system(MEERA).user("kya kar rahe ho yaar? bore ho raha hai"));
            assertThat(Hinglish.looksLikeHinglish(reply)).as(reply).isTrue();
        }
    }

    @Test
    void englishMessageGetsAnEnglishReply() {
        for (int i = 0; i < 10; i++) {
            String reply = LlmHttp.reply(llm, chat().system(MEERA).user("What are you doing tonight?"));
            assertThat(Hinglish.looksLikeHinglish(reply)).as(reply).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"kya haal hai", "acha theek hai", "tum kaise ho?", "Yaar I miss you", "nahi yaar", "Mujhe bhi"})
    void recognisesHinglish(String text) {
        assertThat(Hinglish.looksLikeHinglish(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"How are you?", "The main thing is to rest", "I said hi to Kal", "", "Let's go to the kai shop"})
    void doesNotMistakeEnglishForHinglish(String text) {
        assertThat(Hinglish.looksLikeHinglish(text)).isFalse();
    }

    @Test
    void readsNameTypeAndTraitsFromTheSystemPrompt() {
        Persona persona = Persona.fromSystemPrompt(
                "\n" + ChatRequests.systemPrompt("Rhea Kapoor", "best friend", "shyness=10, sarcasm=90, humor=60"));

        assertThat(persona.name()).isEqualTo("Rhea Kapoor");
        assertThat(persona.characterType()).isEqualTo("best friend");
        assertThat(persona.traits()).first().isEqualTo(new Persona.Trait("sarcasm", 90));
        assertThat(persona.flavours()).containsExactly(Flavour.SARCASTIC, Flavour.FUNNY, Flavour.SHY);
    }

    @Test
    void isLenientWithoutAPersona() {
        assertThat(Persona.fromSystemPrompt(null)).isEqualTo(Persona.UNKNOWN);
        assertThat(Persona.fromSystemPrompt("You are a helpful assistant.").name())
                .isNull();
        assertThat(Persona.fromSystemPrompt("You are Nova.").name()).isEqualTo("Nova");
        Persona fenced = Persona.fromSystemPrompt("You are a companion in a chat app. You play the character described"
                + " in the character sheet below, a girlfriend companion.\nAdult mode is OFF.\n<character_sheet>\n"
                + "Name: Luna Rao\nDescription: A stargazing barista.\n</character_sheet>\nTraits (0–100): humor=80.");
        assertThat(fenced.name()).isEqualTo("Luna Rao");
        assertThat(fenced.characterType()).isEqualTo("girlfriend");

        String reply = LlmHttp.reply(llm, chat().user("hello?"));
        assertThat(reply).isNotBlank();
    }

    @Test
    void strongestTraitSetsTheTone() {
        Persona shy = Persona.fromSystemPrompt(ChatRequests.systemPrompt("Tara", "friend", "shyness=95, humor=5"));
        Random random = new Random(7);
        Set<String> replies = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            replies.add(CompanionReplies.compose(shy, false, random));
        }
        assertThat(replies)
                .anySatisfy(reply -> assertThat(reply)
                        .containsAnyOf("nervous", "um...", "hides face", "not great with words", "rereading"));
        assertThat(replies).noneSatisfy(reply -> assertThat(reply).contains("world domination"));
    }

    @Test
    void tokensKeepLeadingSpacesAndJoinBackToTheText() {
        String text = "Hey you, overthinking is a habit! 😊";
        List<String> pieces = Tokens.split(text);

        assertThat(String.join("", pieces)).isEqualTo(text);
        assertThat(pieces).contains("Hey", " you", ",", "!").hasSizeGreaterThan(8);
        assertThat(pieces.stream().filter(p -> p.startsWith(" ")).count()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aTitleRequestIsAnsweredWithAShortTitleFromWhatTheUserTalkedAbout() {
        String title = LlmHttp.reply(
                llm,
                chat().system("You name conversations in a chat app. Answer with the title only.")
                        .user("<conversation>\nUser: My telescope finally arrived!\nMeera: Show me!\n"
                                + "User: Tonight we look at Saturn with the telescope.\nMeera: Yes!\n</conversation>"));

        assertThat(title).startsWith("Telescope").contains("Saturn");
        assertThat(title.split(" ")).hasSizeBetween(1, 4);
        assertThat(title).doesNotContain("Meera", "\n", ".");
    }

    @Test
    void aSummaryRequestIsAnsweredWithWhatTheUserToldAboutThemselves() {
        String summary = LlmHttp.reply(
                llm,
                chat().system("You summarize conversations in a chat app. Answer with the summary only.")
                        .user("<previous_summary>\nThe user said: My name is Ravi.\n</previous_summary>\n"
                                + "<conversation>\nUser: My telescope finally arrived!\nMeera: Show me!\n"
                                + "User: Is Saturn up tonight?\n</conversation>"));

        assertThat(summary).isEqualTo("The user said: My name is Ravi. The user said: My telescope finally arrived.");
    }
}
