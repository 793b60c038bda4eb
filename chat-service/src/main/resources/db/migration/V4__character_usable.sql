-- Whether moderation lets a character be used (character.character-upserted `moderation` is `ok`,
-- or absent on records from before moderation): a hidden or taken-down character is chatted with by
-- nobody, its owner included, so its text never reaches a prompt.
alter table character_view add column usable boolean not null default true;
