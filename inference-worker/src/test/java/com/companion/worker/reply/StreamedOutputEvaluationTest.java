package com.companion.worker.reply;

import static com.companion.worker.support.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.companion.platform.guard.Audience;
import com.companion.platform.guard.EvalSet;
import com.companion.platform.guard.Stage;
import com.companion.worker.guard.Guards;
import com.companion.worker.guard.ReplyGuard;
import com.companion.worker.guard.ReplyGuard.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Model output judged as this worker judges a reply while it streams, not only whole: every labelled output line of the
 * guard's evaluation sets and its output calibration set goes through a {@link ChunkStream} word by word, screened by
 * the worker's guard as {@code ReplyService} wires it (windows of two sentences, a refusal's declining sentence by the
 * rules only), and is then judged whole. A harmless reply a streaming window refuses is cut and refused in production
 * although the whole-text figures of the guard module count it allowed; this prints how often that happens and fails
 * if streaming adds more than a few. A change to the windows or to the streaming screen shows here.
 */
class StreamedOutputEvaluationTest {

    /** {@code worker.reply.screen-after-chars} as the application sets it. */
    private static final int SCREEN_AFTER_CHARS = 200;

    private final ReplyGuard guard = Guards.learnedOn();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    @Test
    void streamingAddsFewFalseBlocksToTheWholeTextCheck() {
        List<EvalSet.Case> outputs = new ArrayList<>();
        List<String> sets =
                new ArrayList<>(List.of("guard-eval-blind.tsv", "guard-dev14.tsv", "calibration/output-allowed.tsv"));
        for (int i = 2; i <= 15; i++) {
            sets.add("guard-eval-blind" + i + ".tsv");
        }
        for (String set : sets) {
            EvalSet.load(set).cases().stream()
                    .filter(c -> c.stage() == Stage.OUTPUT)
                    .forEach(outputs::add);
        }
        int harmless = 0, harmful = 0, wholeFalse = 0, streamedFalse = 0, wholeCaught = 0, streamedCaught = 0;
        for (EvalSet.Case line : outputs) {
            Subject subject = new Subject(
                    ReplyGuard.Stage.OUTPUT,
                    line.audience() != Audience.MINOR,
                    line.audience().adultMode(),
                    null);
            boolean whole = guard.screen(line.text(), subject).blocked();
            boolean streamed = cutWhileStreaming(line.text(), subject) || whole;
            if (line.blocked() && !line.category().equals("S11")) {
                harmful++;
                wholeCaught += whole ? 1 : 0;
                streamedCaught += streamed ? 1 : 0;
            } else if (!line.blocked()) {
                harmless++;
                wholeFalse += whole ? 1 : 0;
                streamedFalse += streamed ? 1 : 0;
            }
        }
        System.out.printf(
                "%d output lines streamed: harmless %d, refused whole %d, refused streamed %d; harmful (S4, S3, S12) %d,"
                        + " caught whole %d, caught streamed %d%n",
                outputs.size(), harmless, wholeFalse, streamedFalse, harmful, wholeCaught, streamedCaught);
        assertThat(harmless).as("the sets were read").isGreaterThan(800);
        assertThat(streamedCaught)
                .as("the two-sentence windows catch harmful replies the whole-text check misses (a streaming screen"
                        + " that judged nothing would leave these equal)")
                .isGreaterThan(wholeCaught);
        assertThat(streamedFalse - wholeFalse)
                .as("harmless replies refused only while streaming")
                .isLessThanOrEqualTo(2);
    }

    /** Whether a window of the reply, streamed a word at a time, is refused before or as the stream finishes. */
    private boolean cutWhileStreaming(String text, Subject subject) {
        ChunkStream stream = new ChunkStream(
                request().build(),
                0,
                chunk -> {},
                (window, opensReply) -> guard.screenPartial(window, opensReply, subject),
                timer,
                0,
                512,
                SCREEN_AFTER_CHARS);
        try {
            for (String token : text.split("(?=\\s)")) {
                stream.append(token);
            }
            stream.finish();
            return false;
        } catch (BlockedWhileStreamingException e) {
            return true;
        }
    }
}
