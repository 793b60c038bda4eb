-- The user's message spoke of self-harm or abuse (the input guard's support flag): the finished request says so, so a
-- client can show crisis resources beside the reply.
alter table chat_request add column support boolean not null default false;
