package io.habitus.model.internal;

/**
 * Too few distinct transitions to train and calibrate a model. The image should then be judged by
 * its allowlist profile alone until more behaviour has been seen.
 */
public class InsufficientTransitionsException extends RuntimeException {

    private final int distinct;
    private final int required;

    public InsufficientTransitionsException(int distinct, int required) {
        super("need at least " + required + " distinct transitions to train a model, got " + distinct);
        this.distinct = distinct;
        this.required = required;
    }

    public int distinct() {
        return distinct;
    }

    public int required() {
        return required;
    }
}
