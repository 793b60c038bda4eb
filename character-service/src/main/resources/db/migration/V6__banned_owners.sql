-- The owner's account is disabled (banned): the character is seen by nobody but its owner, on every path, like a
-- taken-down one, while its moderation state, visibility and grants stay as they were, so lifting the ban brings it
-- back exactly as before. Follows the users read model (set in the transaction that applies the status change).
alter table characters add column owner_disabled boolean not null default false;

update characters c set owner_disabled = true
from users u
where u.user_id = c.owner_id and u.status = 'DISABLED' and not u.deleted;
