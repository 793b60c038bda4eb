-- Device sessions auth-service ended early (auth.session-revoked: a sign-out, a device revoked, a
-- password changed or reset): an access token of one of them is refused at once, though it is still
-- valid by its signature. A row matters only while such tokens may live, so rows older than a day are
-- deleted as new ones arrive.
create table revoked_session (
    session_id uuid primary key,
    revoked_at timestamptz not null
);
create index revoked_session_revoked_at on revoked_session (revoked_at);
