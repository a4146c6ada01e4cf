package io.habitus.ingest.internal;

import com.github.benmanes.caffeine.cache.Interner;
import io.habitus.ingest.ContainerRef;
import io.habitus.ingest.EventType;
import io.habitus.ingest.FileInfo;
import io.habitus.ingest.NetworkInfo;
import io.habitus.ingest.ProcessInfo;
import io.habitus.ingest.RuntimeEvent;
import io.habitus.ingest.SyscallInfo;
import io.habitus.shared.FieldError;
import io.habitus.shared.ImageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads one event from its JSON tree into a {@link RuntimeEvent}, collecting every broken rule.
 * Written by hand rather than with data binding plus Bean Validation: it runs for every ingested
 * event, and binding and reflective validation were the largest costs of ingest (see
 * bench/README.md). The rules are those documented on {@link RuntimeEvent}'s records.
 */
// The parts of an event are built even from broken input, to find every broken rule at once; they
// are thrown away when one was found, so a non-null field may hold null only in such a discarded part.
@SuppressWarnings("NullAway")
final class EventReader {

    /**
     * One {@code String} per value of the fields that repeat on nearly every event (container ids,
     * digests, node and pod names, executables): every step after parsing keys maps by them, and a
     * shared copy has its hash computed once. Weak: a value no state or cache holds any more goes.
     */
    private static final Interner<String> REPEATED = Interner.newWeakInterner();

    private static final String NOT_NULL = "must not be null";
    private static final String NOT_BLANK = "must not be blank";

    private final int index;
    private final List<FieldError> errors;

    private EventReader(int index, List<FieldError> errors) {
        this.index = index;
        this.errors = errors;
    }

    /** The event, or {@code null} when it broke a rule (then {@code errors} says which). */
    static @Nullable RuntimeEvent read(int index, JsonNode node, List<FieldError> errors) {
        return new EventReader(index, errors).event(node);
    }

    private @Nullable RuntimeEvent event(JsonNode node) {
        Instant time = time(node.get("time"));
        EventType type = type(node.get("type"));
        ContainerRef container = container(node.get("container"));
        ProcessInfo process = process(node.get("process"));
        FileInfo file = present(node, "file") ? file(node.get("file")) : null;
        NetworkInfo network = present(node, "network") ? network(node.get("network")) : null;
        SyscallInfo syscall = present(node, "syscall") ? syscall(node.get("syscall")) : null;
        if (!errors.isEmpty()) {
            return null;
        }
        return new RuntimeEvent(time, type, container, process, file, network, syscall);
    }

