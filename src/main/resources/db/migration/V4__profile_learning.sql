-- Learning windows: one row per image for its current (or last) window. Times are event times,
-- so that replayed traffic learns the same way as live traffic.
create table profile_learning (
    digest             text primary key references image (digest) on delete cascade,
    window_no          integer     not null,
    state              text        not null check (state in ('LEARNING', 'DONE')),
    started_at         timestamptz not null,
    first_event_at     timestamptz,
    last_event_at      timestamptz,
    last_new_token_at  timestamptz,
    events             bigint      not null default 0,
    tokens             integer     not null default 0,
    partial            boolean     not null default false,
    finish_requested   boolean     not null default false,
    window_override    interval,
    stability_override interval,
    min_events_override     bigint,
    min_containers_override integer,
    finished_at        timestamptz,
    finish_reason      text
);
create index profile_learning_state_idx on profile_learning (state);

-- Container time of a window: learning time is summed across containers.
create table profile_window_container (
    digest       text        not null,
    window_no    integer     not null,
    container_id text        not null,
    node         text,
    first_seen   timestamptz not null,
    last_seen    timestamptz not null,
    events       bigint      not null,
    primary key (digest, window_no, container_id)
);

-- What a window observed: one row per generalised token.
create table profile_observation (
    digest     text        not null,
    window_no  integer     not null,
    kind       text        not null,
    pattern    text        not null,
    count      bigint      not null,
    first_seen timestamptz not null,
    last_seen  timestamptz not null,
    examples   text[]      not null,
    primary key (digest, window_no, kind, pattern)
);

-- Which containers showed a token (nodes follow from the containers).
create table profile_observation_container (
    digest       text    not null,
    window_no    integer not null,
    kind         text    not null,
    pattern      text    not null,
    container_id text    not null,
    primary key (digest, window_no, kind, pattern, container_id)
);
