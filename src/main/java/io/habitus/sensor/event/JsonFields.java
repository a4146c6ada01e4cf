package io.habitus.sensor.event;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Lenient reads of sensors' JSON: protojson writes 64-bit integers as strings, Falco writes
 * {@code null} or {@code <NA>} for values it does not know. Anything unusable is null.
 */
public final class JsonFields {

    private JsonFields() {
    }

    /** The object at the path, or null. */
    public static @Nullable JsonNode object(@Nullable JsonNode node, String... path) {
        JsonNode current = node;
        for (String field : path) {
            if (current == null || !current.isObject()) {
                return null;
            }
            current = current.get(field);
        }
        return current != null && current.isObject() ? current : null;
    }

    /** A non-blank text value (numbers and booleans as their text), or null. */
    public static @Nullable String text(@Nullable JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isContainer() || value.isMissingNode()) {
            return null;
        }
        String text = value.isString() ? value.stringValue() : value.asString();
        return text.isBlank() || text.equals("<NA>") ? null : text;
    }

    /** A non-negative whole number, written as a JSON number or as a decimal string; else null. */
    public static @Nullable Long number(@Nullable JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue() >= 0 ? value.longValue() : null;
        }
        if (value.isString()) {
            try {
                long parsed = Long.parseLong(value.stringValue().strip());
                return parsed >= 0 ? parsed : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
