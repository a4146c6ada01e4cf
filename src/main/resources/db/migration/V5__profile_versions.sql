-- Allowlist profiles: immutable numbered versions per image, each with its full entry list.
create table profile_version (
    digest     text        not null references image (digest) on delete cascade,
    version    integer     not null,
    checksum   text        not null,
    source     text        not null check (source in ('LEARNED', 'EDITED', 'IMPORTED', 'ALLOWED')),
    based_on   integer,
    window_no  integer,
    partial    boolean     not null default false,
    comment    text,
    created_at timestamptz not null,
    created_by text        not null,
    primary key (digest, version)
);

create table profile_entry (
    digest     text    not null,
    version    integer not null,
    kind       text    not null,
    pattern    text    not null,
    origin     text    not null check (origin in ('LEARNED', 'MANUAL')),
    added_by   text,
    reason     text,
    count      bigint  not null default 0,
    containers integer not null default 0,
    nodes      integer not null default 0,
    first_seen timestamptz,
    last_seen  timestamptz,
    examples   text[]  not null default '{}',
    primary key (digest, version, kind, pattern),
    foreign key (digest, version) references profile_version (digest, version) on delete cascade
);

-- The newest and the active version of each image's profile; locked to serialise edits.
create table profile_head (
    digest         text primary key references image (digest) on delete cascade,
    latest_version integer not null,
    active_version integer,
    activated_at   timestamptz,
    activated_by   text
);

alter table image add column active_profile_version integer;
alter table image add column active_profile_checksum text;
