-- A stored, validated object. The row exists only while its objects do (see pending_object).
create table media (
    id            uuid primary key,
    owner_id      uuid        not null,
    character_id  uuid,
    kind          text        not null check (kind in ('avatar', 'image', 'audio', 'other')),
    object_key    text        not null unique,
    thumbnail_key text unique,
    mime_type     text        not null,
    size_bytes    bigint      not null check (size_bytes > 0),
    width         integer,
    height        integer,
    upload_id     uuid unique,
    created_at    timestamptz not null,
    check ((kind = 'avatar') = (character_id is not null))
);
create index media_by_owner on media (owner_id, created_at desc);
create index media_by_character on media (character_id) where character_id is not null;

-- Objects that may exist in the bucket without a media row owning them: written but not yet
-- committed, a quarantined presigned upload, or left behind by a deleted row. A row is removed in
-- the transaction that gives its key to a media row (only while it is not yet due); otherwise the
-- sweeper claims it once sweep_after has passed, deletes the object, then the row.
create table pending_object (
    object_key    text primary key,
    sweep_after   timestamptz not null,
    claimed_until timestamptz,
    created_at    timestamptz not null default now()
);
create index pending_object_due on pending_object (sweep_after);

-- A presigned PUT handed to a client: what it promised to send and where the bytes wait.
create table presigned_upload (
    id             uuid primary key,
    owner_id       uuid        not null,
    kind           text        not null,
    character_id   uuid,
    content_type   text        not null,
    size_bytes     bigint      not null check (size_bytes > 0),
    quarantine_key text        not null unique,
    expires_at     timestamptz not null,
    created_at     timestamptz not null default now()
);

-- What media needs to know of character-service's characters, from character.characters.v1.
create table character_ref (
    character_id uuid primary key,
    owner_id     uuid    not null,
    version      bigint  not null,
    visibility   text    not null,
    nsfw_enabled boolean not null,
    grantee_ids  uuid[]  not null,
    deleted      boolean not null default false
);
