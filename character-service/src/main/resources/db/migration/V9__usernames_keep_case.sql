-- Usernames arrive as their owners typed them and are shown so (a grant answers the grantee's
-- name); a share by username still finds its user whatever the case.
drop index users_username;
create index users_username on users (lower(username)) where not deleted;
