package io.habitus.shared;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Base of the domain exceptions that map to a problem response. Modules subclass it so that one
 * handler renders them all with a stable type URI.
 */
public class HabitusProblem extends ErrorResponseException {

    public HabitusProblem(HttpStatus status, ProblemType type, @Nullable String detail) {
        super(status, problem(status, type, detail), null);
    }

    public static ProblemDetail problem(HttpStatus status, ProblemType type, @Nullable String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        return problem;
    }

    @Override
    public String getMessage() {
        return Objects.requireNonNullElseGet(getBody().getDetail(), super::getMessage);
    }
}
