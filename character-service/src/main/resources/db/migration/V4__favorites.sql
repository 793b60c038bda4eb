-- Characters a user marked as a favourite. A favourite of a character the user can no longer see stays
-- (access may come back) but is never listed while it is hidden from them.
create table character_favorites (
    user_id      uuid        not null,
    character_id uuid        not null references characters (id) on delete cascade,
    favorited_at timestamptz not null,
    primary key (user_id, character_id)
);

create index character_favorites_user_page on character_favorites (user_id, favorited_at desc, character_id desc);
create index character_favorites_character on character_favorites (character_id);
