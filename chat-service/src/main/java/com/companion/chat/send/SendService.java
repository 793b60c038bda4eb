package com.companion.chat.send;

import com.companion.chat.ChatProperties;
import com.companion.chat.access.AccessPolicy;
import com.companion.chat.access.Caller;
import com.companion.chat.access.CharacterView;
import com.companion.chat.memory.Memories;
import com.companion.chat.memory.Recall;
import com.companion.chat.memory.Summaries;
import com.companion.chat.quota.DailyQuota;
import com.companion.chat.request.Requests;
import com.companion.chat.safety.InputScreening;
import com.companion.chat.session.ChatSession;
import com.companion.chat.session.MessageRepository;
import com.companion.chat.session.SessionRepository;
import com.companion.chat.session.StoredMessage;
import com.companion.contracts.chat.ChatRole;
import com.companion.contracts.chat.HistoryMessage;
import com.companion.contracts.chat.InputVerdict;
import com.companion.contracts.chat.Memory;
import com.companion.contracts.chat.MessageRequested;
import com.companion.contracts.chat.MessageSent;
import com.companion.contracts.chat.SentMessageKind;
import com.companion.platform.messaging.outbox.Outbox;
import com.companion.platform.web.problem.ApiProblem;
import com.companion.platform.web.security.AuthenticatedUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one send path behind HTTP, SSE and WebSocket, for a new message, an edited user message, a
 * regeneration and a continuation: checks that the caller owns the session and may still chat with its character, then
 * stores the user message (if new), the request for a reply and one unit of the daily quota in one
 * transaction with the MessageRequested event (through the outbox). One reply in flight per session,
 * enforced by a unique index. The content guard sees the message first.
 */
@Service
public class SendService {

    public record Accepted(UUID requestId, UUID sessionId, UUID userMessageId) {}

    private final SessionRepository sessions;
    private final MessageRepository messages;
    private final Requests requests;
    private final AccessPolicy access;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final ChatProperties properties;
    private final InputScreening screening;

    private final SendBudget budget;
    private final Memories memories;
    private final Recall recall;
    private final Summaries summaries;
    private final DailyQuota quota;

    public SendService(
            SessionRepository sessions,
            MessageRepository messages,
            Requests requests,
            AccessPolicy access,
            Outbox outbox,
            TransactionTemplate transactions,
            ChatProperties properties,
            InputScreening screening,
            SendBudget budget,
            DailyQuota quota,
            Memories memories,
            Recall recall,
            Summaries summaries) {
        this.summaries = summaries;
        this.memories = memories;
        this.recall = recall;
        this.quota = quota;
        this.screening = screening;
        this.budget = budget;
        this.sessions = sessions;
        this.messages = messages;
        this.requests = requests;
        this.access = access;
        this.outbox = outbox;
        this.transactions = transactions;
        this.properties = properties;
    }

    /**
     * Accepts a message at the end of the active path. {@code beforePublish} runs with the request id
     * before the transaction commits, so a caller can register for the reply before any of it can arrive.
     */
    public Accepted send(AuthenticatedUser user, UUID sessionId, String message, Consumer<Accepted> beforePublish) {
        budget.take(user.userId());
        String text = checked(message);
        Context context = context(user, sessionId);
        return submit(context, new Turn(text, null, null, true, null, SentMessageKind.NEW), beforePublish);
    }

    /**
     * A user message rewritten: the new text becomes a new alternative beside it (under the same
     * parent), the active path moves to it, and it gets a reply of its own. The old branch stays.
     */
    public Accepted edit(
            AuthenticatedUser user,
            UUID sessionId,
            StoredMessage edited,
            String message,
            Consumer<Accepted> beforePublish) {
        budget.take(user.userId());
        String text = checked(message);
        Context context = context(user, sessionId);
        return submit(
                context, new Turn(text, null, edited.parentId(), false, null, SentMessageKind.EDIT), beforePublish);
    }

