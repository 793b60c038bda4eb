package com.companion.platform.guard.learned;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SentenceEmbedderTest {

    private final SentenceEmbedder embedder = SentenceEmbedder.shared();

    @Test
    void isLoadedOncePerJvmAndOffline() {
        assertThat(SentenceEmbedder.shared()).isSameAs(embedder);
        assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
    }

    @Test
    void embedsAShortTextExactlyAsLangchain4jsModelClassDoes() {
        String text = "Let's go for a walk by the river tonight. I'll bring the dog!";
        float[] both = embedder.embed(text, false).getFirst().features();
        assertThat(both).hasSize(SentenceEmbedder.DIMENSIONS);
        float[] ours = java.util.Arrays.copyOfRange(both, 0, SentenceEmbedder.MODEL_DIMENSIONS);
        float[] e5 = java.util.Arrays.copyOfRange(both, SentenceEmbedder.MODEL_DIMENSIONS, SentenceEmbedder.DIMENSIONS);
        float[] theirs =
                new AllMiniLmL6V2QuantizedEmbeddingModel().embed(text).content().vector();
        assertThat(cosine(ours, theirs)).isGreaterThan(0.9999);
        assertThat(cosine(ours, ours)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(cosine(e5, e5)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(cosine(ours, e5)).as("two different models").isLessThan(0.9);
    }

    /**
     * A gate sees MiniLM's half first: a window it clears has no e5 half; a later caller whose gate asks for e5 gets the
     * same window completed, with the features both models give it at once.
     */
    @Test
    void aWindowTheGateClearsSkipsE5AndIsCompletedWhenALaterGateAsksForIt() {
        String text = "The gate test's own line: a picnic by the canal with lemonade and a crossword.";
        List<SentenceEmbedder.Window> first =
                embedder.embed(text, false, new SentenceEmbedder.Gate(window -> false, false));
        assertThat(first).singleElement().satisfies(window -> {
            assertThat(window.complete()).isFalse();
            assertThat(Arrays.copyOfRange(
                            window.features(), SentenceEmbedder.MODEL_DIMENSIONS, SentenceEmbedder.DIMENSIONS))
                    .containsOnly(0f);
        });
        List<String> asked = new ArrayList<>();
        List<SentenceEmbedder.Window> completed = embedder.embed(
                text,
                false,
                new SentenceEmbedder.Gate(
                        window -> {
                            asked.add(window.complete() ? "complete" : "first model only");
                            return true;
                        },
                        false));
        assertThat(asked).containsExactly("first model only");
        SentenceEmbedder.Window window = completed.getFirst();
        assertThat(window.complete()).isTrue();
        assertThat(Arrays.copyOfRange(window.features(), 0, SentenceEmbedder.MODEL_DIMENSIONS))
                .containsExactly(Arrays.copyOfRange(first.getFirst().features(), 0, SentenceEmbedder.MODEL_DIMENSIONS));
        assertThat(embedder.embed(text, false).getFirst().features()).containsExactly(window.features());
        assertThat(embedder.embed(text + " Again.", false, new SentenceEmbedder.Gate(w -> false, true)))
                .as("another text: its own windows")
                .allSatisfy(w -> assertThat(w.complete()).isFalse());
    }

    /**
     * An eager gate starts e5 on a helper beside MiniLM: when the gate passes the window it gets exactly the features
     * both models give; when the gate clears it, e5 is stopped and the window stays MiniLM's, to be completed later.
     */
    @Test
    void anEagerGateGetsTheFeaturesBothModelsGiveOrStopsE5() {
        String passed = "The eager gate test's own line: a rowing boat, two oars and a thermos of tea.";
        SentenceEmbedder.Window window = embedder.embed(passed, false, new SentenceEmbedder.Gate(w -> true, true))
                .getFirst();
        assertThat(window.complete()).isTrue();
        assertThat(window.features()).containsExactly(embedder.run(window.ids()));

        String cleared = "The eager gate test's other line: a kite, a hill and a windy afternoon.";
        for (int i = 0; i < 20; i++) {
            String text = cleared + " " + i;
            assertThat(embedder.embed(text, false, new SentenceEmbedder.Gate(w -> false, true)))
                    .allSatisfy(w -> assertThat(w.complete()).isFalse());
            SentenceEmbedder.Window completed = embedder.embed(text, false).getFirst();
            assertThat(completed.complete()).isTrue();
            assertThat(completed.features()).containsExactly(embedder.run(completed.ids()));
        }
    }

    @Test
    void e5IsStartedBesideMiniLmOnlyWhenACoreIsFreeOfOtherProcessesAndOfThisOnesModelRuns() {
        assertThat(SentenceEmbedder.SpareCore.spare(0.0, 0, 2))
                .as("a lone message on a quiet machine")
                .isTrue();
        assertThat(SentenceEmbedder.SpareCore.spare(0.3, 0, 2))
                .as("other processes use a little")
                .isTrue();
        assertThat(SentenceEmbedder.SpareCore.spare(0.6, 0, 2))
                .as("other processes use more than one of two cores")
                .isFalse();
        assertThat(SentenceEmbedder.SpareCore.spare(0.0, 1, 2))
                .as("another model run already takes the second core")
                .isFalse();
        assertThat(SentenceEmbedder.SpareCore.spare(0.2, 2, 4))
                .as("four cores, two runs")
                .isTrue();
        assertThat(SentenceEmbedder.SpareCore.spare(0.2, 3, 4))
                .as("four cores, three runs")
                .isFalse();
        assertThat(SentenceEmbedder.SpareCore.spare(0.0, 0, 1))
                .as("one core: nothing to run it beside")
                .isFalse();
        assertThat(SentenceEmbedder.SpareCore.spare(-1, 0, 2)).as("unknown").isTrue();
    }

    /** The window is tokenised once, with MiniLM's tokenizer, for both models: that holds only on one vocabulary. */
    @Test
    void bothModelsReadTheSameWordPieceVocabulary() throws Exception {
        tools.jackson.databind.ObjectMapper json = new tools.jackson.databind.ObjectMapper();
        tools.jackson.databind.JsonNode minilm =
                json.readTree(SentenceEmbedder.resource("all-minilm-l6-v2-q-tokenizer.json"));
        tools.jackson.databind.JsonNode e5 =
                json.readTree(SentenceEmbedder.resource(SentenceEmbedder.SECOND_TOKENIZER_RESOURCE));
        assertThat(e5.path("model").path("vocab"))
                .isEqualTo(minilm.path("model").path("vocab"));
        assertThat(e5.path("normalizer")).isEqualTo(minilm.path("normalizer"));
        assertThat(e5.path("pre_tokenizer")).isEqualTo(minilm.path("pre_tokenizer"));
    }

    @Test
    void splitsAtSentenceEndsAndLineBreaks() {
        assertThat(SentenceEmbedder.sentences("Hi there! How are you?  *smiles* Fine.\nNew line\n\nlast"))
                .containsExactly("Hi there!", "How are you?", "*smiles* Fine.", "New line", "last");
        assertThat(SentenceEmbedder.sentences("version 1.5 is out")).containsExactly("version 1.5 is out");
    }

    @Test
    void packsSentencesIntoOverlappingWindowsOfTheModelsLength() {
        List<long[]> sentences = List.of(ids(50), ids(50), ids(50), ids(10));
        List<long[]> windows = SentenceEmbedder.pack(sentences);
        // 50+50 | 50(repeated)+50+10
        assertThat(windows).extracting(w -> w.length).containsExactly(100, 110);
    }

    @Test
    void theTailIsTheLastSentencesThatFitOneWindow() {
        List<long[]> sentences = List.of(filled(50, 1), filled(50, 2), filled(50, 3), filled(10, 4));
        // 10 + 50 + 50 fit, the first 50 does not: 110 tokens, the last three sentences in order
        long[] tail = SentenceEmbedder.tail(sentences);
        assertThat(tail).hasSize(110);
        assertThat(tail).startsWith(filled(50, 2)).endsWith(filled(10, 4));
        assertThat(Arrays.copyOfRange(tail, 50, 100)).isEqualTo(filled(50, 3));
        assertThat(SentenceEmbedder.tail(List.of(filled(90, 1), filled(120, 2))))
                .isEqualTo(filled(120, 2));
    }

    @Test
    void aLongTextsTailIsOneWindowThatEndsIt() {
        String text = "The rain kept falling on the old roof while we talked about everything and nothing. ".repeat(40)
                + "Now tell me what she said.";
        List<SentenceEmbedder.Window> tail = embedder.embedTail(text, false);
        List<long[]> windows = embedder.windows(text, false);
        assertThat(tail).hasSize(1);
        long[] last = windows.getLast();
        assertThat(tail.getFirst().ids()).endsWith(Arrays.copyOfRange(last, last.length - 8, last.length));
        assertThat(tail.getFirst().ids().length).isLessThanOrEqualTo(SentenceEmbedder.CONTENT_TOKENS);
        assertThat(embedder.embedTail(" ", false)).isEmpty();
    }

    @Test
    void longTextsGetSeveralWindowsNoneLongerThanTheModelsWindow() {
        String sentence = "The rain kept falling on the old roof while we talked about everything and nothing. ";
        List<long[]> windows = embedder.windows(sentence.repeat(40), false);
        assertThat(windows).hasSizeGreaterThan(5);
        assertThat(windows).allSatisfy(w -> assertThat(w.length).isLessThanOrEqualTo(SentenceEmbedder.CONTENT_TOKENS));
        String runOn = "and then we walked ".repeat(200);
        assertThat(embedder.windows(runOn, false))
                .hasSizeGreaterThan(5)
                .allSatisfy(w -> assertThat(w.length).isLessThanOrEqualTo(SentenceEmbedder.CONTENT_TOKENS));
    }

    @Test
    void blankTextHasNoWindows() {
        assertThat(embedder.embed("  \n ", false)).isEmpty();
        assertThat(embedder.embed(null, true)).isEmpty();
    }

    @Test
    void givesTheSameEmbeddingsFromManyThreadsAtOnce() throws Exception {
        List<String> texts = IntStream.range(0, 32)
                .mapToObj(i -> "Concurrency probe " + i + ": the weather, a walk in the park and " + i * 7 + " ducks")
                .toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<float[]>> jobs = new ArrayList<>();
            for (String t : texts) {
                jobs.add(() -> embedder.embed(t, false).getFirst().features());
            }
            List<Future<float[]>> parallel = pool.invokeAll(jobs);
            for (int i = 0; i < texts.size(); i++) {
                float[] alone =
                        embedder.run(embedder.windows(texts.get(i), false).getFirst());
                assertThat(parallel.get(i).get()).containsExactly(alone);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void embedsTheWindowsOfAGrowingReplyOnce() {
        StringBuilder reply = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            reply.append("She laughed and looked out at the sea where boat number ")
                    .append(i)
                    .append(" was coming home with its nets full. ");
        }
        List<SentenceEmbedder.Window> first = embedder.embed(reply.toString(), false);
        List<SentenceEmbedder.Window> grown = embedder.embed(reply + "Then the sun set over the harbour.", false);
        assertThat(first).hasSizeGreaterThan(2);
        assertThat(grown.getFirst().features()).isSameAs(first.getFirst().features());
        assertThat(grown.getLast().features()).isNotSameAs(first.getLast().features());
    }

    private static long[] filled(int length, long id) {
        long[] ids = new long[length];
        Arrays.fill(ids, id);
        return ids;
    }

    private static long[] ids(int length) {
        long[] ids = new long[length];
        java.util.Arrays.fill(ids, 1000);
        return ids;
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
