-- Rarity evidence (docs/incidents.md): per detector, how many learning events ended each short
-- sequence, and the threshold of a container's rarity level; per container, its level and the
-- level's peak in the episode. Null for detectors built before: they find no rarity evidence.
alter table incident_detector
    add column rarity           bytea,
    add column rarity_threshold double precision;
alter table incident_evidence
    add column rarity_level double precision not null default 0,
    add column rarity_peak  double precision not null default 0;
