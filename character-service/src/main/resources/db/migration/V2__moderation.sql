-- Moderation of what creators write. Rows from before screening existed start 'pending': nobody but
-- their owner sees them until the re-screening job has judged them (fail closed). Every write that
-- screens sets the state; a row inserted by any path that did not screen stays 'pending' for the job.
--   ok          screened and acceptable in the character's mode
--   pending     not screened yet
--   hidden      its text fails screening in its current mode (found by the job, or adult mode went off)
--   taken_down  an administrator took it down; only an administrator brings it back
alter table characters
    add column moderation_status text not null default 'pending'
        check (moderation_status in ('ok', 'pending', 'hidden', 'taken_down')),
    add column moderation_reason text check (char_length(moderation_reason) <= 500),
    add column screened_at       timestamptz;

create index characters_pending_screening on characters (id) where moderation_status = 'pending';

drop index characters_public_page;
create index characters_public_page on characters (created_at desc, id desc)
    where visibility = 'public' and moderation_status = 'ok';

-- Every change of a character's moderation state: who (null for the service itself), what, when, why.
-- No foreign key: the record outlives the character.
create table character_moderation_log (
    id              bigint generated always as identity primary key,
    character_id    uuid        not null,
    action          text        not null check (action in ('takedown', 'restore', 'hide', 'unhide')),
    actor_id        uuid,
    reason          text        not null check (char_length(reason) <= 500),
    previous_status text        not null,
    new_status      text        not null,
    acted_at        timestamptz not null
);

create index character_moderation_log_character on character_moderation_log (character_id, acted_at);
