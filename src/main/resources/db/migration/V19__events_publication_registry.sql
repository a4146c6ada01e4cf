-- Spring Modulith's event publication registry (spring-modulith-events-jdbc 2.0, schema "v2" for
-- PostgreSQL, as shipped in schemas/v2/schema-postgresql.sql of that version): one row per event and
-- after-commit listener (@ApplicationModuleListener), written in the publishing transaction and
-- deleted when the listener completed (spring.modulith.events.completion-mode=delete). Rows left
-- behind by a crash are resubmitted at start-up and, once stale, by any replica.
-- Flyway owns it (schema initialisation by Modulith stays off).
create table event_publication (
    id                     uuid                     not null,
    listener_id            text                     not null,
    event_type             text                     not null,
    serialized_event       text                     not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone,
    primary key (id)
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
