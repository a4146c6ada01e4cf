-- A container's state and its evidence rows are rewritten by every batch that judges the container (an
-- agent asking per event: every event). Their index on updated_at made each rewrite a new tuple with new
-- entries in both indexes (PostgreSQL's HOT updates need every indexed column unchanged): 0 of 56,000
-- updates were HOT in bench/scoring.sh. The index served only the idle expiry, which runs every few
-- minutes and may scan these tables (one row per live container) instead. Space left free on each page
-- lets the new version of a row go on the row's own page, which a HOT update needs.
drop index if exists behavior_container_state_updated_idx;
drop index if exists incident_evidence_idle;
alter table behavior_container_state set (fillfactor = 50);
alter table incident_evidence set (fillfactor = 50);
