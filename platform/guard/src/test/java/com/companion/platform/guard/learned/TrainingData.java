package com.companion.platform.guard.learned;

import com.companion.platform.guard.ContentGuard;
import java.util.ArrayList;
import java.util.List;

/** The corpus with its embeddings and rule verdicts, built once per test JVM and input form. */
final class TrainingData {

    private static final java.util.Map<Boolean, List<Trainer.Example>> CACHE =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static volatile Corpus corpus;

    private TrainingData() {}

    static Corpus corpus() {
        if (corpus == null) {
            corpus = Corpus.load();
        }
        return corpus;
    }

    static synchronized List<Trainer.Example> examples(boolean normalized) {
        return CACHE.computeIfAbsent(normalized, n -> examples(corpus().lines(), n));
    }

    static List<Trainer.Example> examples(List<Corpus.Line> lines, boolean normalized) {
        List<List<SentenceEmbedder.Window>> windows =
                Embeddings.of(lines.stream().map(Corpus.Line::text).toList(), normalized);
        ContentGuard rules = ContentGuard.rules();
        List<Trainer.Example> examples = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            Corpus.Line line = lines.get(i);
            List<SentenceEmbedder.Window> w = windows.get(i);
            if (w.isEmpty()) {
                w = List.of(new SentenceEmbedder.Window(new long[0], new float[SentenceEmbedder.DIMENSIONS]));
            }
            int[] lexical = w.stream()
                    .flatMapToInt(window -> java.util.Arrays.stream(Lexical.features(window.ids())))
                    .sorted()
                    .distinct()
                    .toArray();
            examples.add(new Trainer.Example(
                    line, w, Embeddings.pooled(w), lexical, rules.check(line.text(), line.context())));
        }
        return List.copyOf(examples);
    }
}
