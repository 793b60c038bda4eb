-- Data exports (POST /auth/me/export): one row per job, and the parts the other services reported
-- (export.parts.v1). The zip and the parts live in the bucket under exports/.
create table data_export (
    id           uuid        primary key,
    user_id      uuid        not null references users (id) on delete cascade,
    status       text        not null check (status in ('pending', 'ready', 'failed')),
    requested_at timestamptz not null,
    -- a job still pending then fails, naming the services that did not answer
    deadline     timestamptz not null,
    completed_at timestamptz,
    object_key   text,
    missing      text
);

create index data_export_by_user on data_export (user_id, requested_at desc);
create index data_export_pending on data_export (deadline) where status = 'pending';

create table data_export_part (
    export_id   uuid        not null references data_export (id) on delete cascade,
    service     text        not null,
    object_key  text        not null,
    received_at timestamptz not null,
    primary key (export_id, service)
);
