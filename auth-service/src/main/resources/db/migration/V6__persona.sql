-- The user's persona (PUT /auth/me/persona): who they play in their chats. {{user}} in prompts is its name.
-- Both set or both null; published with every auth.user-updated snapshot.
alter table users
    add column persona_name        text,
    add column persona_description text,
    add constraint users_persona_check check ((persona_name is null) = (persona_description is null));
