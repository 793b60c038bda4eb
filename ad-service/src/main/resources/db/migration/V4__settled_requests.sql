-- The first outcome of every request (completed, failed or blocked), so that a request is counted only when its first
-- outcome is a completed reply. A worker killed after publishing an outcome but before committing its offset redoes the
-- request, and the redo may end differently (a refusal first, a reply on the redo); chat-service keeps the first outcome
-- it reads, which comes first on the session's partition for every consumer, so ad-service must keep the same one.
create table settled_request (
    request_id uuid primary key,
    session_id uuid        not null,
    user_id    uuid        not null,
    settled_at timestamptz not null default now()
);
create index settled_request_by_user on settled_request (user_id);

insert into settled_request (request_id, session_id, user_id, settled_at)
select r.request_id, r.session_id, s.user_id, r.counted_at
from counted_reply r join session_counter s on s.session_id = r.session_id;
