-- Which branch below a message was written to or looked at last, for a select that goes back to it
-- (API.md: "below it, to the branch last written to"). written_seq is a number from one sequence, so
-- later is larger: a new message takes one as it is stored; the leaf of a branch takes a new one when the
-- branch is selected, when a message on it is edited in place or continued, and when a delete shortens
-- the active path to it. Rows stored before this migration have none and rank behind every numbered row
-- (they are older than any of them), by created_at among themselves as before.
create sequence chat_message_written_seq;
alter table chat_message add column written_seq bigint;
alter table chat_message alter column written_seq set default nextval('chat_message_written_seq');
