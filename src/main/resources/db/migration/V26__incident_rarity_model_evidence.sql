-- An incident names every evidence that can open it, not only the sequence and mix evidence: an
-- incident opened by rarity or by the model's anomalous transitions showed a risk above 1 with
-- both of those below their thresholds. Incidents opened before keep 0 (not recorded then).
alter table incident
    add column rarity_evidence double precision not null default 0,
    add column rarity_threshold double precision not null default 0,
    add column model_evidence double precision not null default 0,
    add column model_threshold double precision not null default 0;
