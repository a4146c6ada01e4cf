package io.habitus.ingest.internal;

import io.habitus.shared.FieldError;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Limits checked on the raw JSON, unknown fields included (they are stored too): string length,
 * array length, and characters PostgreSQL cannot store in text or jsonb (NUL, unpaired
 * surrogates) — those would otherwise fail the whole batch's write instead of one event. The
 * field path is only spelled out when a limit is broken: this runs for every event.
 */
final class RawEventLimits {

    private final int maxStringLength;
    private final int maxArrayLength;
    /** Strings known to hold no NUL or surrogate (no escape in their JSON text): only their length is checked. */
    private final boolean plainStrings;
    private final Deque<Object> path = new ArrayDeque<>();
    private @Nullable String reason;

    private RawEventLimits(int maxStringLength, int maxArrayLength, boolean plainStrings) {
        this.maxStringLength = maxStringLength;
        this.maxArrayLength = maxArrayLength;
        this.plainStrings = plainStrings;
    }

    /**
     * The first broken limit of the event at {@code index}, or {@code null}.
     *
     * @param plainStrings the strings are known to hold no NUL or surrogate: only their lengths are checked
     */
    static @Nullable FieldError check(int index, JsonNode node, int maxStringLength, int maxArrayLength, boolean plainStrings) {
        RawEventLimits limits = new RawEventLimits(maxStringLength, maxArrayLength, plainStrings);
        return limits.fits(node) ? null : new FieldError(index, limits.field(), limits.reason);
    }

    private boolean fits(JsonNode node) {
        if (node.isString()) {
            return fitsString(node.stringValue());
        }
        if (node.isArray()) {
            if (node.size() > maxArrayLength) {
                reason = "has " + node.size() + " items; at most " + maxArrayLength + " are accepted";
                return false;
            }
            for (int i = 0; i < node.size(); i++) {
                path.addLast(i);
                if (!fits(node.get(i))) {
                    return false;
                }
                path.removeLast();
            }
            return true;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                path.addLast(field.getKey());
                if (!fitsString(field.getKey()) || !fits(field.getValue())) {
                    return false;
                }
                path.removeLast();
            }
        }
        return true;
    }

    private boolean fitsString(String value) {
        if (value.length() > maxStringLength) {
            reason = "is " + value.length() + " characters long; at most " + maxStringLength + " are accepted";
            return false;
        }
        if (plainStrings) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                reason = "must not contain NUL characters";
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                reason = "contains an unpaired UTF-16 surrogate";
                return false;
            }
        }
        return true;
    }

    private String field() {
        StringBuilder out = new StringBuilder();
        for (Iterator<Object> it = path.iterator(); it.hasNext();) {
            Object segment = it.next();
            if (segment instanceof Integer i) {
                out.append('[').append(i).append(']');
            } else {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(segment);
            }
        }
        return out.isEmpty() ? "(event)" : out.toString();
    }
}
