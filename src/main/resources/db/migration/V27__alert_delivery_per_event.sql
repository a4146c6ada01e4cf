-- One outbox row per sink and published fact (the audits one commit opened, or one incident change)
-- instead of one per alert and sink. A judged 500-event batch that opened a dozen audits wrote,
-- claimed and marked delivered a dozen rows per sink, each update copying its whole alert
-- (bench/ingest.sh: sinks cost 0.76-0.84 of the throughput without). Now it is one row per sink,
-- its alerts a JSON array of {"id": <what receivers deduplicate on>, "alert": {...}}, and
-- alert_count says how many. Stored as json, not jsonb: nothing queries inside it, and json is
-- only checked, not parsed into a binary form, on every insert.
alter table alert_delivery rename column alert to alerts;
alter table alert_delivery alter column alerts type json
    using jsonb_build_array(jsonb_build_object('id', delivery_id, 'alert', alerts))::json;
alter table alert_delivery add column alert_count int not null default 1 check (alert_count > 0);
alter table alert_delivery alter column alert_count drop default;
