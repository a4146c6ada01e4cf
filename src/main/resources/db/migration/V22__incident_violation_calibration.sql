-- Whether a broken profile rule opens an incident at once, calibrated per detector from its
-- learning window (docs/incidents.md), and the profile version the window built, which that
-- calibration reads. Null for detectors built before: they open one.
alter table incident_detector add column violation_opens boolean;
alter table incident_detector add column profile_version integer;
