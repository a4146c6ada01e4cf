/**
 * Audit records of deviations (ANOMALOUS and VIOLATION verdicts): stored as they are judged,
 * deduplicated per container within a window, searchable, and turned into profile rules when a
 * person accepts them as normal. The audits a batch opened are published ({@code AuditsOpened}) in
 * its transaction, for listeners after commit (alerts).
 */
package io.habitus.audit;
