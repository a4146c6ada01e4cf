package io.habitus.ingest;

import io.habitus.shared.FieldError;
import io.habitus.shared.HabitusProblem;
import io.habitus.shared.ProblemType;
import java.util.List;
import org.springframework.http.HttpStatus;

/** A batch none of whose events is valid: nothing is stored, and the batchId stays unused. */
public class NoValidEventsException extends HabitusProblem {

    public NoValidEventsException(List<FieldError> errors) {
        super(HttpStatus.BAD_REQUEST, ProblemType.INVALID_EVENTS,
                "None of the batch's " + errors.size() + " event(s) is valid; nothing was stored");
        getBody().setProperty("errors", errors);
    }
}