    /**
     * A new alternative of the last reply: the request is for the user message it answers, with the
     * active path above that message as its history (never the reply it replaces). The active path
     * keeps the current reply until the new one is stored.
     */
    public Accepted regenerate(AuthenticatedUser user, UUID sessionId, Consumer<Accepted> beforePublish) {
        budget.take(user.userId());
        Context context = context(user, sessionId);
        StoredMessage last = sessions.activeLeaf(sessionId)
                .flatMap(leaf -> messages.find(sessionId, leaf))
                .orElseThrow(SendService::nothingToRegenerate);
        StoredMessage prompt = last.fromUser()
                ? last
                : Optional.ofNullable(last.parentId())
                        .flatMap(parent -> messages.find(sessionId, parent))
                        .filter(StoredMessage::fromUser)
                        .orElseThrow(SendService::nothingToRegenerate);
        return submit(
                context,
                new Turn(prompt.content(), prompt.id(), prompt.parentId(), false, null, SentMessageKind.REGENERATE),
                beforePublish);
    }

    /**
     * The last reply extended: the model gets the active path up to the user message the reply
     * answers, the reply so far as its own turn, and writes what follows; the reply is then stored as
     * one message (extended in place). Only a reply to a message of the user's can be continued. While a reply is
     * in flight the answer is 409 reply-in-flight, as for every other send: the active leaf is then the user message
     * still waiting for its reply, which would otherwise read as nothing to continue.
     */
    public Accepted continueReply(AuthenticatedUser user, UUID sessionId, Consumer<Accepted> beforePublish) {
        budget.take(user.userId());
        Context context = context(user, sessionId);
        if (requests.inFlight(sessionId, properties.requestTimeout())) {
            throw replyInFlight();
        }
        StoredMessage reply = sessions.activeLeaf(sessionId)
                .flatMap(leaf -> messages.find(sessionId, leaf))
                .filter(message -> !message.fromUser())
                .orElseThrow(SendService::nothingToContinue);
        StoredMessage prompt = Optional.ofNullable(reply.parentId())
                .flatMap(parent -> messages.find(sessionId, parent))
                .filter(StoredMessage::fromUser)
                .orElseThrow(SendService::nothingToContinue);
        return submit(
                context,
                new Turn(prompt.content(), prompt.id(), prompt.parentId(), false, reply, SentMessageKind.CONTINUE),
                beforePublish);
    }

    /**
     * What a request is for: a new user message {@code text} under {@code parentId} (or, when {@code
     * atLeaf}, under whatever the active leaf is when the request takes the session), or the stored
     * user message {@code existingMessageId} answered again, or its reply {@code continued} extended.
     */
    private record Turn(
            String text,
            UUID existingMessageId,
            UUID parentId,
            boolean atLeaf,
            StoredMessage continued,
            SentMessageKind kind) {}

    private record Context(ChatSession session, Caller caller, CharacterView character) {}

    private String checked(String message) {
        String text = message == null ? "" : message.strip();
        if (text.isEmpty()) {
            throw ApiProblem.badRequest("empty-message", "The message is empty.");
        }
        if (text.length() > properties.maxMessageLength()) {
            throw ApiProblem.badRequest(
                    "message-too-long", "The message is longer than " + properties.maxMessageLength() + " characters.");
        }
        if (text.indexOf('\u0000') >= 0) {
            // Over a socket too, where no HTTP exception handler turns the database's refusal into a problem.
            throw ApiProblem.badRequest("invalid-text", "The message holds the NUL character (U+0000).");
        }
        return text;
    }

    private Context context(AuthenticatedUser user, UUID sessionId) {
        Caller caller = access.caller(user);
        ChatSession session = sessions.findOwned(sessionId, user.userId(), caller.adult())
                .orElseThrow(() -> ApiProblem.notFound("session"));
        CharacterView character = access.requireChattable(caller, session.characterId());
        return new Context(session, caller, character);
    }

