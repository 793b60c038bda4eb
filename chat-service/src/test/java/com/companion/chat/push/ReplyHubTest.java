package com.companion.chat.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.companion.chat.request.RequestNotice;
import com.companion.chat.request.RequestOutcome;
import com.companion.chat.request.RequestStatus;
import com.companion.chat.request.Requests;
import com.companion.chat.session.SessionDeleted;
import com.companion.contracts.chat.ReplyChunk;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The hub's routing, without a database: outcomes come from a map the test fills. */
class ReplyHubTest {

    final UUID session = UUID.randomUUID();
    final UUID request = UUID.randomUUID();
    final Map<UUID, RequestOutcome> stored = new ConcurrentHashMap<>();
    final Requests requests = new Requests(null, null, null, null, null) {
        @Override
        public Optional<RequestOutcome> outcome(UUID requestId) {
            return Optional.ofNullable(stored.get(requestId));
        }

        @Override
        public Map<UUID, Boolean> finishedAmong(Collection<UUID> requestIds) {
            return requestIds.stream()
                    .filter(stored::containsKey)
                    .collect(Collectors.toMap(id -> id, id -> stored.get(id).finished()));
        }
    };

    @Test
    void aRestartedGenerationReplacesWhatALateJoinerIsReplayed() {
        ReplyHub hub = hub(Duration.ZERO);
        hub.expect(request, session, null);
        hub.onChunk(chunk(1, 0, "Hel"));
        hub.onChunk(chunk(1, 1, "lo"));
        assertThat(hub.chunksSoFar(request)).extracting(ReplyChunk::text).containsExactly("Hel", "lo");

        hub.onChunk(chunk(2, 0, "Hi"));

        assertThat(hub.chunksSoFar(request)).extracting(ReplyChunk::text).containsExactly("Hi");
    }

    @Test
    void chunksOfASessionMatterOnlyWhileOneOfItsRequestsIsTrackedOrASocketOfItIsJoined() {
        ReplyHub hub = hub(Duration.ZERO);
        UUID other = UUID.randomUUID();
        assertThat(hub.wantsChunksOf(session)).isFalse();

        hub.expect(request, session, null);
        UUID second = UUID.randomUUID();
        hub.expect(second, session, null);
        assertThat(hub.wantsChunksOf(session)).isTrue();
        assertThat(hub.wantsChunksOf(other)).isFalse();

        hub.cancel(request);
        assertThat(hub.wantsChunksOf(session))
                .as("its second request is still tracked")
                .isTrue();
        hub.cancel(second);
        assertThat(hub.wantsChunksOf(session)).isFalse();

        Recorder socket = new Recorder();
        hub.join(other, socket);
        assertThat(hub.wantsChunksOf(other)).isTrue();
        hub.leave(other, socket);
        assertThat(hub.wantsChunksOf(other)).isFalse();
    }

    @Test
    void aSocketThatJoinsMidReplyIsSentWhatFollowsAndTheFinishOnce() {
        ReplyHub hub = hub(Duration.ZERO);
        Recorder sender = new Recorder();
        hub.expect(request, session, sender);
        hub.onChunk(chunk(1, 0, "one "));
        Recorder socket = new Recorder();
        hub.join(session, socket);
        hub.onChunk(chunk(1, 1, "two"));

        stored.put(request, outcome(true, 1, false));
        hub.onNotice(new RequestNotice(RequestNotice.Kind.FINISHED, request));
        hub.onNotice(new RequestNotice(RequestNotice.Kind.FINISHED, request));

        assertThat(sender.texts).containsExactly("one ", "two");
        assertThat(socket.texts).containsExactly("two");
        assertThat(sender.finished).hasSize(1);
        assertThat(socket.finished).hasSize(1);
        assertThat(hub.tracked()).isZero();
    }

    @Test
    void aFinishWithoutItsDecisionIsHeldBackUntilTheDecisionArrives() throws Exception {
        ReplyHub hub = hub(Duration.ofMinutes(1));
        var answer = hub.expect(request, session, null);
        stored.put(request, outcome(false, 0, true));
        hub.onNotice(new RequestNotice(RequestNotice.Kind.FINISHED, request));
        assertThat(answer).isNotDone();

        stored.put(request, outcome(true, 10, false));
        hub.onNotice(new RequestNotice(RequestNotice.Kind.AD_DECIDED, request));

        RequestOutcome delivered = answer.get(1, TimeUnit.SECONDS);
        assertThat(delivered.adPending()).isFalse();
        assertThat(delivered.showAd()).isTrue();
        assertThat(delivered.adCounter()).isEqualTo(10);
    }

    @Test
    void pastTheAdWaitTheReplyGoesOutAndTheLateDecisionFollowsToTheSockets() throws Exception {
        ReplyHub hub = hub(Duration.ofMillis(50));
        Recorder socket = new Recorder();
        hub.join(session, socket);
        var answer = hub.expect(request, session, null);
        stored.put(request, outcome(false, 9, true));
        hub.onNotice(new RequestNotice(RequestNotice.Kind.FINISHED, request));

        RequestOutcome delivered = answer.get(5, TimeUnit.SECONDS);
        assertThat(delivered.adPending()).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> socket.finished.size() == 1);

