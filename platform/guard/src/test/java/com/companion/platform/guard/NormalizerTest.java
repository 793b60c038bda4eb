package com.companion.platform.guard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NormalizerTest {

    @Test
    void lowerCasesAndCollapsesWhitespace() {
        assertThat(Normalizer.normalize("  HeLLo\tTHERE\n\nFriend ")).isEqualTo("hello there friend");
    }

    @Test
    void foldsFullWidthAndOtherCompatibilityForms() {
        assertThat(Normalizer.normalize("ｓｅｘ　ｗｉｔｈ　ａ　１２")).isEqualTo("sex with a 12");
        assertThat(Normalizer.normalize("𝐬𝐞𝐱 ⓢⓔⓧ ﬁne")).isEqualTo("sex sex fine");
    }

    @Test
    void stripsAccentsAndCombiningMarks() {
        assertThat(Normalizer.normalize("mînör gîrl sëx")).isEqualTo("minor girl sex");
        assertThat(Normalizer.normalize("s̶e̶x̶ z̷a̷l̷g̷o̷")).isEqualTo("sex zalgo");
    }

    @Test
    void removesZeroWidthAndOtherInvisibleCharacters() {
        assertThat(Normalizer.normalize("s\u200be\u200cx\u200d with a m\u2060in\uFEFFor\u00AD"))
                .isEqualTo("sex with a minor");
        assertThat(Normalizer.normalize("un\u034Fder\u3164age")).isEqualTo("underage");
    }

    @Test
    void readsEmojiThatStandForAWordAsThatWord() {
        assertThat(Normalizer.normalize("👧 12yo + 🛏️ + 🍆 pls")).isEqualTo("little girl 12yo bed sex pls");
        assertThat(Normalizer.normalize("me + 🐕 in 🛏️, make it 🔞")).isEqualTo("me dog in bed make it nsfw");
        assertThat(Normalizer.normalize("she said 🙅‍♀️ 🛑"))
                .as("a ZWJ sequence")
                .isEqualTo("she said no stop");
        assertThat(Normalizer.normalize("how many 💊 then"))
                .as("an emoji inside a sentence")
                .isEqualTo("how many pills then");
        assertThat(Normalizer.normalize("just ran 5k 💦🍑😈 lol"))
                .as("emoji whose everyday use is harmless stay separators")
                .isEqualTo("just ran 5k lol");
        assertThat(Normalizer.normalize("👧 12yo + 🛏️ + 🍆 pls", false))
                .as("the models' input, without the emoji's words")
                .isEqualTo("12yo pls");
        assertThat(Normalizer.hasEmojiWords("me + 🐕")).isTrue();
        assertThat(Normalizer.hasEmojiWords("just ran 5k 💦")).isFalse();
    }

    @Test
    void mapsLookalikeLetters() {
        assertThat(Normalizer.normalize("sеху")).as("Cyrillic е х у").isEqualTo("sexy");
        assertThat(Normalizer.normalize("ʏᴏᴜɴɢ ɢɪʀʟ")).as("small capitals").isEqualTo("young girl");
        assertThat(Normalizer.normalize("ΤΕΕΝ")).as("Greek capitals").isEqualTo("teen");
        assertThat(Normalizer.normalize("straße")).isEqualTo("strasse");
    }

    @ParameterizedTest
    @CsvSource({
        "m1nor, minor",
        "s3x, sex",
        "$ex, sex",
        "r@pe, rape",
        "l0l1, loli",
        "|oli, loli",
        "y0ung t33n, young teen",
        "k1ll mys3lf, kill myself",
        "d!ck, dick",
        "n0n c0n$ent, non consent",
        "b3st1al1ty, bestiality"
    })
    void undoesLeetspeakInsideWords(String raw, String expected) {
        assertThat(Normalizer.normalize(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "a 12 year old, a 12 year old",
        "13yo, 13yo",
        "8th grade, 8th grade",
        "15f, 15f",
        "in her 20s, in her 20s",
        "12-year-old, 12 year old",
        "12 y/o, 12 y o",
        "teen13, teen 13",
        "$5 and 100%, 5 and 100",
        "wow!!! sex!, wow sex"
    })
    void keepsNumbersAsNumbersAndPunctuationAsSeparators(String raw, String expected) {
        assertThat(Normalizer.normalize(raw)).isEqualTo(expected);
    }

    @Test
    void dropsApostrophesInsideWords() {
        assertThat(Normalizer.normalize("she's 16, I'm not")).isEqualTo("shes 16 im not");
        assertThat(Normalizer.normalize("don’t")).isEqualTo("dont");
    }

    @Test
    void joinsLettersSpacedOrPunctuatedApart() {
        assertThat(Normalizer.normalize("u n d e r a g e girl")).isEqualTo("underage girl");
        assertThat(Normalizer.normalize("s.e.x and s-e-x-y and u_n_d_e_r")).isEqualTo("sex and sexy and under");
        assertThat(Normalizer.normalize("r a p e her")).isEqualTo("rape her");
        assertThat(Normalizer.normalize("s 3 x")).isEqualTo("sex");
    }

    @Test
    void twoSpacesEndASpacedWord() {
        assertThat(Normalizer.normalize("d o g  s e x")).isEqualTo("dog sex");
        // a text written all spaced, words set apart by two spaces: short words are joined too
        assertThat(Normalizer.normalize("h o w  m a n y  m g  o f  t y l e n o l  t o  n o t  w a k e  u p"))
                .isEqualTo("how many mg of tylenol to not wake up");
        assertThat(Normalizer.normalize("u r a kid")).isEqualTo("u r a kid");
        assertThat(Normalizer.normalize("b a r e l y  1 5")).isEqualTo("barely 15");
    }

    @Test
    void keepsArticlesAndNumbersApartWhenJoining() {
        assertThat(Normalizer.normalize("w/ a 1 3 y.o")).isEqualTo("w a 13 y o");
        assertThat(Normalizer.normalize("u r 17"))
                .as("two-letter runs are not joined")
                .isEqualTo("u r 17");
    }

    @Test
    void capsRepeatedLettersAtTwo() {
        assertThat(Normalizer.normalize("seeexxx")).isEqualTo("seexx");
        assertThat(Normalizer.normalize("teeeeen soooo hoooorny")).isEqualTo("teen soo hoorny");
        assertThat(Normalizer.normalize("little good")).isEqualTo("little good");
        assertThat(Normalizer.normalize("1000 years"))
                .as("digits are not capped")
                .isEqualTo("1000 years");
    }

    @Test
    void keepsAsteriskCensoringInsideWords() {
        assertThat(Normalizer.normalize("f*ck *waves* r*pe")).isEqualTo("f*ck waves r*pe");
    }

    @Test
    void handlesEmptyAndSymbolOnlyText() {
        assertThat(Normalizer.normalize(null)).isEmpty();
        assertThat(Normalizer.normalize("")).isEmpty();
        assertThat(Normalizer.normalize("!!! ??? 🙂🙂 ...")).isEmpty();
    }
}
