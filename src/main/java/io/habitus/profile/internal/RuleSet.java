package io.habitus.profile.internal;

import io.habitus.behavior.PathPattern;
import io.habitus.behavior.Token;
import io.habitus.behavior.TokenKind;
import io.habitus.profile.RuleBreach;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A profile's rules laid out for judging: most tokens hit the exact set (their values are
 * already generalised); only tokens missing there are tried against the wildcard patterns.
 */
public final class RuleSet {

    private static final String PARENT = " <- ";

    private record Wildcard(PathPattern.Compiled first, PathPattern.@Nullable Compiled parent) {
        boolean matches(TokenKind kind, String value) {
            if (kind != TokenKind.PROCESS) {
                return first.matches(value);
            }
            int arrow = value.indexOf(PARENT);
            return arrow > 0 && first.matches(value.substring(0, arrow))
                    && parent.matches(value.substring(arrow + PARENT.length()));
        }
    }

    private final Set<String> exact = new HashSet<>();
    private final Map<TokenKind, List<Wildcard>> wildcards = new EnumMap<>(TokenKind.class);
    private final Map<String, Set<String>> parentsByExe = new HashMap<>();

    public RuleSet(List<ProfileEntry> entries) {
        for (ProfileEntry entry : entries) {
            exact.add(key(entry.kind(), entry.pattern()));
            String pattern = entry.pattern();
            if (entry.kind() == TokenKind.PROCESS) {
                int arrow = pattern.indexOf(PARENT);
                String exe = arrow > 0 ? pattern.substring(0, arrow) : pattern;
                String parent = arrow > 0 ? pattern.substring(arrow + PARENT.length()) : "?";
                parentsByExe.computeIfAbsent(exe, e -> new TreeSet<>()).add(parent);
                if (PathPattern.isPattern(exe) || PathPattern.isPattern(parent)) {
                    wildcards.computeIfAbsent(entry.kind(), k -> new ArrayList<>())
                            .add(new Wildcard(PathPattern.compile(exe), PathPattern.compile(parent)));
                }
            } else if (PathPattern.isPattern(pattern)) {
                wildcards.computeIfAbsent(entry.kind(), k -> new ArrayList<>())
                        .add(new Wildcard(PathPattern.compile(pattern), null));
            }
        }
    }

    /** Empty when the token is allowed; otherwise which rule it breaks and why. */
    public Optional<RuleBreach> check(Token token) {
        if (!token.kind().inProfile() || exact.contains(key(token.kind(), token.value()))) {
            return Optional.empty();
        }
        for (Wildcard wildcard : wildcards.getOrDefault(token.kind(), List.of())) {
            if (wildcard.matches(token.kind(), token.value())) {
                return Optional.empty();
            }
        }
        return Optional.of(new RuleBreach(token.kind(), token.value(), reason(token)));
    }

    private String reason(Token token) {
        return switch (token.kind()) {
            case PROCESS -> processReason(token.value());
            case FILE_READ -> "file " + token.value() + " is not read by this image";
            case FILE_WRITE -> "file " + token.value() + " is not written by this image";
            case CONNECT -> "outbound connection " + token.value() + " is not in the profile";
            case LISTEN -> "listening on " + token.value() + " is not in the profile";
            case ACCEPT -> "accepting connections on " + token.value() + " is not in the profile";
            case SYSCALL -> "system call " + token.value() + " is not in the profile";
            case EXIT -> "process exit";
        };
    }

    private String processReason(String value) {
        int arrow = value.indexOf(PARENT);
        String exe = arrow > 0 ? value.substring(0, arrow) : value;
        String parent = arrow > 0 ? value.substring(arrow + PARENT.length()) : "?";
        Set<String> parents = parentsByExe.get(exe);
        if (parents == null) {
            return "binary " + exe + " (started by " + parent + ") is not in the profile";
        }
        return "binary " + exe + " is allowed, but not started by " + parent + "; allowed parents: " + parents;
    }

    private static String key(TokenKind kind, String value) {
        return kind.ordinal() + value;
    }
}
