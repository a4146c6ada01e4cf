package io.habitus.ingest.internal;

import io.habitus.shared.HabitusProblem;
import io.habitus.shared.ProblemType;
import org.springframework.http.HttpStatus;

/** A batch with more events than {@code habitus.ingest.max-events-per-batch}. */
public class TooManyEventsException extends HabitusProblem {

    public TooManyEventsException(int count, int limit) {
        super(HttpStatus.CONTENT_TOO_LARGE, ProblemType.PAYLOAD_TOO_LARGE,
                "The batch has " + count + " events; at most " + limit + " are accepted per batch. Split it.");
    }
}
