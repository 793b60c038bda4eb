-- Which version of the screening (the content guard's version and the sheet checks') judged a character's text. A
-- character judged under an older version is screened again by the job, so a better guard reaches the catalogue
-- that was written before it, and a fixed false block brings a hidden character back. Null: judged before versions
-- were recorded, which counts as older than any.
alter table characters add column screened_with text check (char_length(screened_with) <= 300);

create index characters_screened_with on characters (screened_with)
    where moderation_status in ('ok', 'hidden');

-- The screening versions the service has run, in the order they were first seen. An instance screens again only text
-- judged under a version seen before its own, so during a rolling deploy the old instances leave the new version's
-- verdicts alone instead of judging them back.
create table character_screening_version (
    version    text        primary key check (char_length(version) <= 300),
    first_seen timestamptz not null default clock_timestamp()
);
