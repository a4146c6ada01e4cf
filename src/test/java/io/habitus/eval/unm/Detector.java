package io.habitus.eval.unm;

/** The four detectors of the table, in its order. */
enum Detector {
    STIDE("STIDE"),
    ALLOWLIST("Habitus allowlist"),
    MODEL("Habitus model"),
    COMBINED("Habitus combined");

    private final String label;

    Detector(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
