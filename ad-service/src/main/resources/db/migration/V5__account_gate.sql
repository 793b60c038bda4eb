-- What the account gate refuses, from auth-service's topics: accounts disabled or banned
-- (auth.user-updated; deleted ones are in erased_user), and device sessions ended early
-- (auth.session-revoked), whose still-valid access tokens are refused at once. A revoked session
-- matters only while such tokens may live, so rows older than a day are deleted as new ones arrive.
create table disabled_user (
    user_id uuid primary key,
    since   timestamptz not null default now()
);

create table revoked_session (
    session_id uuid primary key,
    revoked_at timestamptz not null
);
create index revoked_session_revoked_at on revoked_session (revoked_at);
