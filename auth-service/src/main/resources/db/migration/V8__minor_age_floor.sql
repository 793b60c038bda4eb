-- What a deleted minor's account leaves behind, so that the same email or phone number cannot sign up again at once
-- as an adult: a SHA-256 of the identifier (never the identifier), the age the account had, and when. Nothing else of
-- the account is kept. A row no longer matters once that age plus the years since reaches 18.
create table minor_age_floor (
    identity_hash text        primary key,
    age           integer     not null,
    recorded_at   timestamptz not null
);
