package com.companion.chat.moderation;

import com.companion.chat.access.AccessPolicy;
import com.companion.chat.access.Caller;
import com.companion.chat.access.CharacterView;
import com.companion.chat.access.ReadModels;
import com.companion.chat.session.Cursor;
import com.companion.chat.session.Page;
import com.companion.chat.session.SessionRepository;
import com.companion.contracts.EventJson;
import com.companion.contracts.moderation.ModerationAction;
import com.companion.contracts.moderation.ModerationActionRequested;
import com.companion.platform.messaging.outbox.Outbox;
import com.companion.platform.web.problem.ApiProblem;
import com.companion.platform.web.problem.FieldError;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Reports of characters, messages and users, and what administrators decide on them.
 *
 * <p>A report keeps a snapshot of what was reported and its context when it was filed (the character sheet; the
 * message and the ones before it on its path; the user and their recent refusals), so an edit or a deletion does not
 * take the evidence away. One report is open per reporter and target; a reporter sees only their own report, never
 * who else reported. A takedown or a ban is carried out by the target's owner (character-service, auth-service) from
 * {@code moderation.actions.v1}, published in the transaction that resolves the report; the other open reports on the
 * same target are resolved with it.
 */
@Component
public class Reports {

    private static final Logger log = LoggerFactory.getLogger(Reports.class);

    /** What a user may give as a report's reason. */
    static final List<String> REASONS = List.of(
            "minors",
            "sexual-content",
            "non-consent",
            "self-harm",
            "violence",
            "hate",
            "harassment",
            "spam",
            "impersonation",
            "illegal",
            "inappropriate",
            "other");

    /** The reason of a report the platform raises on a user whose messages the guard kept refusing. */
    static final String REPEATED_REFUSALS = "repeated-refusals";

    static final Set<String> TARGET_TYPES = Set.of("character", "message", "user");

    /** The statuses administrators list reports by, in the order the answer to a wrong one names them. */
    static final List<String> STATUSES = List.of("open", "dismissed", "actioned", "resolved", "all");

    /** What an administrator may decide on a report, in the order the answer to a wrong one names them. */
    static final List<String> ACTIONS = List.of("dismiss", "takedown", "ban");

    /** Messages of a reported message's path shown before it. */
    static final int CONTEXT_MESSAGES = 5;

    /** Refusals shown with a report the platform raised. */
    static final int CONTEXT_REFUSALS = 10;

    static final int MAX_DETAILS = 2000;

    /** A reason in the reporter's own words may be this long (a listed one is a word or two). */
    static final int MAX_REASON = 200;

    /** Reports with the number of open reports on the same target, as administrators see them. */
    private static final String WITH_OPEN_ON_TARGET = """
            select r.*, (select count(*) from report o
                         where o.target_id = r.target_id and o.target_type = r.target_type and o.status = 'open')
                   as open_on_target
            from report r
            """;

    /** What the reporter gets back: their own report, nothing about anyone else's. */
    public record Report(
            UUID id,
            String targetType,
            UUID targetId,
            String reason,
            @Nullable String details,
            String status,
            Instant createdAt) {}

    record Resolution(String action, UUID adminId, @Nullable String note, Instant resolvedAt) {}

    /** What an administrator sees. {@code reporterId} is null for a report the platform raised. */
    record AdminReport(
            UUID id,
            @Nullable UUID reporterId,
            String targetType,
            UUID targetId,
            @Nullable UUID subjectUserId,
            String reason,
            @Nullable String details,
            String status,
            JsonNode context,
            int openReportsOnTarget,
            Instant createdAt,
            @Nullable Resolution resolution) {}

    private record Target(@Nullable UUID subjectUserId, Map<String, Object> context) {}

    private final JdbcClient jdbc;
    private final AccessPolicy access;
    private final ReadModels readModels;
    private final ModerationAudit audit;
    private final Outbox outbox;
    private final ModerationProperties properties;

    Reports(
            JdbcClient jdbc,
            AccessPolicy access,
            ReadModels readModels,
            ModerationAudit audit,
            Outbox outbox,
            ModerationProperties properties) {
        this.jdbc = jdbc;
        this.access = access;
        this.readModels = readModels;
        this.audit = audit;
        this.outbox = outbox;
        this.properties = properties;
    }

