package io.habitus.alert;

/** What a sink takes: new audits (deviations), incidents (opened, severity raised), or both. */
public enum AlertKind {
    AUDITS, INCIDENTS
}
