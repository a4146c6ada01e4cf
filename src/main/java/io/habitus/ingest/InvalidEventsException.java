package io.habitus.ingest;

import io.habitus.shared.FieldError;
import io.habitus.shared.HabitusProblem;
import io.habitus.shared.ProblemType;
import java.util.List;
import org.springframework.http.HttpStatus;

/** Events that must all be valid (a score request) and are not: nothing is scored or stored. */
public class InvalidEventsException extends HabitusProblem {

    private final List<FieldError> errors;

    public InvalidEventsException(int total, List<FieldError> errors) {
        this("events", total, errors);
    }

    /** @param list the request field holding the events, named in the detail */
    public InvalidEventsException(String list, int total, List<FieldError> errors) {
        super(HttpStatus.BAD_REQUEST, ProblemType.INVALID_EVENTS,
                errors.stream().map(FieldError::index).distinct().count() + " of the " + total + " " + list
                        + " are invalid; nothing was scored or stored");
        this.errors = List.copyOf(errors);
        getBody().setProperty("errors", this.errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
