package io.habitus.eval.unm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The {@code --key=value} arguments of the replay tools; a later value of a key wins. */
final class Options {

    private final Map<String, String> values;

    private Options(Map<String, String> values) {
        this.values = values;
    }

    static Options parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("arguments are --key=value, got " + arg);
            }
            values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return new Options(values);
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    String get(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    String required(String key) {
        String value = values.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + key + "= is required");
        }
        return value;
    }

    int integer(String key, int fallback) {
        return Integer.parseInt(get(key, String.valueOf(fallback)));
    }

    long longValue(String key, long fallback) {
        return Long.parseLong(get(key, String.valueOf(fallback)));
    }

    double decimal(String key, double fallback) {
        return Double.parseDouble(get(key, String.valueOf(fallback)));
    }

    /** A comma-separated list; empty when the key is absent. */
    Set<String> set(String key) {
        return has(key) ? Set.of(get(key, "").split(",")) : Set.of();
    }
}
