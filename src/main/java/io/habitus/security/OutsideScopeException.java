package io.habitus.security;

import io.habitus.shared.FieldError;
import io.habitus.shared.HabitusProblem;
import io.habitus.shared.ProblemType;
import java.util.List;
import org.springframework.http.HttpStatus;

/** A request the caller's token scope does not cover: 403, with the events that fall outside it. */
public class OutsideScopeException extends HabitusProblem {

    public OutsideScopeException(String detail, List<FieldError> errors) {
        super(HttpStatus.FORBIDDEN, ProblemType.FORBIDDEN, detail);
        if (!errors.isEmpty()) {
            getBody().setProperty("errors", List.copyOf(errors));
        }
    }
}
