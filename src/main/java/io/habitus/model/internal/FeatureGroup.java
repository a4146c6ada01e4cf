package io.habitus.model.internal;

/**
 * The named groups of the transition encoding (version 1, {@link #SEQUENCE} since version 2, the
 * acting process's groups since version 3). The names are part of the stored
 * feature specification (group weights) and of the hash keys: never rename one.
 */
enum FeatureGroup {
    /** The event's token. */
    EVENT("event", false),
    /** The previous token × the event's token. */
    BIGRAM("bigram", false),
    /** The event × each of the last k tokens, weighted by recency (decay^position). */
    CONTEXT("context", false),
    /** The last k tokens themselves, weighted by recency: the sequence part of the state. */
    RECENT("recent", false),
    /** How many tokens of each kind (exec, read, …) the last k tokens hold, log1p. */
    KINDS("kinds", true),
    /** The live processes before the event. */
    PROCESSES("processes", false),
    /** The event × each live process before it: which binaries were running when it happened. */
    EVENT_PROCESSES("eventProcesses", false),
    /** Processes the transition started (+) or ended (−). */
    DELTA("delta", false),
    /**
     * Since version 2: the exact, ordered sequence of the last tokens and the event (one feature,
     * {@link TransitionEncoder#SEQUENCE_LENGTH} tokens long): a short sequence never seen is far
     * from every learned one, whatever the longer mix around it.
     */
    SEQUENCE("sequence", false),
    /** Since version 3: the event × the process that performed it ({@code exe <- parent exe}). */
    ACTOR("actor", false),
    /** Since version 3: the acting process's own previous token × the event ({@code ^} for its first event). */
    ACTOR_BIGRAM("actorBigram", false),
    /**
     * Since version 3: the acting process's own last tokens and the event, exact and ordered (one
     * feature, {@link TransitionEncoder#ACTOR_SEQUENCE_LENGTH} tokens long): what this process did
     * just before, free of what other processes did in between.
     */
    ACTOR_SEQUENCE("actorSequence", false);

    /** The first encoding version that has this group. */
    int since() {
        return switch (this) {
            case SEQUENCE -> 2;
            case ACTOR, ACTOR_BIGRAM, ACTOR_SEQUENCE -> 3;
            default -> 1;
        };
    }

    private final String key;
    private final boolean log1p;

    FeatureGroup(String key, boolean log1p) {
        this.key = key;
        this.log1p = log1p;
    }

    String key() {
        return key;
    }

    boolean log1p() {
        return log1p;
    }
}
