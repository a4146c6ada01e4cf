/**
 * Alerts out: new audits and raised incidents pushed to the configured sinks (generic JSON webhook,
 * Slack, Alertmanager, CloudEvents), at least once. After the ingest transaction commits, an
 * {@code @ApplicationModuleListener} (its events recorded by Spring Modulith's JDBC event publication
 * registry in that transaction, so a crash cannot lose them) queues one delivery per alert and sink
 * in a PostgreSQL outbox; a worker on every replica claims due deliveries ({@code SKIP LOCKED}), sends
 * them in batches with timeouts, and retries with backoff or gives up, visibly. Ingest only writes
 * the publication row; a sink that is down slows nothing but its own deliveries.
 */
package io.habitus.alert;
