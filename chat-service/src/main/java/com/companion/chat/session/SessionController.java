package com.companion.chat.session;

import com.companion.chat.access.AccessPolicy;
import com.companion.chat.access.Caller;
import com.companion.chat.access.CharacterView;
import com.companion.contracts.chat.SessionStarted;
import com.companion.platform.guard.Audience;
import com.companion.platform.guard.ContentGuard;
import com.companion.platform.guard.GuardContext;
import com.companion.platform.messaging.outbox.Outbox;
import com.companion.platform.web.problem.ApiProblem;
import com.companion.platform.web.problem.FieldError;
import com.companion.platform.web.security.AuthenticatedUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's sessions. Every endpoint asks {@link AccessPolicy#caller} first, so an account that
 * was disabled or deleted is refused at once, not at its next token refresh.
 */
@RestController
@Validated
class SessionController {

    record CreateSession(
            @NotNull UUID characterId, @Size(max = 120) String title) {}

    /** Each field is optional; an absent one is left as it is. */
    record UpdateSession(@Size(max = 120) String title, Boolean pinned, Boolean archived) {}

    private static final Pattern CHAR_MACRO = Pattern.compile("\\{\\{\\s*char\\s*}}|<bot>", Pattern.CASE_INSENSITIVE);
    private static final Pattern USER_MACRO = Pattern.compile("\\{\\{\\s*user\\s*}}|<user>", Pattern.CASE_INSENSITIVE);

    private final SessionRepository sessions;
    private final MessageRepository messages;
    private final AccessPolicy access;
    private final TransactionTemplate transactions;
    private final Outbox outbox;
    private final ContentGuard guard;
    private final ApplicationEventPublisher events;

    SessionController(
            SessionRepository sessions,
            MessageRepository messages,
            AccessPolicy access,
            TransactionTemplate transactions,
            Outbox outbox,
            ContentGuard guard,
            ApplicationEventPublisher events) {
        this.events = events;
        this.outbox = outbox;
        this.guard = guard;
        this.sessions = sessions;
        this.messages = messages;
        this.access = access;
        this.transactions = transactions;
    }

    /** 201 with the session and its {@code Location}, {@code /sessions/{id}}. */
    @PostMapping("/sessions")
    ResponseEntity<ChatSession> create(AuthenticatedUser user, @Valid @RequestBody CreateSession request) {
        Caller caller = access.caller(user);
        CharacterView character =
                access.chattableSoon(caller, request.characterId()).orElseThrow(() -> ApiProblem.notFound("character"));
        String title = request.title() == null || request.title().isBlank()
                ? character.name()
                : request.title().strip();
        ChatSession session =
                ChatSession.started(UUID.randomUUID(), user.userId(), character.characterId(), title, Instant.now());
        List<String> greetings = greetings(character, caller.displayName()).stream()
                .filter(greeting -> caller.adult() || fitForAMinor(greeting))
                .toList();
        transactions.executeWithoutResult(status -> {
            sessions.insert(session, request.title() != null && !request.title().isBlank(), character.nsfwEnabled());
            UUID first = null;
            for (String greeting : greetings) {
                UUID id = UUID.randomUUID();
                messages.insert(id, session.id(), null, "assistant", greeting, null);
                first = first == null ? id : first;
            }
            if (first != null) {
                sessions.activate(session.id(), first);
            }
            // For analytics: who started a session with which character, nothing of its content.
            outbox.publish(new SessionStarted(
                    session.id(), user.userId(), character.characterId(), caller.plan(), session.createdAt()));
        });
        ChatSession created = greetings.isEmpty()
                ? session
                : sessions.findOwned(session.id(), user.userId(), caller.adult())
                        .orElse(session);
        return ResponseEntity.created(URI.create("/sessions/" + created.id())).body(created);
    }

    /**
     * A character with a greeting starts every new session with it as the first assistant message, its alternate
     * greetings as the alternatives (swipes) of that message; {@code {{char}}}/{@code {{user}}} (and {@code
     * <BOT>}/{@code <USER>}) become the character's name and the user's persona name (else username). Character-service screened them with the
     * rest of the character's text.
     */
    private static List<String> greetings(CharacterView character, String userName) {
        if (character.card() == null
                || character.card().greeting() == null
                || character.card().greeting().isBlank()) {
            return List.of();
        }
        List<String> all = new ArrayList<>();
        all.add(character.card().greeting());
        character.card().alternateGreetings().stream()
                .filter(g -> g != null && !g.isBlank())
                .forEach(all::add);
        return all.stream()
                .map(text -> USER_MACRO
                        .matcher(CHAR_MACRO.matcher(text).replaceAll(Matcher.quoteReplacement(character.name())))
                        .replaceAll(Matcher.quoteReplacement(userName)))
                .toList();
    }

