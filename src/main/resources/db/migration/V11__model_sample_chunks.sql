-- The training sample is written as chunks: one row per ingested batch holding the transitions new
-- to its learning window (with how often the batch showed each), instead of one row per distinct
-- transition. While a window is filling, nearly every event of a busy image can be a new distinct
-- transition; a row and an index entry each cost the database as much as the event itself.
-- Chunks are append-only: the same transition in two chunks (two replicas, two concurrent batches)
-- is merged when the sample is read. Counts of transitions seen again later are summed per key.
create table model_sample_chunk (
    id          bigserial   primary key,
    digest      text        not null,
    window_no   integer     not null,
    size        integer     not null,
    transitions json        not null,
    created_at  timestamptz not null default now()
);
create index model_sample_chunk_window on model_sample_chunk (digest, window_no);

create table model_sample_count (
    digest         text    not null,
    window_no      integer not null,
    transition_key text    not null,
    count          bigint  not null,
    primary key (digest, window_no, transition_key)
);

insert into model_sample_chunk (digest, window_no, size, transitions)
select digest, window_no, count(*),
       json_agg(json_build_object(
           'key', transition_key, 'beforeProcesses', before_processes, 'beforeRecent', before_recent,
           'event', event, 'afterProcesses', after_processes, 'afterRecent', after_recent,
           'firstSeen', to_char(first_seen at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
           'count', count) order by transition_key)
from model_sample group by digest, window_no;

drop table model_sample;
