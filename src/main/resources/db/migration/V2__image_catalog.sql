-- The catalogue of images (by digest) and their containers, kept up to date by ingest.
create table image (
    digest      text primary key,
    status      text        not null check (status in ('LEARNING', 'ACTIVE')),
    first_seen  timestamptz not null,
    last_seen   timestamptz not null,
    event_count bigint      not null,
    created_at  timestamptz not null default now()
);
create index image_status_first_seen_idx on image (status, first_seen desc);
create index image_first_seen_idx on image (first_seen desc, digest);

-- Names and tags an image was seen under (labels; the digest is the identity).
create table image_name (
    digest     text        not null references image (digest) on delete cascade,
    name       text        not null,
    first_seen timestamptz not null,
    last_seen  timestamptz not null,
    primary key (digest, name)
);

-- A container belongs to exactly one image.
create table image_container (
    container_id text primary key,
    digest       text        not null references image (digest) on delete cascade,
    node         text,
    namespace    text,
    pod          text,
    cluster      text,
    first_seen   timestamptz not null,
    last_seen    timestamptz not null,
    event_count  bigint      not null
);
create index image_container_digest_idx on image_container (digest, last_seen desc);

create table image_event_type_count (
    digest      text   not null references image (digest) on delete cascade,
    event_type  text   not null,
    event_count bigint not null,
    primary key (digest, event_type)
);
