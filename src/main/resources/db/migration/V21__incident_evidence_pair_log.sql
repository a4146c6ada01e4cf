-- A container's pair counts (up to 48 KB) are no longer rewritten by every batch that judges it: the
-- batch appends the pairs it counted to pair_log (8 bytes each), and the counts are rewritten whole
-- only when the log is full. revision names each stored version (a random number per write), so that
-- a replica can tell whether the counts it holds in memory are the stored ones.
alter table incident_evidence
    add column pair_log bytea  not null default '\x',
    add column revision bigint not null default 0;
