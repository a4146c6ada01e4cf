-- Every outbox row is written, claimed and marked delivered (two updates that change indexed columns,
-- so each touches every index): the ingest benchmark put the outbox at 18 µs of PostgreSQL CPU per
-- ingested event. Two indexes serve no query: delivery_id is a random UUID made by gen_random_uuid()
-- (receivers deduplicate on it; nothing here looks it up), and nothing filters or sorts by created_at
-- on an index (the purge goes by state and delivered/failed time, pages by id).
alter table alert_delivery drop constraint alert_delivery_delivery_id_key;
drop index alert_delivery_created_idx;
