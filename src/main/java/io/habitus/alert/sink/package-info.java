/**
 * What each kind of sink receives: the body, its media type and headers for a batch of alerts (generic
 * JSON webhook, Slack, Alertmanager, CloudEvents), within the sink's batch and body bounds, and the
 * HMAC signature of signed sinks.
 */
package io.habitus.alert.sink;
