-- Accounts auth-service disabled, banned or deleted (auth.users.v1): their tokens stay valid until
-- they expire, but media refuses them at once. Only such accounts are kept.
create table gone_user (
    user_id uuid primary key,
    since   timestamptz not null default now()
);
