-- Novelty at three lengths (docs/incidents.md): besides the container's last tokens, a learning
-- window now traces each event's acting process's own last tokens and its action, detectors keep
-- their novelty rates and thresholds, and a container's evidence counts its events novel at each length.
-- Rows and detectors from before have none: their events count as learned at those lengths.
alter table incident_learning_trace
    add column locals  bigint[] not null default '{}',
    add column actions bigint[] not null default '{}';
alter table incident_detector
    add column local_novelty_rate  double precision,
    add column action_novelty_rate double precision,
    add column local_threshold     double precision,
    add column action_threshold    double precision;
alter table incident_evidence
    add column novel_locals  bigint not null default 0,
    add column novel_actions bigint not null default 0;
