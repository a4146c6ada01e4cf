-- Incident module: what learning windows showed per container (for the container detector), the
-- detectors calibrated from them, each container's running evidence, and incidents.

-- The sequence fingerprints of a learning window's containers, in event order, one row per batch
-- and container; read once when the window's detector is built.
create table incident_learning_trace (
    id           bigserial primary key,
    digest       text    not null,
    window_no    int     not null,
    container_id text    not null,
    fingerprints bigint[] not null,
    pairs        bigint[] not null
);
create index incident_learning_trace_window on incident_learning_trace (digest, window_no);

-- One detector per learning window: its learned sequences (sorted 64-bit fingerprints, 8 bytes each),
-- the normal novelty rate, the reference mixes of token pairs, and the two thresholds calibrated on
-- containers held out of the window.
create table incident_detector (
    id           bigserial primary key,
    digest       text        not null,
    window_no    int         not null,
    status       text        not null check (status in ('PENDING', 'READY', 'FAILED')),
    created_at   timestamptz not null,
    ready_at     timestamptz,
    learned      bytea,
    novelty_rate double precision,
    threshold    double precision,
    mix          bytea,
    mix_threshold double precision,
    statistics   jsonb,
    error        text,
    unique (digest, window_no)
);
create index incident_detector_pending on incident_detector (created_at) where status = 'PENDING';

-- Sequences people declared normal by marking an incident a false positive: judged as learned.
create table incident_allowed_sequence (
    digest      text   not null,
    fingerprint bigint not null,
    primary key (digest, fingerprint)
);

create table incident (
    id               bigserial primary key,
    digest           text        not null,
    container_id     text        not null,
    node             text,
    status           text        not null check (status in ('OPEN', 'ACKNOWLEDGED', 'RESOLVED', 'FALSE_POSITIVE')),
    severity         text        not null,
    dry_run          boolean     not null,
    opened_at        timestamptz not null,
    updated_at       timestamptz not null,
    first_event_at   timestamptz not null,
    last_event_at    timestamptz not null,
    risk             double precision not null,
    evidence         double precision not null,
    threshold        double precision not null,
    mix_evidence     double precision not null,
    mix_threshold    double precision not null,
    events           bigint      not null,
    novel_events     bigint      not null,
    detector_id      bigint      not null,
    profile_version  int,
    model_version    int,
    reasons          jsonb       not null,
    status_by        text,
    status_note      text,
    status_at        timestamptz
);
create index incident_by_time on incident (opened_at desc, id desc);
create index incident_by_container on incident (container_id, id desc);
create index incident_by_image on incident (digest, id desc);

-- Each judged container's running evidence since its episode began.
create table incident_evidence (
    container_id   text primary key,
    digest         text        not null,
    detector_id    bigint      not null,
    events         bigint      not null,
    novel_events   bigint      not null,
    evidence       double precision not null,
    peak_evidence  double precision not null,
    mix_evidence   double precision not null,
    violated       boolean     not null,
    anomalous_events bigint    not null,
    model_evidence double precision not null,
    pair_counts    bytea       not null,
    incident_id    bigint,
    updated_at     timestamptz not null
);
create index incident_evidence_idle on incident_evidence (updated_at);
