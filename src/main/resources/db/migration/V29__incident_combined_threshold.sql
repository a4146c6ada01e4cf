-- The combined evidence: a container whose sequence and rarity evidence are both close to their
-- thresholds (each short of it) is as unusual as one past either. Its threshold is on the sum of the
-- two ratios, calibrated on the held-out learning containers like the others (docs/incidents.md,
-- "Combined evidence"). Null for detectors built before it was learned: no combined evidence.
alter table incident_detector add column combined_threshold double precision;
