-- ad-service now keeps the first outcome of every request (completed, failed or blocked) as a platform idempotency
-- mark keyed by request id, and counts a request only when that first outcome is a completed reply: a worker killed
-- after publishing an outcome but before committing its offset redoes the request, and the redo may end otherwise.
-- Requests counted before that kept their idempotency in counted_reply alone; their marks are made here, for as far
-- back as a record can still be redelivered (the marks' retention, 14 days).
insert into platform_processed_event (consumer, event_id, processed_at)
select 'ad-service:request-outcome', request_id, counted_at
from counted_reply
where counted_at > now() - interval '14 days'
on conflict do nothing;
