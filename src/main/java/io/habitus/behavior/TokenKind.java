package io.habitus.behavior;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What a token says happened; its {@link #verb()} is the first word of the token's text. */
public enum TokenKind {
    PROCESS("exec"),
    FILE_READ("read"),
    FILE_WRITE("write"),
    CONNECT("connect"),
    LISTEN("listen"),
    ACCEPT("accept"),
    SYSCALL("syscall"),
    EXIT("exit");

    private static final Map<String, TokenKind> BY_VERB =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(TokenKind::verb, Function.identity()));

    private final String verb;

    TokenKind(String verb) {
        this.verb = verb;
    }

    public String verb() {
        return verb;
    }

    /** Process exits change a container's state but are no allowlist rules: anything may end. */
    public boolean inProfile() {
        return this != EXIT;
    }

    /** Whether the token's value is a file path (and may be a path pattern). */
    public boolean isPath() {
        return this == FILE_READ || this == FILE_WRITE;
    }

    /** Whether the token's value is {@code <protocol>/<port>}. */
    public boolean isNetwork() {
        return this == CONNECT || this == LISTEN || this == ACCEPT;
    }

    public static TokenKind fromVerb(String verb) {
        TokenKind kind = verb == null ? null : BY_VERB.get(verb);
        if (kind == null) {
            throw new IllegalArgumentException("unknown token verb '" + verb + "', expected one of "
                    + BY_VERB.keySet().stream().sorted().toList());
        }
        return kind;
    }
}
