-- Who named a session: null while it carries its character's name, 'user' once the user gave it a title
-- (on creation or later), 'auto' once the worker titled it after its third reply. A generated title never
-- replaces the user's. title_requested_at: when chat asked for a title (asked once per session).
alter table chat_session
    add column title_source       text,
    add column title_requested_at timestamptz;

-- A continuation (POST /chat/continue) extends a stored reply in place instead of adding one.
alter table chat_request add column continues_message_id uuid;
