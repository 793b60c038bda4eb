-- A username is kept as its owner typed it. Uniqueness and sign-in by username stay
-- case-insensitive: the unique index is on lower(username), as users_email_key is on lower(email).
-- Rows from before keep their (lower-case) value.
alter table users drop constraint users_username_lower_check;
drop index users_username_key;
create unique index users_username_key on users (lower(username));
