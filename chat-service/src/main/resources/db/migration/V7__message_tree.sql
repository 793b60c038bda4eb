-- Messages form a tree: a message's parent is the one it answers or follows; alternatives (swipes of a
-- reply, edits of a user message) are siblings under one parent, ordered by seq. A root message (no
-- parent) has the session as its sibling group. `depth` is the number of messages on the path from the
-- root down to it, so the active path's length is its leaf's depth. A deleted message (and so everything
-- below it) leaves the active path; the rows stay until the session or the account is erased.
alter table chat_message
    add column parent_id  uuid,
    add column depth      integer not null default 1,
    add column deleted_at timestamptz;

update chat_message m set parent_id = linked.previous, depth = linked.position
from (select id,
             lag(id) over (partition by session_id order by seq) as previous,
             row_number() over (partition by session_id order by seq) as position
      from chat_message) linked
where linked.id = m.id;

-- Siblings of a message, and the children of a message (its id as the group), in seq order.
create index chat_message_siblings on chat_message ((coalesce(parent_id, session_id)), seq);

-- The session's active leaf: history is the path from it up to the root.
alter table chat_session
    add column active_leaf_id uuid,
    add column pinned         boolean not null default false,
    add column archived       boolean not null default false;

update chat_session s set active_leaf_id =
    (select m.id from chat_message m where m.session_id = s.id order by m.seq desc limit 1);

create index chat_session_listing on chat_session (user_id, archived, pinned desc, last_activity_at desc, id desc);

-- Requests for a reply per user and UTC day (the free plan's daily quota), counted in the transaction
-- that takes the session. In this migration rather than one of its own because V5/V6 are taken by
-- parallel work and the numbers after them are not agreed yet.
create table chat_usage (
    user_id uuid    not null,
    day     date    not null,
    used    integer not null,
    primary key (user_id, day)
);

-- GET /search/messages: full text over message content (the `simple` configuration: no stemming).
create index chat_message_text on chat_message using gin (to_tsvector('simple', content));
