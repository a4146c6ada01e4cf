-- Deviations judged at ingest or scoring. Identical deviations of one container within one
-- dedup window share a row and count occurrences.
create table audit (
    id                 bigint generated always as identity primary key,
    digest             text             not null,
    container_id       text             not null,
    node               text,
    verdict            text             not null check (verdict in ('ANOMALOUS', 'VIOLATION')),
    rule_kind          text             not null,
    rule_value         text             not null,
    raw_value          text,
    reason             text             not null,
    event              jsonb            not null,
    first_seen         timestamptz      not null,
    last_seen          timestamptz      not null,
    occurrences        bigint           not null default 1,
    dedup_bucket       bigint           not null,
    profile_version    integer,
    profile_checksum   text,
    model_version      integer,
    score              double precision,
    threshold          double precision,
    status             text             not null default 'OPEN' check (status in ('OPEN', 'ALLOWED')),
    resolved_by        text,
    resolved_at        timestamptz,
    resolution_reason  text,
    allowed_in_version integer,
    created_at         timestamptz      not null default now()
);
create unique index audit_dedup_idx on audit (digest, container_id, verdict, rule_kind, rule_value, dedup_bucket);
create index audit_digest_idx on audit (digest, id desc);
create index audit_container_idx on audit (container_id, id desc);
create index audit_first_seen_idx on audit (first_seen);
