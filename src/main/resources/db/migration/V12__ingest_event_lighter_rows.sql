-- Raw events are an append-only log, written for every event and read back whole (per container
-- and time range); nothing queries inside a payload. jsonb's parsed binary form only cost every
-- insert (about 3 µs of database CPU per event), so payloads are kept as json: the text as sent,
-- still validated. The index by image and time was never used by any query and cost as much.
drop index ingest_event_image_time_idx;
alter table ingest_event alter column payload type json using payload::json;
