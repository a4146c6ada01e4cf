package io.habitus.sensor.internal;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why a sensor's record did not become a Habitus event. None is an error: sensors report far more
 * than Habitus learns from, and the shipper must not retry or drop a batch because of it.
 */
public enum SkipReason {
    /** A process outside any container (Tetragon: no {@code pod}; Falco: container id {@code host}). */
    HOST_PROCESS("host-process"),
    /** A container whose image digest the sensor did not report: Habitus learns per digest. */
    NO_IMAGE_DIGEST("no-image-digest"),
    /** An event kind Habitus does not use (Tetragon Enterprise's process_connect, a Falco plugin source, …). */
    UNSUPPORTED_KIND("unsupported-kind"),
    /** A kprobe function or tracepoint that has no Habitus event type. */
    UNSUPPORTED_FUNCTION("unsupported-function"),
    /** A record of a known kind without a field its Habitus event needs (a Falco rule's output fields). */
    MISSING_FIELDS("missing-fields");

    private final String wireName;

    SkipReason(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
