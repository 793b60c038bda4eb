package com.companion.chat.branch;

import com.companion.chat.ChatProperties;
import com.companion.chat.access.AccessPolicy;
import com.companion.chat.access.Caller;
import com.companion.chat.access.CharacterView;
import com.companion.chat.request.Requests;
import com.companion.chat.safety.InputScreening;
import com.companion.chat.session.ChatMessage;
import com.companion.chat.session.ChatSession;
import com.companion.chat.session.MessageRepository;
import com.companion.chat.session.SessionRepository;
import com.companion.chat.session.StoredMessage;
import com.companion.platform.web.problem.ApiProblem;
import com.companion.platform.web.security.AuthenticatedUser;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moving about a session's message tree without generating anything: selecting an alternative,
 * deleting from a message, and rewriting an assistant message in place. Selecting and deleting
 * move the active leaf, so they wait for no reply: while one is in flight they answer 409 (its reply
 * will become the leaf). Each runs with the session row locked, so a send that takes the session
 * meanwhile hangs its message under the leaf as it is after the change.
 *
 * <p>A select goes below the chosen alternative to the branch last written to ({@link
 * MessageRepository#latestLeafUnder}): the branch as the user left it. So each of these marks the leaf
 * of the branch it wrote to or showed ({@link MessageRepository#written}), as storing a new message does:
 * a select its new leaf, a delete the shortened path's leaf, an in-place edit the leaf of the edited
 * message's branch (the active leaf when the message is on the active path).
 */
@Service
public class Branches {

    private final SessionRepository sessions;
    private final MessageRepository messages;
    private final Requests requests;
    private final AccessPolicy access;
    private final TransactionTemplate transactions;
    private final ChatProperties properties;
    private final InputScreening screening;

    Branches(
            SessionRepository sessions,
            MessageRepository messages,
            Requests requests,
            AccessPolicy access,
            TransactionTemplate transactions,
            ChatProperties properties,
            InputScreening screening) {
        this.screening = screening;
        this.sessions = sessions;
        this.messages = messages;
        this.requests = requests;
        this.access = access;
        this.transactions = transactions;
        this.properties = properties;
    }

    /** A live message of one of the caller's sessions; anything else is 404. */
    public StoredMessage message(AuthenticatedUser user, UUID sessionId, UUID messageId) {
        boolean adult = access.caller(user).adult();
        sessions.findOwned(sessionId, user.userId(), adult).orElseThrow(() -> ApiProblem.notFound("session"));
        return messages.find(sessionId, messageId).orElseThrow(() -> ApiProblem.notFound("message"));
    }

    /** The active path switches to the {@code index}th alternative of the message, and below it to its latest branch. */
    public ChatMessage select(AuthenticatedUser user, UUID sessionId, UUID messageId, int index) {
        StoredMessage message = message(user, sessionId, messageId);
        UUID selected = transactions.execute(status -> {
            sessions.lockActiveLeaf(sessionId);
            refuseWhileInFlight(sessionId);
            UUID alternative = messages.alternative(message, index)
                    .orElseThrow(() -> new ApiProblem(
                            HttpStatus.BAD_REQUEST,
                            "no-such-alternative",
                            "Bad Request",
                            "The message has no alternative " + index + ".",
                            Map.of(
                                    "errors",
                                    List.of(Map.of("field", "alternative_index", "message", "no such alternative")))));
            activate(sessionId, messages.latestLeafUnder(alternative));
            return alternative;
        });
        return messages.view(sessionId, Objects.requireNonNull(selected)).orElseThrow();
    }

    /** The message and what follows it leave the active path (and stay stored until the session is erased). */
    public void delete(AuthenticatedUser user, UUID sessionId, UUID messageId) {
        StoredMessage message = message(user, sessionId, messageId);
        transactions.executeWithoutResult(status -> {
            UUID leaf = sessions.lockActiveLeaf(sessionId).orElse(null);
            refuseWhileInFlight(sessionId);
            if (messages.onPath(sessionId, leaf, message.id())) {
                activate(sessionId, message.parentId());
            }
            messages.delete(message.id());
        });
    }

    /**
     * An assistant message edited in place; its old text stays reachable as an alternative beside it. The
     * branch through the message counts as written to: the active one when the message is on the active
     * path, else the one a select of the message would show.
     */
    public ChatMessage rewrite(AuthenticatedUser user, StoredMessage message, String content) {
        String text = content == null ? "" : content.strip();
        if (text.isEmpty()) {
            throw ApiProblem.badRequest("empty-message", "The message is empty.");
        }
        if (text.length() > properties.maxMessageLength()) {
            throw ApiProblem.badRequest(
                    "message-too-long", "The message is longer than " + properties.maxMessageLength() + " characters.");
        }
        // The model reads the rewritten reply as its own words next turn: screened like a message the user sends, for
        // a character the user may still chat with.
        Caller caller = access.caller(user);
        ChatSession session = sessions.findOwned(message.sessionId(), user.userId(), caller.adult())
                .orElseThrow(() -> ApiProblem.notFound("session"));
        CharacterView character = access.requireChattable(caller, session.characterId());
        screening.screenRewrite(caller, message.sessionId(), character, text);
        transactions.executeWithoutResult(status -> {
            UUID leaf = sessions.lockActiveLeaf(message.sessionId()).orElse(null);
            messages.rewrite(message, text);
            messages.written(
                    messages.onPath(message.sessionId(), leaf, message.id())
                            ? leaf
                            : messages.latestLeafUnder(message.id()));
            sessions.touch(message.sessionId());
        });
        return messages.view(message.sessionId(), message.id()).orElseThrow();
    }

    /**
     * The session's active path now ends at {@code leaf} (none: the session is empty), and that branch counts as the
     * one last written to, so a later select above it comes back here.
     */
    private void activate(UUID sessionId, @Nullable UUID leaf) {
        sessions.activate(sessionId, leaf);
        if (leaf != null) {
            messages.written(leaf);
        }
    }

    private void refuseWhileInFlight(UUID sessionId) {
        if (requests.inFlight(sessionId, properties.requestTimeout())) {
            throw ApiProblem.conflict(
                    "reply-in-flight", "A reply in this session is still on its way; try again when it has arrived.");
        }
    }
}
