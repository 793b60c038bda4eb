package com.companion.chat.moderation;

import com.companion.chat.session.Page;
import com.companion.platform.web.problem.ApiProblem;
import com.companion.platform.web.security.AuthenticatedUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The administrators' side of reports and the moderation audit. To anyone else these endpoints do not exist (404),
 * as every admin endpoint.
 */
@RestController
@Validated
class ModerationController {

    record ResolveRequest(
            @NotBlank @Size(max = 20) String action,
            @Size(max = 2000) @Nullable String note) {}

    private final Reports reports;
    private final ModerationAudit audit;

    ModerationController(Reports reports, ModerationAudit audit) {
        this.reports = reports;
        this.audit = audit;
    }

    /** Reports by status (admin only). status: open (default), dismissed, actioned, resolved (both) or all. Newest
     * first, each with its reporter (null when the platform raised it), the snapshot of what was reported and its
     * context taken when it was filed, the open reports on the same target, and its resolution.
     */
    @GetMapping("/admin/reports")
    Page<Reports.AdminReport> list(
            AuthenticatedUser user,
            @RequestParam(defaultValue = "open") String status,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(required = false) String cursor) {
        requireAdmin(user);
        return reports.list(status, limit, cursor);
    }

    /** Resolve a report (admin only). action: dismiss, takedown (the reported character, or a reported message's
     * character) or ban (the reported user, a character's owner, a message's author); note is the reason kept in
     * the audit and shown to a character's owner. Other open reports on the same target are resolved with a
     * takedown or a ban. 409 report-resolved when already resolved.
     */
    @PostMapping("/admin/reports/{id}/resolve")
    Reports.AdminReport resolve(
            AuthenticatedUser user, @PathVariable UUID id, @Valid @RequestBody ResolveRequest request) {
        requireAdmin(user);
        return reports.resolve(user.userId(), id, request.action(), request.note());
    }

    /** The moderation audit (admin only). Every administrative action of the platform, newest first: bans, unbans,
     * age and plan changes (auth-service), takedowns and restores (character-service), reports raised by the
     * platform, dismissed and resolved (chat-service); optionally about one target_id.
     */
    @GetMapping("/admin/audit")
    Page<ModerationAudit.Entry> audit(
            AuthenticatedUser user,
            @RequestParam(name = "target_id", required = false) UUID targetId,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(required = false) String cursor) {
        requireAdmin(user);
        return audit.list(targetId, limit, cursor);
    }

    private static void requireAdmin(AuthenticatedUser user) {
        if (!user.hasRole("admin")) {
            throw ApiProblem.notFound("resource");
        }
    }
}
