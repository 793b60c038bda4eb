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

    private static final int SCREEN_AFTER = 200;

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
    void aSentenceTheScreenBlocksStopsTheStreamAtOnce() {
        List<String> screened = new CopyOnWriteArrayList<>();
        ChunkStream stream = stream(Duration.ZERO, text -> {
            screened.add(text);
            return text.contains("bad") ? Screening.blocked("test", "S12") : Screening.ALLOWED;
        });
        stream.append("Good.");
        stream.append(" Now bad");
        stream.append(" words");

        assertThatThrownBy(() -> stream.append(". More")).isInstanceOf(BlockedWhileStreamingException.class);
        assertThatThrownBy(() -> stream.append(" more")).isInstanceOf(BlockedWhileStreamingException.class);
        assertThatThrownBy(stream::finish).isInstanceOf(BlockedWhileStreamingException.class);
        assertThat(screened).containsExactly("Good.", "Good. Now bad words.");
        assertThat(sent).extracting(ReplyChunk::text).containsExactly("Good.", " Now bad", " words");
    }

    @Test
    void eachSentenceIsScreenedOnceInAWindowWithTheSentenceBeforeIt() {
        List<String> screened = new CopyOnWriteArrayList<>();
        ChunkStream stream = stream(Duration.ZERO, text -> {
            screened.add(text);
            return Screening.ALLOWED;
        });
        for (String token :
                List.of("Hi", " there", "!", " How", " are", " you", "?", "\n", "I'm", " fine", "…", " The", " end")) {
            stream.append(token);
        }
        assertThat(screened).containsExactly("Hi there!", "Hi there! How are you?\n", " How are you?\nI'm fine…");

        assertThat(stream.finish()).isEqualTo("Hi there! How are you?\nI'm fine… The end");
        assertThat(screened).hasSize(4).last().isEqualTo("I'm fine… The end");
    }

    @Test
    void theWindowsThatStartAtTheReplysFirstCharacterAreMarkedAsOpeningIt() {
        List<Boolean> opening = new CopyOnWriteArrayList<>();
        ChunkStream stream = stream(Duration.ZERO, (ChunkStream.Screen) (text, opensReply) -> {
            opening.add(opensReply);
            return Screening.ALLOWED;
        });
        for (String token : List.of("Hi", " there", "!", " How", " are", " you", "?", " Fine", ".", " End")) {
            stream.append(token);
        }
        stream.finish();

        assertThat(opening).containsExactly(true, true, false, false);
    }

    @Test
    void aDecimalPointEndsNoSentenceAndClosingQuotesStayWithTheirs() {
        List<String> screened = new CopyOnWriteArrayList<>();
        ChunkStream stream = stream(Duration.ZERO, text -> {
            screened.add(text);
            return Screening.ALLOWED;
        });
        for (String token : List.of("It", " costs", " 3", ".", "5", " rupees", ".\"", " She", " said", ".")) {
            stream.append(token);
        }

        assertThat(screened).containsExactly("It costs 3.5 rupees.\"");
    }

    @Test
    void aLongRunWithoutASentenceEndIsScreenedEverySoManyCharacters() {
        List<String> screened = new CopyOnWriteArrayList<>();
        ChunkStream stream = stream(Duration.ZERO, text -> {
            screened.add(text);
            return Screening.ALLOWED;
        });
        for (int i = 0; i < 100; i++) {
            stream.append("word ");
        }

        assertThat(screened).hasSizeBetween(2, 3);
        assertThat(screened).allSatisfy(text -> assertThat(text.length()).isLessThanOrEqualTo(2 * SCREEN_AFTER));
    }

    @Test
    void theCostOfScreeningALongReplyIsAboutOneBoundedCheckPerSentence() {
        List<String> screened = new CopyOnWriteArrayList<>();
        ChunkStream stream = stream(Duration.ZERO, text -> {
            screened.add(text);
            return Screening.ALLOWED;
        });
        String sentence = "This is one of many harmless sentences in a long reply.";
        int sentences = 300;
        for (int s = 0; s < sentences; s++) {
            for (String word : (s == 0 ? sentence : " " + sentence).split("(?= )")) {
                stream.append(word);
            }
        }
        stream.finish();

        assertThat(screened).hasSize(sentences);
        assertThat(screened)
                .allSatisfy(text -> assertThat(text.length()).isLessThanOrEqualTo(2 * (sentence.length() + 1)));
        assertThat(screened.stream().mapToInt(String::length).sum())
                .as("characters screened, against %d in the reply", sentences * (sentence.length() + 1))
                .isLessThan(2 * sentences * (sentence.length() + 1));
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
        return stream(window, (ChunkStream.Screen) (text, opensReply) -> screen.apply(text));
    }

    private ChunkStream stream(Duration window, ChunkStream.Screen screen) {
        return new ChunkStream(request().build(), 3, sent::add, screen, timer, window.toNanos(), 512, SCREEN_AFTER);
    }
}
