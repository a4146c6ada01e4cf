-- A container's live processes and their histories are the service's own JSON, written whole by every
-- batch that judges the container and read whole when another replica takes it over: never queried in
-- SQL. As jsonb, every rewrite was parsed into PostgreSQL's binary form (and the batch's rows were sent
-- as one JSON document for jsonb_to_recordset, parsed again); as text they are stored as sent.
alter table behavior_container_state
    alter column processes type text using processes::text,
    alter column histories type text using histories::text;
