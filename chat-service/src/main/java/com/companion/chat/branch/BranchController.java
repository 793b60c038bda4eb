package com.companion.chat.branch;

import com.companion.chat.session.ChatMessage;
import com.companion.platform.web.security.AuthenticatedUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Swiping between alternatives and deleting from a message. Editing is a send ({@code SendController}). */
@RestController
class BranchController {

    record Select(@NotNull @Min(0) Integer alternativeIndex) {}

    private final Branches branches;

    BranchController(Branches branches) {
        this.branches = branches;
    }

    @PostMapping("/sessions/{id}/messages/{messageId}/select")
    ChatMessage select(
            AuthenticatedUser user,
            @PathVariable UUID id,
            @PathVariable UUID messageId,
            @Valid @RequestBody Select request) {
        return branches.select(user, id, messageId, request.alternativeIndex());
    }

    @DeleteMapping("/sessions/{id}/messages/{messageId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(AuthenticatedUser user, @PathVariable UUID id, @PathVariable UUID messageId) {
        branches.delete(user, id, messageId);
    }
}
