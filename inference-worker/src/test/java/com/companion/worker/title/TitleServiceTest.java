package com.companion.worker.title;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TitleServiceTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Stargazing with Luna|Stargazing with Luna",
                "\"Stargazing with Luna\"|Stargazing with Luna",
                "Title: **Stargazing with Luna.**|Stargazing with Luna",
                "'Rainy Evening Books'|Rainy Evening Books",
                "  A night   at the café!  |A night at the café",
            })
    void aModelsAnswerIsTidiedToOneBareLine(String answer, String title) {
        assertThat(TitleService.tidy(answer)).isEqualTo(title);
    }

    @org.junit.jupiter.api.Test
    void onlyTheFirstLineCountsAndLongTitlesAreCutAtAWord() {
        assertThat(TitleService.tidy("Saturn Night\nThis conversation is about a telescope."))
                .isEqualTo("Saturn Night");
        String tidy = TitleService.tidy("word ".repeat(40));
        assertThat(tidy).hasSizeLessThanOrEqualTo(TitleService.MAX_TITLE_CHARS).doesNotEndWith(" ");
        assertThat(TitleService.tidy("   ")).isEmpty();
    }
}
