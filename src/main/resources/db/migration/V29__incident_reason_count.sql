-- How many reasons an incident holds, so that the evidence step, which grows every open incident
-- on every batch of its container, knows whether it may add more without reading the reasons
-- (up to 50 events as JSON) or serialising reasons the update would discard.
alter table incident add column reason_count integer not null default 0;
update incident set reason_count = jsonb_array_length(reasons);
