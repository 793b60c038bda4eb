-- Users whose data was erased (auth.user-deleted): only the id, so that a reply of theirs that was
-- still in flight when the deletion arrived is not counted (and no row about them comes back).
create table erased_user (
    user_id   uuid primary key,
    erased_at timestamptz not null default now()
);
