-- The acting process of each sampled transition (exe <- parent) and its own last tokens before the
-- event; null for transitions sampled before they were kept.
alter table model_sample add column actor text;
alter table model_sample add column actor_recent text[];
