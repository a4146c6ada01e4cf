package io.habitus.incident.internal;

/**
 * Behaviour a detector's dry run saw raise incidents on several containers and nodes: offered to
 * a person as "this is normal", never learned without one.
 *
 * @param sequenceFingerprint the sequence's fingerprint in hex, as the incidents' reasons name it
 * @param sequence            the sequence as tokens (one example)
 */
public record ProposedSequence(String sequenceFingerprint, String sequence, String token, long containers, long nodes,
        long incidents) {}
