-- Which sessions chatted with a character on which (UTC) day, from chat.replies.v1 ReplyCompleted: the
-- catalogue's popular and trending sorts and its chat counts. The primary key makes a redelivered reply
-- change nothing. No foreign key: replies may arrive for a character deleted meanwhile.
create table character_chat_days (
    character_id uuid not null,
    day          date not null,
    session_id   uuid not null,
    primary key (character_id, day, session_id)
);

create index character_chat_days_day on character_chat_days (day);
