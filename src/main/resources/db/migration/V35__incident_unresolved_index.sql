-- The incidents people still have to act on, counted for the habitus_incidents_unresolved gauge every
-- half minute on every replica: a partial index keeps that count off the table's closed history.
create index incident_unresolved on incident (status, dry_run) where status in ('OPEN', 'ACKNOWLEDGED');
