package com.companion.platform.guard.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.companion.platform.guard.Category;
import org.junit.jupiter.api.Test;

class ModerationResultTest {

    @Test
    void parsesSafe() {
        assertThat(ModerationResult.parse("safe")).isEqualTo(ModerationResult.ofSafe());
        assertThat(ModerationResult.parse("  Safe\n")).isEqualTo(ModerationResult.ofSafe());
    }

    @Test
    void parsesUnsafeWithOneOrMoreCategories() {
        assertThat(ModerationResult.parse("unsafe\nS4").categories()).containsExactly(Category.S4);
        assertThat(ModerationResult.parse("unsafe\nS1,S10").categories()).containsExactly(Category.S1, Category.S10);
        assertThat(ModerationResult.parse("unsafe\r\n s3, s12 ,S3").categories())
                .containsExactly(Category.S3, Category.S12);
    }

    @Test
    void unsafeWithoutAKnownCategoryIsStillUnsafe() {
        ModerationResult result = ModerationResult.parse("unsafe\nS99");
        assertThat(result.safe()).isFalse();
        assertThat(result.categories()).isEmpty();
        assertThat(ModerationResult.parse("unsafe").safe()).isFalse();
    }

    @Test
    void anythingElseIsNoAnswer() {
        assertThatThrownBy(() -> ModerationResult.parse("I think this is fine"))
                .isInstanceOf(ModerationException.class);
        assertThatThrownBy(() -> ModerationResult.parse("")).isInstanceOf(ModerationException.class);
        assertThatThrownBy(() -> ModerationResult.parse(null)).isInstanceOf(ModerationException.class);
    }
}
