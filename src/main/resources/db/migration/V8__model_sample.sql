-- The training sample of each learning window: distinct transitions (state before, event, state
-- after) with how often they occurred, bounded per window (habitus.model.max-sample).
create table model_sample (
    digest           text        not null,
    window_no        integer     not null,
    transition_key   text        not null,
    before_processes text[]      not null,
    before_recent    text[]      not null,
    event            text        not null,
    after_processes  text[]      not null,
    after_recent     text[]      not null,
    count            bigint      not null,
    first_seen       timestamptz not null,
    primary key (digest, window_no, transition_key)
);
