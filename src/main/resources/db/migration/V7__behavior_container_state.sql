-- The tracked state of each running container: its live processes and its last tokens. Kept in
-- PostgreSQL (not in a replica's memory) so that it does not depend on which replica received
-- which batch; a row lock orders concurrent batches of one container.
create table behavior_container_state (
    container_id  text primary key,
    digest        text        not null,
    processes     jsonb       not null,
    recent        text[]      not null,
    events        bigint      not null,
    last_event_at timestamptz not null,
    updated_at    timestamptz not null
);
create index behavior_container_state_updated_idx on behavior_container_state (updated_at);
