-- A random number per write of a container's state: a replica that wrote it last and still holds
-- it in memory sees the same revision when it locks the row, and skips reading and parsing the
-- row's JSON documents again (ContainerStateStore.lockRevisions). Rows written before have 0,
-- which no write produces, so they are read once.
alter table behavior_container_state add column revision bigint not null default 0;
