package io.habitus.audit.internal;

/** Whether an audit still stands or a person accepted it as normal. */
public enum AuditStatus { OPEN, ALLOWED }
