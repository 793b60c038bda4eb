-- The auth.users.v1 read model: who exists, under which username, and whether they are an adult.
create table users (
    user_id    uuid primary key,
    username   text        not null,
    is_adult   boolean     not null,
    status     text        not null,
    deleted    boolean     not null default false,
    updated_at timestamptz not null default now()
);

-- Not unique: usernames are unique in auth-service, but two users' events travel on different
-- partitions, so for a moment a freed name may sit on two rows here; lookups refuse ambiguity.
create index users_username on users (username) where not deleted;

-- array_to_string is only stable in general, but for text[] it cannot vary: generated columns
-- need an immutable expression.
create function character_tags_text(tags text[]) returns text
    language sql immutable parallel safe
    as $$ select array_to_string(tags, ' ') $$;

create table characters (
    id              uuid primary key,
    owner_id        uuid        not null,
    name            text        not null check (char_length(name) between 1 and 60),
    description     text        not null check (char_length(description) <= 2000),
    character_type  text        not null
        check (character_type in ('girlfriend', 'boyfriend', 'friend', 'therapist', 'mentor', 'celebrity', 'custom')),
    shyness         smallint    not null check (shyness between 0 and 100),
    flirtiness      smallint    not null check (flirtiness between 0 and 100),
    humor           smallint    not null check (humor between 0 and 100),
    boldness        smallint    not null check (boldness between 0 and 100),
    affection       smallint    not null check (affection between 0 and 100),
    sarcasm         smallint    not null check (sarcasm between 0 and 100),
    positivity      smallint    not null check (positivity between 0 and 100),
    visibility      text        not null check (visibility in ('private', 'public', 'shareable')),
    tags            text[]      not null default '{}' check (cardinality(tags) <= 10),
    nsfw_enabled    boolean     not null default false,
    avatar_url      text,
    avatar_media_id uuid,
    -- Grows by one with every change; carried by each snapshot on character.characters.v1.
    version         bigint      not null check (version >= 1),
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    search_vector   tsvector generated always as (
        setweight(to_tsvector('simple'::regconfig, name), 'A')
            || setweight(to_tsvector('simple'::regconfig, character_tags_text(tags)), 'B')
            || setweight(to_tsvector('simple'::regconfig, description), 'C')) stored
);

create index characters_owner_page on characters (owner_id, created_at desc, id desc);
create index characters_public_page on characters (created_at desc, id desc) where visibility = 'public';
create index characters_search on characters using gin (search_vector);
create index characters_tags on characters using gin (tags);

-- Share links are bearer capabilities: only the SHA-256 of the token is stored.
create table share_links (
    token_hash   bytea primary key check (octet_length(token_hash) = 32),
    character_id uuid        not null references characters (id) on delete cascade,
    created_at   timestamptz not null,
    expires_at   timestamptz,
    revoked_at   timestamptz
);

create index share_links_character on share_links (character_id);

-- Explicit access to a character. via_link names the link a grant was redeemed through, so that
-- revoking the link takes back the access it gave; a direct share clears it.
create table character_grants (
    character_id uuid        not null references characters (id) on delete cascade,
    grantee_id   uuid        not null,
    granted_at   timestamptz not null,
    via_link     bytea references share_links (token_hash),
    primary key (character_id, grantee_id)
);

create index character_grants_grantee on character_grants (grantee_id);
create index character_grants_via_link on character_grants (via_link) where via_link is not null;
