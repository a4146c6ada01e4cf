-- Training jobs, queued in PostgreSQL and claimed by one worker with FOR UPDATE SKIP LOCKED.
create table model_job (
    id            bigint generated always as identity primary key,
    digest        text        not null references image (digest) on delete cascade,
    window_no     integer     not null,
    status        text        not null check (status in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    attempts      integer     not null default 0,
    requested_by  text        not null,
    created_at    timestamptz not null,
    started_at    timestamptz,
    heartbeat_at  timestamptz,
    finished_at   timestamptz,
    worker        text,
    error         text,
    model_version integer
);
create index model_job_status_idx on model_job (status, id);
create index model_job_digest_idx on model_job (digest, id desc);

-- Trained models: numbered versions per image with everything needed to score, check and explain.
create table model_version (
    digest           text             not null references image (digest) on delete cascade,
    version          integer          not null,
    format_version   integer          not null,
    model_text       text             not null,
    sha256           text             not null,
    feature_spec     jsonb            not null,
    hyper_parameters jsonb            not null,
    threshold        double precision not null,
    statistics       jsonb            not null,
    profile_version  integer,
    window_no        integer          not null,
    sample_distinct  integer          not null,
    sample_events    bigint           not null,
    code_version     text             not null,
    trained_at       timestamptz      not null,
    job_id           bigint,
    primary key (digest, version)
);

create table model_head (
    digest         text primary key references image (digest) on delete cascade,
    latest_version integer not null,
    active_version integer,
    activated_at   timestamptz,
    activated_by   text
);
