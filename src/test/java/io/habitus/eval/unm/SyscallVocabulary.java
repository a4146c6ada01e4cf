package io.habitus.eval.unm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * The system calls of a corpus in the replay layout, numbered densely in order of first appearance
 * (STIDE's windows need small values; only equality matters to it). A token of decimal digits is a
 * system-call number, sent as {@code syscall.nr}; any other is a name, lower-cased and sent as
 * {@code syscall.name}. Numbers and names are never the same call: the traces do not say which
 * number a name has.
 */
final class SyscallVocabulary implements Syscalls {

    /** STIDE packs a window's calls 10 bits each. */
    static final int CAPACITY = 1 << 10;

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> tokens = new ArrayList<>();

    /** The token's id; fails on a token that is neither a number nor a system-call name. */
    int id(String raw) {
        String token = normalise(raw);
        Integer id = ids.get(token);
        if (id == null) {
            if (tokens.size() == CAPACITY) {
                throw new IllegalArgumentException("more than " + CAPACITY + " distinct system calls");
            }
            id = tokens.size();
            tokens.add(token);
            ids.put(token, id);
        }
        return id;
    }

    int size() {
        return tokens.size();
    }

    @Override
    public String token(int call) {
        return tokens.get(call);
    }

    @Override
    public void describe(int call, ObjectNode syscall) {
        String token = tokens.get(call);
        if (isNumber(token)) {
            syscall.put("nr", Integer.parseInt(token));
        } else {
            syscall.put("name", token);
        }
    }

    private static String normalise(String raw) {
        if (isNumber(raw)) {
            String digits = raw.replaceFirst("^0+(?=.)", "");
            if (digits.length() > 9) {
                throw new IllegalArgumentException("system-call number too large: " + raw);
            }
            return digits;
        }
        String name = raw.toLowerCase(Locale.ROOT);
        if (name.length() > 64 || !name.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
            throw new IllegalArgumentException("neither a system-call number nor a name: '" + raw + "'");
        }
        return name;
    }

    private static boolean isNumber(String token) {
        return !token.isEmpty() && token.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
