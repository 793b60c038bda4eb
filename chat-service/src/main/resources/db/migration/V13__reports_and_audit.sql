-- Reports of characters, messages and users, by users or raised by the platform (reporter_id null), with a
-- snapshot of what was reported and its context at the time (the evidence outlives an edit or a deletion).
create table report (
    id              uuid primary key,
    reporter_id     uuid,
    target_type     text        not null check (target_type in ('character', 'message', 'user')),
    target_id       uuid        not null,
    subject_user_id uuid,
    reason          text        not null,
    details         text,
    context         jsonb       not null,
    status          text        not null default 'open' check (status in ('open', 'dismissed', 'actioned')),
    created_at      timestamptz not null default now(),
    resolved_at     timestamptz,
    resolved_by     uuid,
    resolution      text check (resolution in ('dismiss', 'takedown', 'ban')),
    resolution_note text
);
-- One open report per reporter and target; the platform counts as one reporter.
create unique index report_one_open
    on report (coalesce(reporter_id, '00000000-0000-0000-0000-000000000000'::uuid), target_type, target_id)
    where status = 'open';
create index report_by_status on report (status, created_at desc, id desc);
create index report_by_reporter on report (reporter_id, created_at) where reporter_id is not null;
create index report_open_by_target on report (target_id) where status = 'open';

-- Refusals of one user within a window raise a report.
create index blocked_message_by_user on blocked_message (user_id, created_at);

-- Every administrative action of the platform (this service's and those published on moderation.audit.v1).
create table moderation_audit (
    action_id   uuid primary key,
    service     text        not null,
    action      text        not null,
    target_type text        not null,
    target_id   uuid        not null,
    admin_id    uuid,
    reason      text,
    occurred_at timestamptz not null
);
create index moderation_audit_by_time on moderation_audit (occurred_at desc, action_id desc);
create index moderation_audit_by_target on moderation_audit (target_id, occurred_at desc);
