package io.habitus.audit;

/** Whether an audit still stands or a person accepted it as normal. */
public enum AuditStatus { OPEN, ALLOWED }
