package io.habitus.bench.training;

import java.util.HashMap;
import java.util.Map;

/** {@code --name=value} flags and {@code --help}. */
final class Flags {

    private Flags() {
    }

    static Map<String, String> parse(String[] args, String usage) {
        Map<String, String> flags = new HashMap<>();
        for (String arg : args) {
            if (arg.equals("--help") || !arg.startsWith("--")) {
                System.out.print(usage);
                System.exit(arg.equals("--help") ? 0 : 2);
            }
            int equals = arg.indexOf('=');
            flags.put(equals < 0 ? arg.substring(2) : arg.substring(2, equals), equals < 0 ? "" : arg.substring(equals + 1));
        }
        return flags;
    }
}
