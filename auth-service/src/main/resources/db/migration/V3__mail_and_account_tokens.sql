-- Whether the account's email address was confirmed by a link sent to it. Accounts from before
-- verification existed are taken as unverified and are reminded like new ones.
alter table users add column email_verified boolean not null default false;

-- Mail waiting to be sent, written in the transaction of the change that causes it and sent by
-- MailRelay after the commit, with retries. A row is deleted once the SMTP server accepted it;
-- one that failed max-attempts times keeps failed_at for operators. params may hold a one-time
-- link (its token is also stored hashed in account_token), so rows live only until sent.
create table mail_outbox (
    id               bigint generated always as identity primary key,
    recipient        text        not null,
    template         text        not null,
    params           jsonb       not null,
    created_at       timestamptz not null,
    attempts         integer     not null default 0,
    next_attempt_at  timestamptz not null,
    last_error       text,
    failed_at        timestamptz
);

create index mail_outbox_due_idx on mail_outbox (next_attempt_at) where failed_at is null;

-- One-time tokens sent by mail, by SHA-256 of the token only. A token is used once (used_at),
-- expires, and issuing a new one of the same purpose drops the user's unused ones.
create table account_token (
    token_hash  bytea       primary key,
    user_id     uuid        not null references users (id) on delete cascade,
    purpose     text        not null,
    -- the address a change-email token confirms; it takes effect when the token is used
    new_email   text,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    used_at     timestamptz,
    constraint account_token_purpose_check check (purpose in ('verify_email', 'reset_password', 'change_email')),
    constraint account_token_new_email_check check ((purpose = 'change_email') = (new_email is not null))
);

create index account_token_user_idx on account_token (user_id, purpose);
