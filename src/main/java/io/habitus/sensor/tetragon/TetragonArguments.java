package io.habitus.sensor.tetragon;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Splits Tetragon's {@code arguments} string back into arguments: Tetragon joins them with spaces
 * and wraps an argument that contains a space in double quotes ({@code -g "daemon off;"}).
 */
final class TetragonArguments {

    private TetragonArguments() {
    }

    static @Nullable List<String> split(@Nullable String arguments) {
        if (arguments == null || arguments.isBlank()) {
            return List.of();
        }
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean started = false;
        for (int i = 0; i < arguments.length(); i++) {
            char c = arguments.charAt(i);
            if (quoted && c == '\\' && i + 1 < arguments.length() && arguments.charAt(i + 1) == '"') {
                current.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
                started = true;
            } else if (c == ' ' && !quoted) {
                if (started) {
                    args.add(current.toString());
                    current.setLength(0);
                    started = false;
                }
            } else {
                current.append(c);
                started = true;
            }
        }
        if (started) {
            args.add(current.toString());
        }
        return args;
    }
}
