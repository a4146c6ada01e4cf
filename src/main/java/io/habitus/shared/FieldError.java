package io.habitus.shared;

import org.jspecify.annotations.Nullable;

/**
 * One broken constraint, named by a JSON path-like field ({@code events[3].container.imageDigest}).
 *
 * @param index the position of the offending item in a list, or {@code null} for the request itself
 */
public record FieldError(@Nullable Integer index, String field, String reason) {

    public FieldError {
        if (field == null || reason == null) {
            throw new IllegalArgumentException("field and reason are required");
        }
    }
}
