package com.companion.chat.send;

import com.companion.chat.ChatProperties;
import com.companion.chat.access.AccessPolicy;
import com.companion.chat.access.Caller;
import com.companion.chat.access.CharacterView;
import com.companion.chat.request.Requests;
import com.companion.chat.safety.InputScreening;
import com.companion.chat.session.ChatSession;
import com.companion.chat.session.SessionRepository;
import com.companion.contracts.chat.ChatRole;
import com.companion.contracts.chat.HistoryMessage;
import com.companion.contracts.chat.InputVerdict;
import com.companion.contracts.chat.MessageRequested;
import com.companion.platform.messaging.outbox.Outbox;
import com.companion.platform.web.problem.ApiProblem;
import com.companion.platform.web.security.AuthenticatedUser;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one send path behind HTTP, SSE and WebSocket: checks that the caller owns the session and
 * may still chat with its character, then stores the user message and the request for a reply in
 * one transaction with the MessageRequested event (through the outbox). One reply in flight per
 * session, enforced by a unique index. The content guard sees the message first.
 */
@Service
public class SendService {

    public record Accepted(UUID requestId, UUID sessionId, UUID userMessageId) {}

    private final SessionRepository sessions;
    private final Requests requests;
    private final AccessPolicy access;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final ChatProperties properties;
    private final InputScreening screening;

    private final SendBudget budget;

    public SendService(
            SessionRepository sessions,
            Requests requests,
            AccessPolicy access,
            Outbox outbox,
            TransactionTemplate transactions,
            ChatProperties properties,
            InputScreening screening,
            SendBudget budget) {
        this.screening = screening;
        this.budget = budget;
        this.sessions = sessions;
        this.requests = requests;
        this.access = access;
        this.outbox = outbox;
        this.transactions = transactions;
        this.properties = properties;
    }

    /**
     * Accepts a message. {@code beforePublish} runs with the request id before the transaction
     * commits, so a caller can register for the reply before any of it can arrive.
     */
    public Accepted send(
            AuthenticatedUser user,
            UUID sessionId,
            String message,
            java.util.function.Consumer<Accepted> beforePublish) {
        budget.take(user.userId());
        String text = message == null ? "" : message.strip();
        if (text.isEmpty()) {
            throw ApiProblem.badRequest("empty-message", "The message is empty.");
        }
        if (text.length() > properties.maxMessageLength()) {
            throw ApiProblem.badRequest(
                    "message-too-long", "The message is longer than " + properties.maxMessageLength() + " characters.");
        }
        ChatSession session =
                sessions.findOwned(sessionId, user.userId()).orElseThrow(() -> ApiProblem.notFound("session"));
        Caller caller = access.caller(user);
        CharacterView character = access.chattable(caller, session.characterId())
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.NOT_FOUND,
                        "character-unavailable",
                        "Not Found",
                        "This character is no longer available to you."));
        // One read of the window serves both the guard (its latest messages) and the request. Only a reply to the
        // session's last message can land meanwhile; when that message is still unanswered the request's window is
        // read again inside the transaction that takes the session's one in-flight slot.
        List<HistoryMessage> history = requests.window(
                session.id(),
                Math.max(properties.historyWindow(), properties.guardContextMessages()),
                properties.historyTokenBudget());
        List<HistoryMessage> recent =
                history.subList(Math.max(0, history.size() - properties.guardContextMessages()), history.size());
        List<HistoryMessage> prompt =
                history.subList(Math.max(0, history.size() - properties.historyWindow()), history.size());
        boolean support = screening.screen(caller, session.id(), character, recent, text);
        Accepted accepted = new Accepted(UUID.randomUUID(), session.id(), UUID.randomUUID());
        beforePublish.accept(accepted);
        boolean lastUnanswered = !history.isEmpty() && history.getLast().role() == ChatRole.USER;
        Runnable write = () -> transactions.executeWithoutResult(status -> {
            List<HistoryMessage> window = lastUnanswered
                    ? requests.window(session.id(), properties.historyWindow(), properties.historyTokenBudget())
                    : prompt;
            requests.insertPending(accepted.requestId(), session.id(), user.userId(), accepted.userMessageId());
            requests.insertUserMessage(accepted.userMessageId(), session.id(), accepted.requestId(), text);
            sessions.touch(session.id());
            outbox.publish(new MessageRequested(
                    accepted.requestId(),
                    session.id(),
                    user.userId(),
                    accepted.userMessageId(),
                    caller.plan(),
                    caller.adult(),
                    character.persona(),
                    window,
                    text,
                    Instant.now(),
                    new InputVerdict(support)));
        });
        try {
            write.run();
        } catch (DuplicateKeyException inFlight) {
            // The session has a pending request. If it is past the timeout it no longer counts: fail it
            // (RequestExpiry would, on its next round) and write again; otherwise the session is busy.
            if (requests.expire(session.id(), properties.requestTimeout()) == 0) {
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

    private static ApiProblem replyInFlight() {
        return new ApiProblem(
                HttpStatus.CONFLICT,
                "reply-in-flight",
                "Conflict",
                "A reply in this session is still on its way; send again when it has arrived.");
    }
}
