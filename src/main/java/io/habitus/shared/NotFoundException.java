package io.habitus.shared;

import org.springframework.http.HttpStatus;

/** A resource named in the request does not exist. */
public class NotFoundException extends HabitusProblem {

    public NotFoundException(String detail) {
        super(HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND, detail);
    }
}
