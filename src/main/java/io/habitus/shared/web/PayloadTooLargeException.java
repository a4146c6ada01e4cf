package io.habitus.shared.web;

import java.io.IOException;

/**
 * Thrown from inside the request stream when a body passes its limit. It is an {@link IOException}
 * so that it travels through whatever reads the body and is recognised by the exception handler.
 */
public class PayloadTooLargeException extends IOException {

    public PayloadTooLargeException(long limit) {
        super("request body exceeds the limit of " + limit + " bytes");
    }
}
