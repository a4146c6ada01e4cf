-- How much more held-out learning containers' novel counts vary than independent events would, per
-- length (container sequence, process's own sequence, process's action): the beta-binomial's
-- intra-container correlation that weighs a container's novelty (docs/incidents.md, "Novelty comes in
-- bursts"). Null for detectors built before it was measured: they weigh novelty as a binomial.
alter table incident_detector add column novelty_dispersions double precision[];
