package io.habitus.shared.web;

import java.io.IOException;

/**
 * Thrown from inside the request stream when a JSON body is not well-formed UTF-8. It is an
 * {@link IOException} so that it travels through the JSON parser and is recognised by the
 * exception handler, like {@link PayloadTooLargeException}.
 */
final class MalformedUtf8Exception extends IOException {

    MalformedUtf8Exception(String problem) {
        super("The body is not valid UTF-8: " + problem);
    }
}
