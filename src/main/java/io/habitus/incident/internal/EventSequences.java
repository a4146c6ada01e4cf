package io.habitus.incident.internal;

/**
 * The fingerprints of the short sequences one event ends, at the three lengths the detector
 * learns (docs/incidents.md, "Novelty at three lengths"), indexed as {@link #SEQUENCE},
 * {@link #LOCAL} and {@link #ACTION}.
 *
 * @param sequence the container's last tokens and the event's, by the acting process (STIDE's unit)
 * @param local    the acting process's own last tokens and the event's
 * @param action   the acting process and the event's token
 */
public record EventSequences(long sequence, long local, long action) {

    static final int SEQUENCE = 0;
    static final int LOCAL = 1;
    static final int ACTION = 2;
    static final int LENGTHS = 3;

    long at(int length) {
        return switch (length) {
            case SEQUENCE -> sequence;
            case LOCAL -> local;
            case ACTION -> action;
            default -> throw new IllegalArgumentException("no sequence length " + length);
        };
    }
}
