package io.habitus.ingest;

import io.habitus.shared.FieldError;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Limits checked on the raw JSON before binding: string length, array length, and characters
 * PostgreSQL cannot store in text or jsonb (NUL, unpaired surrogates) — those would otherwise
 * fail the whole batch's write instead of one event.
 */
final class RawEventLimits {

    private record Broken(String field, String reason) {}

    private RawEventLimits() {}

    /** The first broken limit of the event at {@code index}, or {@code null}. */
    static FieldError check(int index, JsonNode node, int maxStringLength, int maxArrayLength) {
        Broken broken = check(node, "", maxStringLength, maxArrayLength);
        return broken == null ? null
                : new FieldError(index, broken.field().isEmpty() ? "(event)" : broken.field(), broken.reason());
    }

    private static Broken check(JsonNode node, String path, int maxStringLength, int maxArrayLength) {
        if (node.isString()) {
            return checkString(node.stringValue(), path, maxStringLength);
        }
        if (node.isArray()) {
            if (node.size() > maxArrayLength) {
                return new Broken(path, "has " + node.size() + " items; at most " + maxArrayLength + " are accepted");
            }
            for (int i = 0; i < node.size(); i++) {
                Broken broken = check(node.get(i), path + "[" + i + "]", maxStringLength, maxArrayLength);
                if (broken != null) {
                    return broken;
                }
            }
            return null;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String childPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                Broken broken = checkString(field.getKey(), childPath, maxStringLength);
                if (broken == null) {
                    broken = check(field.getValue(), childPath, maxStringLength, maxArrayLength);
                }
                if (broken != null) {
                    return broken;
                }
            }
        }
        return null;
    }

    private static Broken checkString(String value, String path, int maxLength) {
        if (value.length() > maxLength) {
            return new Broken(path, "is " + value.length() + " characters long; at most " + maxLength + " are accepted");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                return new Broken(path, "must not contain NUL characters");
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return new Broken(path, "contains an unpaired UTF-16 surrogate");
            }
        }
        return null;
    }
}