    private @Nullable Instant time(@Nullable JsonNode node) {
        if (missing(node)) {
            return fail("time", NOT_NULL);
        }
        if (!node.isString()) {
            return fail("time", "must be an ISO-8601 time such as 2026-11-28T10:00:00.123Z");
        }
        Instant common = UtcTimes.parseCommonForm(node.stringValue());
        if (common != null) {
            return common;
        }
        try {
            return OffsetDateTime.parse(node.stringValue(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return fail("time", "must be an ISO-8601 time such as 2026-11-28T10:00:00.123Z");
        }
    }

    private @Nullable EventType type(@Nullable JsonNode node) {
        if (missing(node)) {
            return fail("type", NOT_NULL);
        }
        try {
            return EventType.fromWireName(node.isString() ? node.stringValue() : node.toString());
        } catch (IllegalArgumentException e) {
            return fail("type", e.getMessage());
        }
    }

    private @Nullable ContainerRef container(@Nullable JsonNode node) {
        if (!object(node, "container")) {
            return null;
        }
        String id = required(node, "container", "id");
        String digest = optional(node, "container", "imageDigest");
        if (digest == null) {
            fail("container.imageDigest", NOT_NULL);
        } else if (!ImageDigest.isValid(digest)) {
            fail("container.imageDigest", "must be sha256:<64 lower-case hex>");
        }
        return new ContainerRef(canonical(id), canonical(optional(node, "container", "image")), canonical(digest),
                canonical(optional(node, "container", "node")), canonical(optional(node, "container", "namespace")),
                canonical(optional(node, "container", "pod")), canonical(optional(node, "container", "cluster")));
    }

    private @Nullable ProcessInfo process(@Nullable JsonNode node) {
        if (!object(node, "process")) {
            return null;
        }
        JsonNode args = node.get("args");
        List<String> argList = null;
        if (!missing(args)) {
            if (!args.isArray()) {
                fail("process.args", "must be an array of strings");
            } else {
                argList = new ArrayList<>(args.size());
                for (int i = 0; i < args.size(); i++) {
                    if (!args.get(i).isString()) {
                        fail("process.args[" + i + "]", "must be a string");
                    } else {
                        argList.add(args.get(i).stringValue());
                    }
                }
            }
        }
        return new ProcessInfo(natural(node, "process", "pid"), natural(node, "process", "ppid"),
                canonical(required(node, "process", "exe")), argList, natural(node, "process", "uid"),
                canonical(optional(node, "process", "parentExe")), optional(node, "process", "execId"),
                optional(node, "process", "parentExecId"));
    }

    private @Nullable FileInfo file(@Nullable JsonNode node) {
        return object(node, "file") ? new FileInfo(required(node, "file", "path")) : null;
    }

    private @Nullable NetworkInfo network(@Nullable JsonNode node) {
        if (!object(node, "network")) {
            return null;
        }
        String protocol = optional(node, "network", "protocol");
        if (protocol == null) {
            fail("network.protocol", NOT_NULL);
        } else if (!Chars.isProtocol(protocol)) {
            fail("network.protocol", "must be a lower-case protocol name such as tcp or udp");
        }
        Long port = natural(node, "network", "port");
        if (port == null && errors.stream().noneMatch(e -> e.field().equals("network.port"))) {
            fail("network.port", NOT_NULL);
        } else if (port != null && port > 65535) {
            fail("network.port", "must be less than or equal to 65535");
        }
        return new NetworkInfo(protocol, port == null ? null : port.intValue(), optional(node, "network", "address"));
    }

    private @Nullable SyscallInfo syscall(@Nullable JsonNode node) {
        if (!object(node, "syscall")) {
            return null;
        }
        String name = optional(node, "syscall", "name");
        if (name != null && !Chars.isSyscallName(name)) {
            fail("syscall.name", "must be a lower-case system call name");
        }
        Long nr = natural(node, "syscall", "nr");
        if (name == null && nr == null && errors.stream().noneMatch(e -> e.field().startsWith("syscall."))) {
            fail("syscall", "a syscall needs a name, a number (nr) or both");
        }
        return new SyscallInfo(name, nr == null || nr > Integer.MAX_VALUE ? null : nr.intValue());
    }

    private boolean object(@Nullable JsonNode node, String field) {
        if (missing(node)) {
            fail(field, NOT_NULL);
            return false;
        }
        if (!node.isObject()) {
            fail(field, "must be an object");
            return false;
        }
        return true;
    }

    private @Nullable String required(JsonNode parent, String section, String field) {
        String value = optional(parent, section, field);
        if (value == null || value.isBlank()) {
            if (errors.stream().noneMatch(e -> e.field().equals(section + "." + field))) {
                fail(section + "." + field, NOT_BLANK);
            }
            return null;
        }
        return value;
    }

    private @Nullable String optional(JsonNode parent, String section, String field) {
        JsonNode node = parent.get(field);
        if (missing(node)) {
            return null;
        }
        if (!node.isString()) {
            return fail(section + "." + field, "must be a string");
        }
        return node.stringValue();
    }

    private @Nullable Long natural(JsonNode parent, String section, String field) {
        JsonNode node = parent.get(field);
        if (missing(node)) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            return fail(section + "." + field, "must be a whole number");
        }
        long value = node.longValue();
        if (value < 0) {
            return fail(section + "." + field, "must be greater than or equal to 0");
        }
        return value;
    }

    private static boolean present(JsonNode node, String field) {
        return !missing(node.get(field));
    }

    private static boolean missing(@Nullable JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    private static @Nullable String canonical(@Nullable String value) {
        return value == null ? null : REPEATED.intern(value);
    }

    private <T> @Nullable T fail(String field, @Nullable String reason) {
        errors.add(new FieldError(index, field, reason));
        return null;
    }

    /** Character classes of the few fields with a fixed alphabet, without regular expressions. */
    private static final class Chars {

        static boolean isProtocol(String s) {
            if (s.isEmpty() || s.length() > 16) {
                return false;
            }
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                    return false;
                }
            }
            return true;
        }

        static boolean isSyscallName(String s) {
            if (s.isEmpty() || s.length() > 64) {
                return false;
            }
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
                    return false;
                }
            }
            return true;
        }
    }
}
