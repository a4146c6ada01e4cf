package io.habitus.sensor.internal;

import io.habitus.shared.FieldError;
import io.habitus.shared.HabitusProblem;
import io.habitus.shared.ProblemType;
import java.util.List;
import org.springframework.http.HttpStatus;

/** A batch whose records that became events are all invalid: nothing was stored, as for {@code /events}. */
public class NoStorableEventsException extends HabitusProblem {

    public NoStorableEventsException(List<FieldError> errors, List<SkipCount> skips) {
        super(HttpStatus.BAD_REQUEST, ProblemType.INVALID_EVENTS, "None of the batch's " + errors.size()
                + " record(s) that map to Habitus events is valid; nothing was stored");
        getBody().setProperty("errors", errors);
        getBody().setProperty("skips", skips);
    }
}
