-- Character Card fields (greeting, scenario, example dialogue, system prompt, lorebook, extensions, ...)
-- as one document: they are read and written with the character and never queried one by one. The
-- application bounds each field; the check below bounds the whole.
alter table characters
    add column card jsonb not null default '{}'::jsonb check (octet_length(card::text) <= 2000000),
    -- Whether people who can see a public character may export it as a card; its owner always may.
    add column export_allowed boolean not null default false;
