package io.habitus.behavior;

import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Paths as agents report them: ordinary names, versions, numbers, UUIDs, hashes, temp names,
 * the container's own names, arbitrary junk, and the odd "//", "." and "..".
 */
public final class PathArbitraries {

    private static final List<String> WORDS = List.of("etc", "nginx", "nginx.conf", "proc", "stat", "var", "cache",
            "x86_64-linux-gnu", "libssl.so.3", "python3.11", "site-packages", "libpython3.11.so.1.0", "client_body_temp",
            "tmp", "sess", "php", "nfs", ".nfs", "utf8mb4", "x509v3", "2026", "8.2", "a", "ISO-8859-1.gz", "go-build");
    private static final String ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private PathArbitraries() {}

    public static Arbitrary<String> paths() {
        Arbitrary<String> segments = segment().list().ofMinSize(1).ofMaxSize(8).map(list -> String.join("/", list));
        return Combinators.combine(Arbitraries.of("/", "", "//"), segments, Arbitraries.of("", "/"))
                .as((lead, body, trail) -> lead + body + trail);
    }

    public static Arbitrary<String> segment() {
        return Arbitraries.frequencyOf(Tuple.of(6, pieces()), Tuple.of(1, Arbitraries.of(".", "..", "")));
    }

    /** One segment made of up to four pieces joined by separators. */
    private static Arbitrary<String> pieces() {
        Arbitrary<String> separator = Arbitraries.of("", ".", "-", "_", "~", "+", ":", "@");
        return Combinators.combine(piece().list().ofMinSize(1).ofMaxSize(4), separator.list().ofSize(3))
                .as((parts, separators) -> {
                    StringBuilder segment = new StringBuilder(parts.getFirst());
                    for (int i = 1; i < parts.size(); i++) {
                        segment.append(separators.get(i - 1)).append(parts.get(i));
                    }
                    return segment.toString();
                })
                .filter(segment -> !segment.isEmpty() && !segment.equals(".") && !segment.equals(".."));
    }

    private static Arbitrary<String> piece() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(WORDS)),
                Tuple.of(2, Arbitraries.longs().between(0, 9_999_999_999L).map(String::valueOf)),
                Tuple.of(1, Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as((high, low) -> new UUID(high, low).toString())),
                Tuple.of(1, Arbitraries.strings().withChars("0123456789abcdef").ofMinLength(8).ofMaxLength(64)),
                Tuple.of(2, Arbitraries.strings().withChars(ALNUM).ofMinLength(1).ofMaxLength(24)),
                Tuple.of(1, Arbitraries.strings().withChars(ALNUM).ofMinLength(3).ofMaxLength(12).map(s -> "tmp" + s)),
                Tuple.of(1, Arbitraries.of(Events.CONTAINER_ID, Events.CONTAINER_ID.substring(0, 12), Events.POD)),
                Tuple.of(2, Arbitraries.strings().withChars(ALNUM + "._-").ofMinLength(1).ofMaxLength(16)));
    }
}