    /**
     * A greeting is the character's first reply, written by its creator and screened for the character's own mode; a
     * minor's session gets only those that a reply to a minor may say (no romance aimed at the user: the minor's prompt
     * turns romantic roleplay off). Those left out are not offered as alternatives either; none left, no greeting.
     */
    private boolean fitForAMinor(String greeting) {
        return guard.check(greeting, GuardContext.output(Audience.MINOR, null)).allowed();
    }

    @GetMapping("/sessions")
    Page<ChatSession> list(
            AuthenticatedUser user,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "false") boolean archived,
            @RequestParam(required = false) @Size(max = 200) String q) {
        Caller caller = access.caller(user);
        SessionRepository.ListPosition after = null;
        if (cursor != null) {
            String[] parts = decode(cursor).split("\\|", 3);
            try {
                after = new SessionRepository.ListPosition(
                        Boolean.parseBoolean(parts[0]), Instant.parse(parts[1]), UUID.fromString(parts[2]));
            } catch (RuntimeException e) {
                throw ApiProblem.badRequest("invalid-cursor", "The cursor is not valid.");
            }
        }
        List<ChatSession> items = sessions.listOwned(user.userId(), caller.adult(), archived, q, after, limit);
        ChatSession last = items.isEmpty() ? null : items.getLast();
        String next =
                items.size() < limit ? null : encode(last.pinned() + "|" + last.lastActivityAt() + "|" + last.id());
        return new Page<>(items, next);
    }

    @PatchMapping("/sessions/{id}")
    ChatSession update(AuthenticatedUser user, @PathVariable UUID id, @Valid @RequestBody UpdateSession request) {
        Caller caller = access.caller(user);
        String title = request.title() == null ? null : request.title().strip();
        if (title != null && title.isEmpty()) {
            // 1–120 characters once stripped: a validation problem naming the field, as @Size's would.
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST,
                    "validation",
                    "Bad Request",
                    "The request has invalid fields; see errors.",
                    Map.of("errors", List.of(new FieldError("title", "must not be blank"))));
        }
        if (!sessions.update(id, user.userId(), caller.adult(), title, request.pinned(), request.archived())) {
            throw ApiProblem.notFound("session");
        }
        return sessions.findOwned(id, user.userId(), caller.adult()).orElseThrow(() -> ApiProblem.notFound("session"));
    }

    @GetMapping("/sessions/{id}")
    ChatSession get(AuthenticatedUser user, @PathVariable UUID id) {
        Caller caller = access.caller(user);
        return sessions.findOwned(id, user.userId(), caller.adult()).orElseThrow(() -> ApiProblem.notFound("session"));
    }

    @GetMapping("/sessions/{id}/history")
    Page<ChatMessage> history(
            AuthenticatedUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(required = false) UUID before,
            @RequestParam(required = false) UUID cursor) {
        Caller caller = access.caller(user);
        SessionRepository.Owned session =
                sessions.owned(id, user.userId(), caller.adult()).orElseThrow(() -> ApiProblem.notFound("session"));
        // The page's next_cursor, as "before" or as "cursor" like every other list; both at once must agree.
        if (before != null && cursor != null && !before.equals(cursor)) {
            throw ApiProblem.badRequest("invalid-cursor", "before and cursor name different messages.");
        }
        if (before == null) {
            before = cursor;
        }
        // History is the active path only: a cursor is a message on it (never a deleted one, or one of a branch left).
        UUID start = before == null
                ? session.activeLeaf()
                : messages.find(id, before)
                        .filter(message -> messages.onPathToLeaf(id, session.activeLeaf(), message.id()))
                        .orElseThrow(() -> ApiProblem.badRequest("invalid-cursor", "The cursor is not valid."))
                        .parentId();
        List<ChatMessage> items = messages.pathUpFrom(id, start, limit);
        String next = items.size() < limit || items.getLast().parentId() == null
                ? null
                : items.getLast().id().toString();
        return new Page<>(items, next);
    }

    @DeleteMapping("/sessions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(AuthenticatedUser user, @PathVariable UUID id) {
        access.caller(user);
        if (!sessions.deleteOwned(id, user.userId())) {
            throw ApiProblem.notFound("session");
        }
        // A reply still in flight went with the session: a send, a stream or a socket waiting for it hears so now.
        events.publishEvent(new SessionDeleted(id));
    }

    private static String encode(String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("invalid-cursor", "The cursor is not valid.");
        }
    }
}
