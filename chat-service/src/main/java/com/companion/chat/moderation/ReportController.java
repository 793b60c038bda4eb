package com.companion.chat.moderation;

import com.companion.chat.access.AccessPolicy;
import com.companion.platform.web.problem.ApiProblem;
import com.companion.platform.web.security.AuthenticatedUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /reports}: a user reports a character, a message or a user to the moderators; {@code GET
 * /reports/{id}}: the reporter reads their report back.
 */
@RestController
@Validated
class ReportController {

    record ReportRequest(
            @NotBlank @Pattern(regexp = "(?i)character|message|user", message = "must be character, message or user")
            String targetType,

            @NotNull UUID targetId,
            @NotBlank @Size(max = Reports.MAX_REASON) String reason,
            @Size(max = Reports.MAX_DETAILS) String details) {}

    private final Reports reports;
    private final AccessPolicy access;

    ReportController(Reports reports, AccessPolicy access) {
        this.reports = reports;
        this.access = access;
    }

    /** Report a character, a message or a user. reason is one of minors, sexual-content, non-consent, self-harm,
     * violence, hate, harassment, spam, impersonation, illegal, inappropriate, other (case, spaces and underscores
     * aside); a reason in the reporter's own words (at most 200 characters) is filed as other, its words first in the
     * details; details (at most 2,000 characters) is free text. The target must be one the caller can see: a character that is theirs, public or
     * shared with them, a message of one of their sessions, any user but themselves whose account was not deleted (404
     * otherwise). 201 with the report and its Location, {@code /reports/{id}}; 409 already-reported while the caller's report on the target is open; 429 past CHAT_REPORTS_PER_HOUR
     * (10). The answer never tells who else reported.
     */
    @PostMapping("/reports")
    ResponseEntity<Reports.Report> file(AuthenticatedUser user, @Valid @RequestBody ReportRequest request) {
        Reports.Report report = reports.file(
                access.caller(user), request.targetType(), request.targetId(), request.reason(), request.details());
        return ResponseEntity.created(URI.create("/reports/" + report.id())).body(report);
    }

    /** One of the caller's own reports, as filed, with its status now (open, dismissed or actioned); 404 for a report
     * someone else filed, so whether it exists is not told.
     */
    @GetMapping("/reports/{id}")
    Reports.Report get(AuthenticatedUser user, @PathVariable UUID id) {
        return reports.filedBy(access.caller(user), id).orElseThrow(() -> ApiProblem.notFound("report"));
    }
}
