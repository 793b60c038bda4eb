-- Failed password checks are counted per (subject, client), not per account: five wrong passwords
-- from one client lock that client out of that account, not the owner out of it. The subject is the
-- account ('user:<id>') or, for an identifier that matches no account, a hash of what was typed, so
-- that the answers do not tell whether an account exists. client '*' is the account-wide brake,
-- counting failures from clients that never signed in to the account.
create table login_throttle (
    subject           text        not null,
    client            text        not null,
    failures          integer     not null,
    window_started_at timestamptz not null,
    locked_until      timestamptz,
    primary key (subject, client)
);
create index login_throttle_window on login_throttle (window_started_at);

-- Clients that signed in to an account: the account-wide brake does not slow them down.
create table login_known_client (
    subject        text        not null,
    client         text        not null,
    last_signed_in timestamptz not null,
    primary key (subject, client)
);

alter table users drop column failed_logins;
alter table users drop column locked_until;
