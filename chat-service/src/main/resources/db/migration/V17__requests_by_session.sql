-- A session's requests by age: the latest one (a socket joining a session), the count of its completed replies (the
-- automatic title), and the rows a deleted session takes with it. Without it each of these read the whole table.
create index chat_request_by_session on chat_request (session_id, created_at desc);
