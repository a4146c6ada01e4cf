-- Whether a process's new action (something a known process never did while learning) opens an
-- incident at once, calibrated per detector from its learning window (docs/incidents.md, "A new
-- action where learning showed none"). Null for detectors built before: they weigh it as novelty.
alter table incident_detector add column new_action_opens boolean;
-- What opened each incident (IncidentTrigger); null for incidents opened before it was recorded.
alter table incident add column opened_by text;
