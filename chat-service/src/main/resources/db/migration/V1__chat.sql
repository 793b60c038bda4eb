-- Read models kept from other services' events.
create table user_view (
    user_id    uuid primary key,
    username   text,
    plan       text        not null,
    is_adult   boolean     not null,
    status     text        not null,
    deleted    boolean     not null default false,
    updated_at timestamptz not null default now()
);

create table character_view (
    character_id   uuid primary key,
    owner_id       uuid    not null,
    version        bigint  not null,
    name           text    not null,
    description    text    not null,
    character_type text    not null,
    sliders        text    not null,
    nsfw_enabled   boolean not null,
    visibility     text    not null,
    grantee_ids    uuid[]  not null,
    deleted        boolean not null default false
);

create table chat_session (
    id               uuid primary key,
    user_id          uuid        not null,
    character_id     uuid        not null,
    title            text        not null,
    ad_counter       bigint      not null default 0,
    created_at       timestamptz not null default now(),
    last_activity_at timestamptz not null default now()
);
create index chat_session_by_user on chat_session (user_id, last_activity_at desc, id desc);

create table chat_message (
    seq        bigserial primary key,
    id         uuid        not null unique,
    session_id uuid        not null references chat_session (id) on delete cascade,
    role       text        not null,
    content    text        not null,
    request_id uuid,
    created_at timestamptz not null default now()
);
create index chat_message_by_session on chat_message (session_id, seq desc);
-- The assistant's reply to a request is stored once, however often it is delivered.
create unique index chat_message_one_reply on chat_message (request_id) where role = 'assistant';

create table chat_request (
    request_id           uuid primary key,
    session_id           uuid        not null references chat_session (id) on delete cascade,
    user_id              uuid        not null,
    user_message_id      uuid        not null,
    status               text        not null,
    created_at           timestamptz not null default now(),
    completed_at         timestamptz,
    reply_received       boolean     not null default false,
    assistant_message_id uuid,
    reply_text           text,
    decision_received    boolean     not null default false,
    show_ad              boolean,
    ad_counter           bigint,
    error_code           text,
    error_message        text
);
-- One reply in flight per session, enforced by the database under concurrent sends.
create unique index chat_request_one_in_flight on chat_request (session_id) where status = 'PENDING';
create index chat_request_pending_by_age on chat_request (created_at) where status = 'PENDING';
