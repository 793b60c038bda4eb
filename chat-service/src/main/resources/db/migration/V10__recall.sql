-- Recall: one vector per user message worth remembering (all-MiniLM-L6-v2, the guard's model, unit length,
-- quantised to 384 signed bytes), computed after the message is stored and never on the send path. Scanned in
-- process per user x character (no pgvector needed); erased with the message, the session, the account or the
-- character.
create table chat_message_vector (
    message_id   uuid        primary key references chat_message (id) on delete cascade,
    user_id      uuid        not null,
    character_id uuid        not null,
    vector       bytea       not null,
    created_at   timestamptz not null
);
create index chat_message_vector_by_owner on chat_message_vector (user_id, character_id, created_at desc);

-- Messages waiting for their vector; written in the transaction that stores the message.
create table chat_embedding_queue (
    message_id uuid        primary key references chat_message (id) on delete cascade,
    queued_at  timestamptz not null default now()
);
create index chat_embedding_queue_by_age on chat_embedding_queue (queued_at);
