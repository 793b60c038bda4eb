-- When chat-service learned that the user's plan changed (auth.user-updated), so a plan changed after an access
-- token was issued overrides what that token still says (a cancellation counts before the token's next refresh).
-- Null until a change is seen: a first snapshot does not say when its plan was set.
alter table user_view add column plan_changed_at timestamptz;
