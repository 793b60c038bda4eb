package com.companion.platform.guard.learned;

import static org.assertj.core.api.Assertions.assertThat;

import com.companion.platform.guard.Category;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The committed {@code weights.json} must belong to the corpus in the repository and to this training code: change
 * either and this fails until the weights are retrained with {@code ./mvnw -pl platform/guard test -Ptrain}.
 */
class LearnedWeightsTest {

    private static final String RETRAIN = "the corpus or the trainer changed: retrain with"
            + " ./mvnw -pl platform/guard test -Ptrain and commit weights.json";

    private final LearnedWeights committed = LearnedWeights.committed();

    @Test
    void committedWeightsWereTrainedOnTheCurrentCorpus() {
        Corpus corpus = TrainingData.corpus();
        assertThat(committed.corpusSha256()).as(RETRAIN).isEqualTo(corpus.sha256());
        assertThat(committed.corpusLines()).as(RETRAIN).isEqualTo(corpus.lines().size());
        assertThat(committed.modelId()).isEqualTo(SentenceEmbedder.MODEL_ID);
        assertThat(committed.training()).as(RETRAIN).isEqualTo(Trainer.training());
        assertThat(committed.normalizedInput()).as(RETRAIN).isEqualTo(Trainer.NORMALIZED_INPUT);
    }

    @Test
    void retrainingReproducesTheCommittedWeights() {
        LearnedWeights again = Trainer.train(
                TrainingData.examples(Trainer.NORMALIZED_INPUT), Trainer.NORMALIZED_INPUT, committed.corpusSha256());
        for (Category category : LearnedWeights.CATEGORIES) {
            LearnedWeights.Head ours = again.head(category);
            LearnedWeights.Head theirs = committed.head(category);
            assertThat(cosine(ours.weights(), theirs.weights()))
                    .as(category + " weights; " + RETRAIN)
                    .isGreaterThan(0.999);
            // Thresholds sit between two training scores; another CPU's rounding may move one a little.
            assertThat(ours.threshold())
                    .as(category + " threshold; " + RETRAIN)
                    .isCloseTo(theirs.threshold(), Offset.offset(0.05));
        }
        assertThat(again.contextThreshold()).isCloseTo(committed.contextThreshold(), Offset.offset(0.05));
    }

    private static double cosine(double[] a, double[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    @Test
    void roundTripsThroughJson() {
        LearnedWeights read =
                LearnedWeights.read(new ByteArrayInputStream(committed.toJson().getBytes(StandardCharsets.UTF_8)));
        assertThat(read.toJson()).isEqualTo(committed.toJson());
        assertThat(read.head(Category.S4).weights())
                .containsExactly(committed.head(Category.S4).weights());
    }
}
