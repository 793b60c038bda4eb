package com.companion.chat.session;

import com.companion.chat.access.AccessPolicy;
import com.companion.chat.access.Caller;
import com.companion.chat.access.CharacterView;
import com.companion.platform.web.problem.ApiProblem;
import com.companion.platform.web.security.AuthenticatedUser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /sessions/{id}/export}: the conversation as a download. JSON carries the session, the
 * active path (oldest first) and the whole live tree; text is the active path as a transcript.
 */
@RestController
class ExportController {

    record Export(ChatSession session, List<ChatMessage> activePath, List<ChatMessage> messages) {}

    private static final int WHOLE_PATH = 1_000_000;

    private final SessionRepository sessions;
    private final MessageRepository messages;
    private final AccessPolicy access;

    ExportController(SessionRepository sessions, MessageRepository messages, AccessPolicy access) {
        this.sessions = sessions;
        this.messages = messages;
        this.access = access;
    }

    @GetMapping("/sessions/{id}/export")
    ResponseEntity<?> export(
            AuthenticatedUser user, @PathVariable UUID id, @RequestParam(defaultValue = "json") String format) {
        Caller caller = access.caller(user);
        if (!format.equals("json") && !format.equals("txt")) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST,
                    "invalid-format",
                    "Bad Request",
                    "format is json or txt.",
                    Map.of("errors", List.of(Map.of("field", "format", "message", "must be json or txt"))));
        }
        ChatSession session =
                sessions.findOwned(id, user.userId(), caller.adult()).orElseThrow(() -> ApiProblem.notFound("session"));
        List<ChatMessage> path = messages.pathUpFrom(id, sessions.activeLeaf(id).orElse(null), WHOLE_PATH)
                .reversed();
        ContentDisposition attachment = ContentDisposition.attachment()
                .filename("conversation-" + id + "." + format)
                .build();
        if (format.equals("json")) {
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, attachment.toString())
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(new Export(session, path, messages.tree(id)));
        }
        // The character's name as it is now, only while the caller may still see the character (a revoked grant or a
        // character made private leaves its new name unknown to them).
        String character = access.visible(caller, session.characterId())
                .map(CharacterView::name)
                .orElse("Character");
        StringBuilder text = new StringBuilder(session.title()).append("\n\n");
        for (ChatMessage message : path) {
            text.append("user".equals(message.role()) ? "You" : character)
                    .append(" (")
                    .append(message.createdAt())
                    .append("):\n")
                    .append(message.content())
                    .append("\n\n");
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment.toString())
                .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .body(text.toString());
    }
}
