package com.companion.worker.reply;

import static com.companion.worker.support.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.companion.contracts.chat.ReplyChunk;
import com.companion.worker.guard.Screening;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChunkStreamTest {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<ReplyChunk> sent = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    @Test
    void theFirstTokenLeavesAtOnceAndTheNextOnesTogetherWhenTheWindowCloses() {
        ChunkStream stream = stream(Duration.ofMillis(200), text -> Screening.ALLOWED);

        stream.append("Hel");
        assertThat(sent).extracting(ReplyChunk::text).containsExactly("Hel");

        stream.append("lo");
        stream.append(" there");
        assertThat(sent).hasSize(1);
        await().atMost(Duration.ofSeconds(2))
                .untilAsserted(
                        () -> assertThat(sent).extracting(ReplyChunk::text).containsExactly("Hel", "lo there"));
        assertThat(sent).extracting(ReplyChunk::seq).containsExactly(0, 1);
        assertThat(sent).extracting(ReplyChunk::attempt).containsOnly(3);
    }

    @Test
    void finishSendsWhatIsHeldAndReturnsTheTextTheChunksAddUpTo() {
        ChunkStream stream = stream(Duration.ofSeconds(10), text -> Screening.ALLOWED);
        stream.append("a");
        stream.append("b");
        stream.append("c");

        String text = stream.finish();

        assertThat(text).isEqualTo("abc");
        assertThat(sent).extracting(ReplyChunk::text).containsExactly("a", "bc");
    }

    @Test
    void onceTheScreenBlocksNothingMoreLeaves() {
        Function<String, Screening> screen =
                text -> text.contains("bad") ? Screening.blocked("test", "S12") : Screening.ALLOWED;
        ChunkStream stream = stream(Duration.ZERO, screen);
        stream.append("good ");

        assertThatThrownBy(() -> stream.append("bad")).isInstanceOf(BlockedWhileStreamingException.class);
        assertThatThrownBy(() -> stream.append(" more")).isInstanceOf(BlockedWhileStreamingException.class);
        assertThatThrownBy(stream::finish).isInstanceOf(BlockedWhileStreamingException.class);
        assertThat(sent).extracting(ReplyChunk::text).containsExactly("good ");
    }

    @Test
    void onlyTheEndOfALongReplyIsScreenedWhileStreaming() {
        List<String> screened = new CopyOnWriteArrayList<>();
        ChunkStream stream = stream(Duration.ZERO, text -> {
            screened.add(text);
            return Screening.ALLOWED;
        });
        for (int i = 0; i < 400; i++) {
            stream.append("word ");
        }

        assertThat(screened)
                .allSatisfy(text -> assertThat(text.length()).isLessThanOrEqualTo(ChunkStream.SCREENED_TAIL_CHARS));
        assertThat(screened.getLast()).endsWith("word ");
        assertThat(stream.finish()).hasSize(2_000);
    }

    @Test
    void anAbandonedStreamDropsWhatIsHeld() {
        ChunkStream stream = stream(Duration.ofMillis(50), text -> Screening.ALLOWED);
        stream.append("first");
        stream.append("held");

        stream.abandon();
        stream.append("late");

        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1)).until(() -> sent.size() == 1);
    }

    private ChunkStream stream(Duration window, Function<String, Screening> screen) {
        return new ChunkStream(request().build(), 3, sent::add, screen, timer, window.toNanos(), 512);
    }
}
