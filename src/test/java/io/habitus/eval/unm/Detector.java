package io.habitus.eval.unm;

/**
 * The detectors of the table, in its order. STIDE and the first three Habitus rows flag a trace at
 * an alarm level the tool applies to their per-trace figures; the incident row is the product's own
 * verdict (an incident opened for the trace's container), applied by nobody but the service.
 */
enum Detector {
    STIDE("STIDE"),
    ALLOWLIST("Habitus allowlist"),
    MODEL("Habitus model"),
    COMBINED("Habitus combined"),
    INCIDENT("Habitus incident");

    private final String label;

    Detector(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** Whether the tool flags a trace by comparing its figure with an alarm level (false: the product decides). */
    boolean hasAlarmLevel() {
        return this != INCIDENT;
    }
}
