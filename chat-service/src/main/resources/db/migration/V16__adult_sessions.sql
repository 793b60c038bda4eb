-- A session that has held an adult-mode turn stays adult: a caller who is not an adult (a user who corrected their
-- age) no longer sees it, even once the character's adult mode is off. Sessions with a character in adult mode now
-- are marked as such.
alter table chat_session add column adult boolean not null default false;

update chat_session s set adult = true
from character_view c
where c.character_id = s.character_id and c.nsfw_enabled;
