-- Alert module: the outbox of alerts to push to the configured sinks. One row per alert and sink,
-- written after the deviation or incident committed (by an after-commit listener the publication
-- registry guarantees) and sent by a worker on any replica. Rows stay after delivery (or after
-- giving up) for the retention period, so that what was sent, and what was not, stays visible.
create table alert_delivery (
    id              bigint generated always as identity primary key,
    -- Sent to the receiver (header and payload) so that it can drop a repeated delivery.
    delivery_id     uuid        not null unique,
    sink            text        not null,
    -- What the alert is about, e.g. audit:123 or incident:45:HIGH; one delivery per sink and key, so
    -- that a listener run twice (at-least-once) queues an alert once.
    alert_key       text        not null,
    alert_type      text        not null,
    severity        text        not null check (severity in ('LOW', 'MEDIUM', 'HIGH')),
    alert           jsonb       not null,
    created_at      timestamptz not null,
    state           text        not null default 'PENDING' check (state in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        int         not null default 0,
    -- When the worker may try next; set ahead while a worker holds the row (a lease), so that a
    -- worker killed mid-request leaves the row to be retried once the lease runs out.
    next_attempt_at timestamptz not null,
    last_attempt_at timestamptz,
    last_status     int,
    last_error      text,
    delivered_at    timestamptz,
    failed_at       timestamptz,
    unique (sink, alert_key)
);
create index alert_delivery_due_idx on alert_delivery (sink, next_attempt_at, id) where state = 'PENDING';
create index alert_delivery_failed_idx on alert_delivery (sink, id) where state = 'FAILED';
create index alert_delivery_created_idx on alert_delivery (created_at);
