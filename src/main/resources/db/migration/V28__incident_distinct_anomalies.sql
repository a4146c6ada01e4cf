-- The model's evidence counts a container's distinct ANOMALOUS transitions (by their container
-- sequence), not every ANOMALOUS event: a container that repeats one unlearned transition in a loop
-- gave the binomial null (independent events at the model's event rate) dozens of "independent"
-- anomalies, and normal containers whose anomalies cluster so opened incidents (docs/incidents.md,
-- "Model evidence"). anomalous_events now counts distinct sequences; anomalous_seen is the Bloom
-- filter of those already counted in the episode (4,096 bits; null until the first).
alter table incident_evidence add column anomalous_seen bytea;