    private Accepted submit(Context context, Turn turn, Consumer<Accepted> beforePublish) {
        UUID sessionId = context.session().id();
        // One read of the window serves both the guard (its latest messages) and the request. Only a reply to the
        // active leaf can land meanwhile (it moves the leaf); when it did, the request's window is read again inside
        // the transaction that takes the session's one in-flight slot.
        UUID anchor = turn.atLeaf() ? sessions.activeLeaf(sessionId).orElse(null) : turn.parentId();
        List<HistoryMessage> history = messages.window(
                sessionId,
                anchor,
                Math.max(properties.historyWindow(), properties.guardContextMessages()),
                properties.historyTokenBudget());
        List<HistoryMessage> recent =
                history.subList(Math.max(0, history.size() - properties.guardContextMessages()), history.size());
        List<HistoryMessage> prompt =
                history.subList(Math.max(0, history.size() - properties.historyWindow()), history.size());
        // What the user said of themselves outside this conversation (persona, pinned memories) is context the guard
        // judges the message in too, as it is in the prompt: "I'm 13" in a persona counts like it in a message.
        Caller caller = context.caller();
        List<String> pinned =
                memories.contents(caller.userId(), context.character().characterId());
        List<HistoryMessage> said = new ArrayList<>();
        if (caller.persona() != null) {
            said.add(new HistoryMessage(
                    ChatRole.USER,
                    caller.persona().name() + ": " + caller.persona().description()));
        }
        pinned.forEach(fact -> said.add(new HistoryMessage(ChatRole.USER, fact)));
        said.addAll(recent);
        boolean support = screening.screen(caller, sessionId, context.character(), said, turn.text());
        Memory memory = new Memory(
                caller.username(),
                caller.persona(),
                pinned,
                recall.recall(
                        caller.userId(),
                        context.character().characterId(),
                        turn.text(),
                        prompt.stream().map(HistoryMessage::content).toList()),
                summaries.forPrompt(sessionId, anchor));
        boolean newMessage = turn.existingMessageId() == null;
        Accepted accepted =
                new Accepted(UUID.randomUUID(), sessionId, newMessage ? UUID.randomUUID() : turn.existingMessageId());
        beforePublish.accept(accepted);
        Runnable write = () -> transactions.executeWithoutResult(status -> {
            requests.insertPending(
                    accepted.requestId(),
                    sessionId,
                    context.session().userId(),
                    accepted.userMessageId(),
                    turn.continued() == null ? null : turn.continued().id(),
                    support);
            UUID parent = anchor;
            List<HistoryMessage> window = prompt;
            if (turn.atLeaf()) {
                UUID leaf = sessions.lockActiveLeaf(sessionId).orElse(null);
                if (!Objects.equals(leaf, anchor)) {
                    parent = leaf;
                    window = messages.window(
                            sessionId, leaf, properties.historyWindow(), properties.historyTokenBudget());
                }
            }
            if (newMessage) {
                messages.insert(accepted.userMessageId(), sessionId, parent, "user", turn.text(), accepted.requestId());
                recall.enqueue(accepted.userMessageId(), turn.text());
                sessions.activateAndTouch(
                        sessionId, accepted.userMessageId(), context.character().nsfwEnabled());
            } else {
                sessions.touch(sessionId, context.character().nsfwEnabled());
            }
            MessageRequested request = new MessageRequested(
                    accepted.requestId(),
                    sessionId,
                    context.session().userId(),
                    accepted.userMessageId(),
                    context.caller().plan(),
                    context.caller().adult(),
                    context.character().persona(),
                    window,
                    turn.text(),
                    Instant.now(),
                    new InputVerdict(support),
                    turn.continued() == null ? null : turn.continued().content(),
                    memory);
            outbox.publish(request);
            // For analytics: the same request without its content.
            outbox.publish(new MessageSent(
                    request.requestId(),
                    request.userMessageId(),
                    sessionId,
                    request.userId(),
                    request.character().characterId(),
                    request.plan(),
                    turn.kind(),
                    request.requestedAt()));
            // Last: the upsert locks the user's row of the day until the commit, and a user's sends from other
            // sessions or devices wait on it, so it is held for the commit only.
            quota.spend(context.caller());
        });
        try {
            write.run();
        } catch (DuplicateKeyException inFlight) {
            // The session has a pending request. If it is past the timeout it no longer counts: fail it
            // (RequestExpiry would, on its next round) and write again; otherwise the session is busy.
            if (requests.expire(sessionId, properties.requestTimeout()) == 0) {
                throw replyInFlight();
            }
            try {
                write.run();
            } catch (DuplicateKeyException stillInFlight) {
                throw replyInFlight();
            }
        }
        return accepted;
    }

    private static ApiProblem nothingToRegenerate() {
        return ApiProblem.conflict(
                "nothing-to-regenerate", "The session has no reply to a message of yours to regenerate.");
    }

    private static ApiProblem nothingToContinue() {
        return ApiProblem.conflict(
                "nothing-to-continue", "The session's last message is not a reply to a message of yours to continue.");
    }

    private static ApiProblem replyInFlight() {
        return new ApiProblem(
                HttpStatus.CONFLICT,
                "reply-in-flight",
                "Conflict",
                "A reply in this session is still on its way; send again when it has arrived.");
    }
}
