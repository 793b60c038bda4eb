-- A session's running summary: what the worker made of the active path up to summary_through_id (at depth
-- summary_through_depth), for the prompt once those messages have left the recent window. Used only while that
-- message is still on the active path. summary_requested_at: a request in flight (asked again after 5 minutes).
alter table chat_session
    add column summary               text,
    add column summary_through_id    uuid,
    add column summary_through_depth integer not null default 0,
    add column summary_requested_at  timestamptz;
