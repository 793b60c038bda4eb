-- Messages the input guard refused, kept for trust-and-safety review (restricted access).
create table blocked_message (
    id           uuid primary key,
    user_id      uuid        not null,
    session_id   uuid        not null,
    character_id uuid        not null,
    policy       text        not null,
    categories   text[]      not null,
    reasons      text[]      not null,
    content      text        not null,
    created_at   timestamptz not null default now()
);
create index blocked_message_by_time on blocked_message (created_at);
