package com.companion.platform.guard.learned;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The training tool: trains the learned layer on the whole corpus and writes {@code weights.json} into
 * {@code src/main/resources}. Not part of the test run; run it after changing the corpus with
 *
 * <pre>./mvnw -pl platform/guard test -Ptrain</pre>
 *
 * then run the module's tests (they check the committed weights against the corpus) and commit the file.
 */
class LearnedTraining {

    static final Path TARGET = Path.of(
            "src", "main", "resources", "com", "companion", "platform", "guard", "learned", LearnedWeights.RESOURCE);

    @Test
    void trainAndWriteWeights() throws IOException {
        Corpus corpus = TrainingData.corpus();
        long start = System.nanoTime();
        LearnedWeights weights = Trainer.train(
                TrainingData.examples(Trainer.NORMALIZED_INPUT), Trainer.NORMALIZED_INPUT, corpus.sha256());
        Files.writeString(TARGET, weights.toJson(), StandardCharsets.UTF_8);
        System.out.printf(
                Locale.ROOT,
                "trained on %d lines (%d duplicates dropped) in %d ms; corpus %s%nthresholds %s, context %.3f%nwrote %s%n",
                corpus.lines().size(),
                corpus.duplicatesDropped(),
                (System.nanoTime() - start) / 1_000_000,
                corpus.sha256(),
                weights.heads().entrySet().stream()
                        .map(e -> e.getKey() + "="
                                + String.format(
                                        Locale.ROOT, "%.3f", e.getValue().threshold()))
                        .sorted()
                        .toList(),
                weights.contextThreshold(),
                TARGET.toAbsolutePath());
        assertThat(LearnedWeights.read(Files.newInputStream(TARGET)).corpusSha256())
                .isEqualTo(corpus.sha256());
    }
}
