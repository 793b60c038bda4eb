-- Owned by the platform messaging kit; every service that adopts the kit gets these tables.

create table platform_outbox (
    id          bigserial primary key,
    topic       text        not null,
    record_key  text        not null,
    event_id    uuid,
    event_type  text,
    payload     text,
    traceparent text,
    created_at  timestamptz not null default now()
);

create table platform_processed_event (
    consumer     text        not null,
    event_id     uuid        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
