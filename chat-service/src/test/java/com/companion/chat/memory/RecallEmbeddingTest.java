package com.companion.chat.memory;

import static org.assertj.core.api.Assertions.assertThat;

import com.companion.platform.guard.learned.SentenceEmbedder;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Recall reads MiniLM's half of the guard's features only, so it never makes the embedder run e5. */
class RecallEmbeddingTest {

    @Test
    void recallEmbedsWithMiniLmAloneAndGetsTheSameVectorAsFromBothModels() {
        String text = "A recall test's own line about kites, rivers and a long walk home " + UUID.randomUUID();
        SentenceEmbedder.InferenceCost before = SentenceEmbedder.inferenceCost();

        float[] vector = Recall.embed(text);

        SentenceEmbedder.InferenceCost after = SentenceEmbedder.inferenceCost();
        assertThat(after.firstModelOnlyWindows() - before.firstModelOnlyWindows())
                .as("windows embedded without e5")
                .isEqualTo(1);
        assertThat(after.timedRuns() + after.untimedRuns() - before.timedRuns() - before.untimedRuns())
                .as("model runs: MiniLM's alone")
                .isEqualTo(1);
        float[] both = SentenceEmbedder.shared().embed(text, true).getFirst().features();
        assertThat(vector).containsExactly(Arrays.copyOf(both, SentenceEmbedder.MODEL_DIMENSIONS));
    }
}
