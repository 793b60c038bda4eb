-- Pinned memories: facts a user asks a character to remember, per user x character across sessions, always in
-- the prompt. Erased with the account, with the character, or one by one (DELETE /memories/{id}).
create table chat_memory (
    id           uuid primary key,
    user_id      uuid        not null,
    character_id uuid        not null,
    content      text        not null,
    created_at   timestamptz not null default now()
);
create index chat_memory_by_owner on chat_memory (user_id, character_id, created_at);
create index chat_memory_by_character on chat_memory (character_id);

-- The user's persona (auth.user-updated), what {{user}} stands for in prompts.
alter table user_view
    add column persona_name        text,
    add column persona_description text;

-- A refused pinned memory is kept for review like a refused message, without a session.
alter table blocked_message alter column session_id drop not null;
