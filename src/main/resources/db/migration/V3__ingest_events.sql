-- One row per acknowledged batch: what makes batchId idempotent, and what agents said about
-- their own sequence and dropped events.
create table ingest_batch (
    batch_id       text primary key,
    agent_id       text        not null,
    agent_version  text,
    agent_sequence bigint,
    agent_dropped  bigint,
    received_at    timestamptz not null,
    accepted       integer     not null,
    rejected       integer     not null,
    rejections     jsonb       not null
);
create index ingest_batch_received_at_idx on ingest_batch (received_at);
create index ingest_batch_agent_idx on ingest_batch (agent_id, received_at);

-- Raw accepted events, partitioned by event day (UTC) so that retention drops whole partitions
-- and time-range reads touch only the days they ask for. Partitions are created ahead of time by
-- the service (EventPartitions); the default partition only catches what slips past that.
create sequence ingest_event_id_seq as bigint cache 1000;

create table ingest_event (
    id           bigint      not null default nextval('ingest_event_id_seq'),
    event_time   timestamptz not null,
    received_at  timestamptz not null,
    batch_id     text        not null,
    event_index  integer     not null,
    event_type   text        not null,
    image_digest text        not null,
    container_id text        not null,
    node         text,
    payload      jsonb       not null,
    primary key (event_time, id)
) partition by range (event_time);

alter sequence ingest_event_id_seq owned by ingest_event.id;

create index ingest_event_container_time_idx on ingest_event (container_id, event_time);
create index ingest_event_image_time_idx on ingest_event (image_digest, event_time);

create table ingest_event_default partition of ingest_event default;
