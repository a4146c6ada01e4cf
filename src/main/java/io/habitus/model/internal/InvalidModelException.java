package io.habitus.model.internal;

import org.jspecify.annotations.Nullable;

/** A stored model that must not be used: unreadable text, unknown format, or a checksum mismatch. */
public class InvalidModelException extends RuntimeException {

    public InvalidModelException(String message) {
        super(message);
    }

    public InvalidModelException(@Nullable String message, Throwable cause) {
        super(message, cause);
    }
}
