-- The order vectors were stored in, so an instance's in-memory copy of a user x character's vectors reads only
-- what was stored since it last looked (re-reading a small overlap for transactions that committed out of order).
alter table chat_message_vector add column seq bigserial;
create index chat_message_vector_by_owner_seq on chat_message_vector (user_id, character_id, seq);
