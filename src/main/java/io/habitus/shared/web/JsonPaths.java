package io.habitus.shared.web;

import java.util.List;
import tools.jackson.core.JacksonException;

/** Renders Jackson's reference path as {@code events[3].process.pid}, the way clients name fields. */
public final class JsonPaths {

    private JsonPaths() {}

    public static String of(List<JacksonException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                out.append('[').append(reference.getIndex()).append(']');
            }
        }
        return out.isEmpty() ? "(body)" : out.toString();
    }
}
