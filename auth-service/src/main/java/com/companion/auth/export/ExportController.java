package com.companion.auth.export;

import com.companion.platform.web.NoBody;
import com.companion.platform.web.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ExportController {

    private final Exports exports;

    ExportController(Exports exports) {
        this.exports = exports;
    }

    @Operation(
            summary = "Ask for a copy of everything the platform holds on the caller",
            description = "Answers 202 {id} at once; every service writes its part (profile, characters and cards,"
                    + " sessions and messages, media objects, ad history) and auth-service zips them. The caller"
                    + " gets a mail when the zip is ready. While a job is pending, asking again answers that job.")
    @PostMapping("/auth/me/export")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, UUID> start(AuthenticatedUser user, @RequestBody(required = false) @Nullable NoBody none) {
        return Map.of("id", exports.start(user.userId()));
    }

    @Operation(
            summary = "How a data export stands",
            description = "{id, status: pending|ready|failed, requested_at, completed_at, url (ready: a presigned"
                    + " download of the zip, valid 15 minutes; ask again for a fresh one), url_expires_at, missing"
                    + " (failed: the services that did not answer in time)}. 404 for another user's export.")
    @GetMapping("/auth/me/export/{id}")
    ExportStatus status(AuthenticatedUser user, @PathVariable UUID id) {
        return exports.status(user.userId(), id);
    }
}
