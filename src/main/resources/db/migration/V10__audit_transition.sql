-- The transition an audit judged (state before, event token, state after), so that people see
-- the moment it happened in, and an allowed audit can join the next model's training sample.
-- Null for audits written before this column existed.
alter table audit add column transition jsonb;
