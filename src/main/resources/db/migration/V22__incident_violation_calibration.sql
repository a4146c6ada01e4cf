-- Whether a broken profile rule opens an incident at once, calibrated per detector on the held-out
-- learning containers (docs/incidents.md). Null for detectors built before: they open one.
alter table incident_detector add column violation_opens boolean;
