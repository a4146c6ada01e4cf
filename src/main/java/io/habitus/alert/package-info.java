/**
 * Alerts out: new audits and raised incidents pushed to the configured sinks (generic JSON webhook,
 * Slack, Alertmanager, CloudEvents), at least once. The pipeline's last step
 * ({@link io.habitus.alert.AlertOutbox}) writes one delivery per sink and fact into a PostgreSQL
 * outbox in the ingest transaction, so an alert commits with its audit or incident; a worker on every
 * replica claims due deliveries ({@code SKIP LOCKED}), sends them in batches with timeouts, and
 * retries with backoff or gives up, visibly. A sink that is down slows nothing but its own deliveries.
 */
package io.habitus.alert;
