-- The Character Card fields of character.character-upserted `card` (greeting, scenario, example dialogue,
-- system prompt, lorebook, ...), as the event carries them; null for snapshots without a card.
alter table character_view add column card jsonb;
