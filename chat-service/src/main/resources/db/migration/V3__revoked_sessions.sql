-- Device sessions auth-service ended early (auth.session-revoked): sockets authenticated with an
-- access token of one of them are closed. A row is useful only while such tokens may live, so the
-- sweep deletes rows older than a day.
create table revoked_session (
    session_id uuid primary key,
    user_id uuid not null,
    revoked_at timestamptz not null
);
create index revoked_session_revoked_at on revoked_session (revoked_at);
