package io.habitus.incident;

/**
 * How strongly an incident's evidence passed its threshold: LOW below twice the threshold, MEDIUM
 * below four times, HIGH beyond, and HIGH whenever a profile rule was broken.
 */
public enum Severity {
    LOW, MEDIUM, HIGH;

    public static Severity of(double risk, boolean violation) {
        if (violation || risk >= 4) {
            return HIGH;
        }
        return risk >= 2 ? MEDIUM : LOW;
    }
}
