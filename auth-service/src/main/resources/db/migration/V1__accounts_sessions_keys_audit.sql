-- Accounts. Uniqueness is enforced here, not by checks in code, so that it holds under
-- concurrent sign-ups; the index names are mapped back to the field that was taken.
create table users (
    id             uuid        primary key,
    username       text        not null,
    email          text        not null,
    phone_number   text,
    first_name     text        not null,
    last_name      text        not null,
    gender         text        not null,
    -- the age the person stated and when; null only for the bootstrapped admin account
    age            integer,
    age_given_at   timestamptz,
    is_adult       boolean     not null,
    plan           text        not null default 'free',
    roles          text[]      not null default '{user}',
    status         text        not null default 'active',
    password_hash  text        not null,
    -- attempts counted since the last success or lock; see Credentials
    failed_logins  integer     not null default 0,
    locked_until   timestamptz,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    constraint users_gender_check check (gender in ('male', 'female', 'other')),
    constraint users_plan_check check (plan in ('free', 'premium')),
    constraint users_status_check check (status in ('active', 'disabled')),
    constraint users_age_check check (age is null or age between 13 and 120),
    constraint users_age_given_check check ((age is null) = (age_given_at is null)),
    constraint users_username_lower_check check (username = lower(username)),
    constraint users_phone_e164_check check (phone_number is null or phone_number ~ '^\+[1-9][0-9]{6,14}$')
);

create unique index users_username_key on users (username);
create unique index users_email_key on users (lower(email));
create unique index users_phone_number_key on users (phone_number);
-- finds minors whose stated age has since reached 18
create index users_minors_idx on users (age_given_at) where not is_adult and age is not null;

-- One row per signed-in device: the refresh-token family.
create table device_session (
    id             uuid        primary key,
    user_id        uuid        not null references users (id) on delete cascade,
    created_at     timestamptz not null,
    last_used_at   timestamptz not null,
    expires_at     timestamptz not null,
    user_agent     text,
    ip             text,
    revoked_at     timestamptz,
    revoked_reason text
);

create index device_session_user_idx on device_session (user_id) where revoked_at is null;

-- Every refresh token a session was given, by SHA-256 of the token: the current one has no
-- used_at; the earlier ones stay so that presenting one again is recognised as reuse.
create table refresh_token (
    token_hash  bytea       primary key,
    session_id  uuid        not null references device_session (id) on delete cascade,
    issued_at   timestamptz not null,
    expires_at  timestamptz not null,
    used_at     timestamptz
);

create index refresh_token_session_idx on refresh_token (session_id);

-- RS256 signing keys shared by every instance. The private key is AES-GCM encrypted under
-- AUTH_KEY_ENCRYPTION_KEY, identified by kek_id (a fingerprint, never the key).
create table signing_key (
    kid           text        primary key,
    public_key    bytea       not null,
    private_key   bytea       not null,
    kek_id        text        not null,
    created_at    timestamptz not null,
    activates_at  timestamptz not null
);

create table security_audit (
    id           bigint generated always as identity primary key,
    occurred_at  timestamptz not null,
    event_type   text        not null,
    user_id      uuid,
    actor_id     uuid,
    ip           text,
    user_agent   text,
    details      jsonb       not null default '{}'
);

create index security_audit_user_idx on security_audit (user_id, occurred_at desc);
create index security_audit_time_idx on security_audit (occurred_at);
