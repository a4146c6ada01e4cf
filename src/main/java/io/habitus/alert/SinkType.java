package io.habitus.alert;

/**
 * The kinds of receivers Habitus pushes alerts to, each with the batch size it takes by default.
 */
public enum SinkType {
    /** A generic JSON webhook: {@code {"alerts": [...]}}, signed with HMAC-SHA256 when a secret is set. */
    WEBHOOK(50),
    /** A Slack-compatible incoming webhook: one message with a line of text and blocks per alert. */
    SLACK(10),
    /** Alertmanager's {@code POST /api/v2/alerts}: an array of alerts. */
    ALERTMANAGER(100),
    /**
     * CloudEvents over HTTP, structured content mode: one {@code application/cloudevents+json} event
     * per request, or a batch ({@code application/cloudevents-batch+json}) when the sink's batch size
     * is above one.
     */
    CLOUDEVENTS(1);

    private final int defaultBatchSize;

    SinkType(int defaultBatchSize) {
        this.defaultBatchSize = defaultBatchSize;
    }

    public int defaultBatchSize() {
        return defaultBatchSize;
    }
}
