-- The rarity evidence weighs the container's recent rarity at two memories: about its last 10 events
-- (STIDE's locality frames) and about its last 30. On system-call traces of many programs judged as one
-- image, attack runs differ from normal ones in a sustained run of moderately rare sequences that the
-- short memory's peaks, noisy in normal runs too, do not separate (docs/incidents.md, "Rarity at two
-- memories"). The detector keeps the long level's own threshold (null: a detector built before, which
-- weighs the short level only); the evidence row keeps the container's long level.
alter table incident_detector add column long_rarity_threshold double precision;
alter table incident_evidence add column rarity_long_level double precision not null default 0;