    /**
     * Files a report. 404 when the caller cannot see the target (a character that is not theirs, public or shared with
     * them; a message outside their sessions; an unknown user), 409 {@code already-reported} while their report on it
     * is open, 429 past {@code CHAT_REPORTS_PER_HOUR}.
     */
    @Transactional
    public Report file(Caller caller, String targetType, UUID targetId, String reason, @Nullable String details) {
        String type = targetType.strip().toLowerCase(Locale.ROOT);
        String why = reasonCode(reason);
        String note = details == null || details.isBlank() ? null : details.strip();
        if (why == null) {
            // Words of the reporter's own, not one of the listed reasons: filed as "other" with the words kept first in
            // the details, where the moderator reads them.
            why = "other";
            note = note == null ? reason.strip() : reason.strip() + "\n\n" + note;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        long lastHour = jdbc.sql("select count(*) from report where reporter_id = :reporter and created_at > :since")
                .param("reporter", caller.userId())
                .param("since", OffsetDateTime.ofInstant(now.minus(Duration.ofHours(1)), ZoneOffset.UTC))
                .query(Long.class)
                .single();
        if (lastHour >= properties.reportsPerHour()) {
            throw ApiProblem.tooManyRequests(
                    "At most " + properties.reportsPerHour() + " reports can be filed in an hour.", 3600);
        }
        Target target = switch (type) {
            case "character" -> character(caller, targetId);
            case "message" -> message(caller, targetId);
            case "user" -> user(caller, targetId);
            default -> throw new IllegalStateException(type);
        };
        UUID id = UUID.randomUUID();
        if (!insert(id, caller.userId(), type, targetId, target, why, note, now)) {
            throw ApiProblem.conflict(
                    "already-reported", "You have already reported this " + type + "; it is being reviewed.");
        }
        log.info("report {} filed on {} {} for {}", id, type, targetId, why);
        return new Report(id, type, targetId, why, note, "open", now);
    }

    /** The caller's own report as it stands now, in the shape {@link #file} answered; empty for anyone else's. */
    public Optional<Report> filedBy(Caller caller, UUID reportId) {
        return jdbc.sql("""
                        select id, target_type, target_id, reason, details, status, created_at
                        from report where id = :id and reporter_id = :reporter
                        """)
                .param("id", reportId)
                .param("reporter", caller.userId())
                .query((rs, n) -> new Report(
                        rs.getObject("id", UUID.class),
                        rs.getString("target_type"),
                        rs.getObject("target_id", UUID.class),
                        rs.getString("reason"),
                        rs.getString("details"),
                        rs.getString("status"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    /**
     * Called where the input guard's refusal of one of the user's messages is kept: once {@code
     * CHAT_AUTO_REPORT_REFUSALS} refusals fall within {@code CHAT_AUTO_REPORT_WINDOW}, the platform reports the user
     * (one open report at a time), with the refusals as context, and records it in the audit.
     */
    @Transactional
    public void refused(UUID userId) {
        if (properties.autoReportRefusals() == 0) {
            return;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Map<String, Object>> refusals = jdbc.sql("""
                        select id, session_id, character_id, policy, categories, content, created_at
                        from blocked_message where user_id = :user and created_at > :since
                        order by created_at desc, id desc limit :limit
                        """)
                .param("user", userId)
                .param("since", OffsetDateTime.ofInstant(now.minus(properties.autoReportWindow()), ZoneOffset.UTC))
                .param("limit", Math.max(properties.autoReportRefusals(), CONTEXT_REFUSALS))
                .query((rs, n) -> refusal(rs))
                .list();
        if (refusals.size() < properties.autoReportRefusals()) {
            return;
        }
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("user", userContext(userId));
        context.put("window", properties.autoReportWindow().toString());
        context.put("refusals", refusals.subList(0, Math.min(refusals.size(), CONTEXT_REFUSALS)));
        UUID id = UUID.randomUUID();
        if (insert(id, null, "user", userId, new Target(userId, context), REPEATED_REFUSALS, null, now)) {
            audit.record("report.filed", "user", userId, null, REPEATED_REFUSALS, now);
            log.info("report {} raised on user {}: {} refusals", id, userId, refusals.size());
        }
    }

    /** Reports in a status ({@code open}, {@code dismissed}, {@code actioned}, {@code resolved}: both, {@code all}). */
    Page<AdminReport> list(String status, int limit, @Nullable String cursor) {
        String wanted = oneOf("status", status, STATUSES);
        Cursor after = Cursor.parse(cursor);
        List<AdminReport> items = jdbc.sql(WITH_OPEN_ON_TARGET + """
                        where (:status = 'all' or r.status = :status
                               or (:status = 'resolved' and r.status <> 'open'))
                          and (cast(:beforeAt as timestamptz) is null or (r.created_at, r.id) < (:beforeAt, :beforeId))
                        order by r.created_at desc, r.id desc limit :limit
                        """)
                .param("status", wanted)
                .param("beforeAt", after == null ? null : after.atUtc())
                .param("beforeId", after == null ? null : after.id())
                .param("limit", limit)
                .query((rs, n) -> adminReport(rs))
                .list();
        String next = items.size() < limit
                ? null
                : new Cursor(items.getLast().createdAt(), items.getLast().id()).encode();
        return new Page<>(items, next);
    }

    /**
     * Resolves an open report: {@code dismiss} closes it; {@code takedown} takes down the reported character (or the
     * character of a reported message); {@code ban} bans the reported user (a character's owner, a message's author).
     * The other open reports on the same target are resolved with it. 404 for an unknown report, 409 {@code
     * report-resolved} for one already resolved, 400 {@code action-not-applicable} for a takedown of a user.
     */
    @Transactional
    AdminReport resolve(UUID adminId, UUID reportId, String action, @Nullable String note) {
        String decided = oneOf("action", action, ACTIONS);
        AdminReport report = jdbc.sql("""
                        select r.*, 0 as open_on_target from report r where id = :id for update
                        """)
                .param("id", reportId)
                .query((rs, n) -> adminReport(rs))
                .optional()
                .orElseThrow(() -> ApiProblem.notFound("report"));
        if (!report.status().equals("open")) {
            throw ApiProblem.conflict("report-resolved", "This report was already resolved.");
        }
        String why = note == null || note.isBlank() ? null : note.strip();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        switch (decided) {
            case "dismiss" -> {
                close(reportId, "dismissed", decided, adminId, why, now);
                audit.record("report.dismissed", "report", reportId, adminId, why, now);
            }
            case "takedown", "ban" -> {
                ModerationAction carried = decided.equals("ban") ? ModerationAction.BAN : ModerationAction.TAKEDOWN;
                UUID target = carried == ModerationAction.BAN ? bannedUser(report) : takenDownCharacter(report);
                String reason = why != null ? why : "reported for " + report.reason();
                jdbc.sql("""
                                update report set status = 'actioned', resolved_at = :at, resolved_by = :admin,
                                    resolution = :action, resolution_note = :note
                                where status = 'open' and target_type = :type and target_id = :target
                                """)
                        .param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                        .param("admin", adminId)
                        .param("action", decided)
                        .param("note", why)
                        .param("type", report.targetType())
                        .param("target", report.targetId())
                        .update();
                outbox.publish(new ModerationActionRequested(
                        UUID.randomUUID(), carried, target, adminId, reason, reportId, now));
                audit.record("report.resolved", "report", reportId, adminId, decided + ": " + reason, now);
            }
            default -> throw new IllegalStateException(decided);
        }
        return jdbc.sql(WITH_OPEN_ON_TARGET + " where id = :id")
                .param("id", reportId)
                .query((rs, n) -> adminReport(rs))
                .single();
    }

    /**
     * The value (case and surrounding spaces aside) if it is one of {@code allowed}, else a 400 {@code validation}
     * problem whose {@code errors} name the field and list what it may be.
     */
    static String oneOf(String field, String value, List<String> allowed) {
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        if (!allowed.contains(wanted)) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST,
                    "validation",
                    "Bad Request",
                    "The request has invalid fields; see errors.",
                    Map.of("errors", List.of(new FieldError(field, "must be one of " + String.join(", ", allowed)))));
        }
        return wanted;
    }

    private UUID takenDownCharacter(AdminReport report) {
        return switch (report.targetType()) {
            case "character" -> report.targetId();
            case "message" -> {
                JsonNode character = report.context().path("character_id");
                if (character.isMissingNode() || character.isNull()) {
                    throw notApplicable("takedown", "this message has no character");
                }
                yield UUID.fromString(character.asString());
            }
            default -> throw notApplicable("takedown", "a user is banned, not taken down");
        };
    }

    private static UUID bannedUser(AdminReport report) {
        if (report.subjectUserId() == null) {
            throw notApplicable("ban", "the reported content has no known author");
        }
        return report.subjectUserId();
    }

    private static ApiProblem notApplicable(String action, String why) {
        return new ApiProblem(
                HttpStatus.BAD_REQUEST,
                "action-not-applicable",
                "Bad Request",
                "This report cannot be resolved with " + action + ": " + why + ".");
    }

    private void close(UUID reportId, String status, String action, UUID adminId, @Nullable String note, Instant at) {
        jdbc.sql("""
                        update report set status = :status, resolved_at = :at, resolved_by = :admin,
                            resolution = :action, resolution_note = :note
                        where id = :id
                        """)
                .param("status", status)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("admin", adminId)
                .param("action", action)
                .param("note", note)
                .param("id", reportId)
                .update();
    }

    private boolean insert(
            UUID id,
            @Nullable UUID reporterId,
            String type,
            UUID targetId,
            Target target,
            String reason,
            @Nullable String details,
            Instant at) {
        return jdbc.sql("""
                        insert into report (id, reporter_id, target_type, target_id, subject_user_id, reason, details,
                                            context, status, created_at)
                        values (:id, :reporter, :type, :target, :subject, :reason, :details, cast(:context as jsonb),
                                'open', :at)
                        on conflict do nothing
                        """)
                        .param("id", id)
                        .param("reporter", reporterId)
                        .param("type", type)
                        .param("target", targetId)
                        .param("subject", target.subjectUserId())
                        .param("reason", reason)
                        .param("details", details)
                        .param("context", EventJson.mapper().writeValueAsString(target.context()))
                        .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                        .update()
                == 1;
    }

    private Target character(Caller caller, UUID characterId) {
        CharacterView character =
                access.visibleSoon(caller, characterId).orElseThrow(() -> ApiProblem.notFound("character"));
        return new Target(character.ownerId(), Map.of("character", sheet(character)));
    }

    private Target message(Caller caller, UUID messageId) {
        Map<String, Object> found = jdbc.sql("""
                        select m.id, m.session_id, m.role, m.content, m.created_at, s.user_id, s.character_id
                        from chat_message m join chat_session s on s.id = m.session_id
                        where m.id = :id and s.user_id = :user
                        """ + SessionRepository.VISIBLE_TO_CALLER)
                .param("id", messageId)
                .param("user", caller.userId())
                .param("adult", caller.adult())
                .query((rs, n) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("session_id", rs.getObject("session_id", UUID.class));
                    row.put("character_id", rs.getObject("character_id", UUID.class));
                    row.put("role", rs.getString("role"));
                    return row;
                })
                .optional()
                .orElseThrow(() -> ApiProblem.notFound("message"));
        UUID characterId = (UUID) found.get("character_id");
        CharacterView character = readModels.character(characterId).orElse(null);
        List<Map<String, Object>> path = jdbc.sql("""
                        with recursive path as (
                            select id, parent_id, role, content, created_at, 0 as n from chat_message where id = :id
                            union all
                            select m.id, m.parent_id, m.role, m.content, m.created_at, p.n + 1
                            from chat_message m join path p on m.id = p.parent_id
                            where p.n < :limit
                        )
                        select id, role, content, created_at from path order by n desc
                        """)
                .param("id", messageId)
                .param("limit", CONTEXT_MESSAGES)
                .query((rs, n) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", rs.getObject("id", UUID.class));
                    m.put("role", rs.getString("role"));
                    m.put("content", rs.getString("content"));
                    m.put(
                            "created_at",
                            rs.getObject("created_at", OffsetDateTime.class).toInstant());
                    return m;
                })
                .list();
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("session_id", found.get("session_id"));
        context.put("character_id", characterId);
        context.put("message", path.getLast());
        context.put("before", path.subList(0, path.size() - 1));
        if (character != null) {
            context.put("character", sheet(character));
        }
        // A reply is the character's (its owner answers for it); a user message is its author's.
        UUID subject = "assistant".equals(found.get("role"))
                ? (character == null ? null : character.ownerId())
                : caller.userId();
        return new Target(subject, context);
    }

    private Target user(Caller caller, UUID userId) {
        if (userId.equals(caller.userId())) {
            throw ApiProblem.badRequest("invalid-target", "You cannot report yourself.");
        }
        // A deleted account is erased everywhere and is nobody to report any more: 404, as for an unknown user. A
        // disabled or banned one is still someone (a ban can be lifted) and may be reported; the context tells the
        // moderator it is not active.
        // A user who signed up a moment ago may not be in the read model yet: waited for, as a new character is.
        boolean exists = access.soon(() -> jdbc.sql("select not deleted from user_view where user_id = :id")
                        .param("id", userId)
                        .query(Boolean.class)
                        .optional())
                .orElse(false);
        if (!exists) {
            throw ApiProblem.notFound("user");
        }
        return new Target(userId, Map.of("user", userContext(userId)));
    }

    private Map<String, Object> userContext(UUID userId) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", userId);
        readModels.user(userId).ifPresent(view -> {
            user.put("username", view.username());
            user.put("active", view.active());
        });
        return user;
    }

    private static Map<String, Object> sheet(CharacterView character) {
        Map<String, Object> sheet = new LinkedHashMap<>();
        sheet.put("id", character.characterId());
        sheet.put("owner_id", character.ownerId());
        sheet.put("name", character.name());
        sheet.put("description", character.description());
        sheet.put("character_type", character.characterType());
        sheet.put("nsfw_enabled", character.nsfwEnabled());
        sheet.put("visibility", character.visibility());
        if (character.card() != null) {
            sheet.put("card", character.card());
        }
        return sheet;
    }

    /** The listed reason the text names (case, spaces and underscores aside), or null for words of the reporter's own. */
    private static @Nullable String reasonCode(String reason) {
        String code = reason.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        return REASONS.contains(code) ? code : null;
    }

    private static Map<String, Object> refusal(ResultSet rs) throws SQLException {
        Map<String, Object> refusal = new LinkedHashMap<>();
        refusal.put("id", rs.getObject("id", UUID.class));
        refusal.put("session_id", rs.getObject("session_id", UUID.class));
        refusal.put("character_id", rs.getObject("character_id", UUID.class));
        refusal.put("policy", rs.getString("policy"));
        refusal.put("categories", List.of((String[]) rs.getArray("categories").getArray()));
        refusal.put("content", rs.getString("content"));
        refusal.put(
                "created_at", rs.getObject("created_at", OffsetDateTime.class).toInstant());
        return refusal;
    }

    private static AdminReport adminReport(ResultSet rs) throws SQLException {
        String resolution = rs.getString("resolution");
        OffsetDateTime resolvedAt = rs.getObject("resolved_at", OffsetDateTime.class);
        return new AdminReport(
                rs.getObject("id", UUID.class),
                rs.getObject("reporter_id", UUID.class),
                rs.getString("target_type"),
                rs.getObject("target_id", UUID.class),
                rs.getObject("subject_user_id", UUID.class),
                rs.getString("reason"),
                rs.getString("details"),
                rs.getString("status"),
                EventJson.mapper().readTree(rs.getString("context")),
                rs.getInt("open_on_target"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                resolution == null
                        ? null
                        : new Resolution(
                                resolution,
                                rs.getObject("resolved_by", UUID.class),
                                rs.getString("resolution_note"),
                                resolvedAt.toInstant()));
    }
}
