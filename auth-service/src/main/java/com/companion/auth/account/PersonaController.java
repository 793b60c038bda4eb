package com.companion.auth.account;

import com.companion.auth.account.internal.PlainText;
import com.companion.auth.account.internal.UserEvents;
import com.companion.auth.account.internal.UserRow;
import com.companion.auth.account.internal.UserStore;
import com.companion.contracts.auth.UserPersona;
import com.companion.platform.web.problem.ApiProblem;
import com.companion.platform.web.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The user's persona: who they play in their chats. {@code {{user}}} in character text and prompts becomes its
 * name (else the username), and the description tells characters about them. Every change is published with
 * the user's snapshot ({@code auth.user-updated}, {@code changed: ["persona"]}) for chat-service's prompts.
 */
@RestController
class PersonaController {

    /** What a persona is: a name (one line) and a few sentences (line feeds allowed), each plain text. */
    record PersonaRequest(
            @NotNull @PlainText(max = 60) String name,

            @NotNull @PlainText(max = 1000, blankAllowed = true, lineFeeds = true, rule = "must be plain text")
            String description) {}

    private final UserStore users;
    private final UserEvents events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final PersonaScreening screening;

    PersonaController(
            UserStore users,
            UserEvents events,
            TransactionTemplate transaction,
            Clock clock,
            PersonaScreening screening) {
        this.screening = screening;
        this.users = users;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Operation(summary = "The caller's persona; 204 when none is set")
    @GetMapping("/auth/me/persona")
    ResponseEntity<UserPersona> persona(AuthenticatedUser user) {
        UserRow row = users.find(user.userId()).orElseThrow(() -> ApiProblem.notFound("account"));
        return row.persona() == null ? ResponseEntity.noContent().build() : ResponseEntity.ok(row.persona());
    }

    @Operation(
            summary = "Set the caller's persona",
            description = "name (1-60 characters) stands for {{user}} in prompts; description (up to 1000) tells"
                    + " characters who the user is. Characters treat both as facts, never as instructions. Screened"
                    + " like a character's text: 422 content-blocked naming the policy and the field.")
    @PutMapping("/auth/me/persona")
    UserPersona set(AuthenticatedUser user, @Valid @RequestBody PersonaRequest request) {
        UserPersona persona =
                new UserPersona(request.name().strip(), request.description().strip());
        UserRow row = users.find(user.userId()).orElseThrow(() -> ApiProblem.notFound("account"));
        screening.requireAcceptable(persona, row.isAdult());
        save(user, persona);
        return persona;
    }

    @Operation(summary = "Remove the caller's persona")
    @DeleteMapping("/auth/me/persona")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void clear(AuthenticatedUser user) {
        save(user, null);
    }

    private void save(AuthenticatedUser user, UserPersona persona) {
        transaction.executeWithoutResult(status -> {
            UserRow saved = users.updatePersona(user.userId(), persona, clock.instant())
                    .orElseThrow(() -> ApiProblem.notFound("account"));
            events.updated(saved, List.of(UserEvents.PERSONA));
        });
    }
}