        stored.put(request, outcome(true, 10, false));
        hub.onNotice(new RequestNotice(RequestNotice.Kind.AD_DECIDED, request));
        hub.onNotice(new RequestNotice(RequestNotice.Kind.AD_DECIDED, request));

        assertThat(socket.ads)
                .singleElement()
                .satisfies(ad -> assertThat(ad.showAd()).isTrue());
    }

    @Test
    void onceADecisionMissesItsWaitRepliesWaitOnlyTheShortWaitUntilDecisionsComeAgain() throws Exception {
        ReplyHub hub = new ReplyHub(
                requests, Duration.ofMillis(10), Duration.ofMillis(100), Duration.ZERO, Duration.ofMinutes(1));
        var first = hub.expect(request, session, null);
        stored.put(request, outcome(false, 3, true));
        hub.onNotice(new RequestNotice(RequestNotice.Kind.FINISHED, request));
        assertThat(hub.adServiceBehind()).isFalse();

        assertThat(first.get(5, TimeUnit.SECONDS).adPending()).isTrue();
        assertThat(hub.adServiceBehind())
                .as("the decision missed the long wait")
                .isTrue();

        stored.put(request, outcome(false, 4, false));
        hub.onNotice(new RequestNotice(RequestNotice.Kind.AD_DECIDED, request));
        assertThat(hub.adServiceBehind())
                .as("a late decision shows ad-service answers again")
                .isFalse();
    }

    @Test
    void aDecisionForAReplyDeliveredWithItIsNotSentAgain() {
        ReplyHub hub = hub(Duration.ofMillis(50));
        Recorder socket = new Recorder();
        hub.join(session, socket);
        stored.put(request, outcome(true, 10, false));
        hub.onNotice(new RequestNotice(RequestNotice.Kind.FINISHED, request));
        hub.onNotice(new RequestNotice(RequestNotice.Kind.AD_DECIDED, request));

        assertThat(socket.finished).hasSize(1);
        assertThat(socket.ads).isEmpty();
    }

    @Test
    void theSafetyNetFinishesARequestWhoseNotificationWasLost() throws Exception {
        ReplyHub hub = hub(Duration.ZERO);
        var answer = hub.expect(request, session, null);
        UUID stillPending = UUID.randomUUID();
        hub.expect(stillPending, session, null);
        stored.put(request, outcome(true, 1, false));
        stored.put(stillPending, pending(stillPending));

        hub.sweep();

        assertThat(answer.get(1, TimeUnit.SECONDS).reply()).isEqualTo("reply");
        assertThat(hub.tracked()).isEqualTo(1);
    }

    @Test
    void aRequestDeletedWithItsSessionEndsItsWaitersHereAtOnceOrFromTheSweepWhenDeletedElsewhere() throws Exception {
        ReplyHub here = hub(Duration.ZERO);
        Recorder socket = new Recorder();
        CompletableFuture<RequestOutcome> waiting = here.expect(request, session, socket);
        here.on(new SessionDeleted(session));
        assertThat(waiting.get(1, TimeUnit.SECONDS).errorCode()).isEqualTo(RequestOutcome.SESSION_DELETED);

        UUID elsewhere = UUID.randomUUID();
        ReplyHub sweeping = new ReplyHub(requests, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);
        CompletableFuture<RequestOutcome> gone = sweeping.expect(elsewhere, session, null);
        UUID pending = UUID.randomUUID();
        CompletableFuture<RequestOutcome> stillThere = sweeping.expect(pending, session, null);
        stored.put(pending, pending(pending));

        sweeping.sweep();

        assertThat(gone.get(1, TimeUnit.SECONDS).errorCode())
                .as("absent from the table: deleted with its session")
                .isEqualTo(RequestOutcome.SESSION_DELETED);
        assertThat(stillThere).as("a pending request is still waited for").isNotDone();
    }

    private RequestOutcome pending(UUID id) {
        return new RequestOutcome(
                id, session, UUID.randomUUID(), RequestStatus.PENDING, null, null, false, 0, false, null, null, false);
    }

    private ReplyHub hub(Duration adWait) {
        return new ReplyHub(requests, adWait, adWait, Duration.ZERO, Duration.ofMinutes(1));
    }

    private ReplyChunk chunk(int attempt, int seq, String text) {
        return new ReplyChunk(request, session, attempt, seq, text);
    }

    private RequestOutcome outcome(boolean showAd, long counter, boolean adPending) {
        return new RequestOutcome(
                request,
                session,
                UUID.randomUUID(),
                RequestStatus.COMPLETED,
                UUID.randomUUID(),
                "reply",
                showAd,
                counter,
                adPending,
                null,
                null,
                false);
    }

    static final class Recorder implements ReplyListener {
        final List<String> texts = new CopyOnWriteArrayList<>();
        final List<RequestOutcome> finished = new CopyOnWriteArrayList<>();
        final List<RequestOutcome> ads = new CopyOnWriteArrayList<>();

        @Override
        public void chunk(ReplyChunk chunk) {
            texts.add(chunk.text());
        }

        @Override
        public void finished(RequestOutcome outcome) {
            finished.add(outcome);
        }

        @Override
        public void adDecided(RequestOutcome outcome) {
            ads.add(outcome);
        }
    }
}
