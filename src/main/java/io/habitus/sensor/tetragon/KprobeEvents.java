package io.habitus.sensor.tetragon;

import io.habitus.sensor.event.EventDraft;
import io.habitus.sensor.event.JsonFields;
import io.habitus.sensor.internal.SkipReason;
import io.habitus.sensor.internal.Translation;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The kprobe functions Habitus understands, and what each becomes. File access: the LSM hooks and
 * {@code fd_install} that Tetragon's file-monitoring policies attach to, and the read/write system
 * calls with a file argument (older policies). Network: the TCP functions of its network policies.
 * Any other system-call kprobe ({@code __x64_sys_setuid}) becomes a {@code syscall} event by name.
 */
final class KprobeEvents {

    /** Kernel permission mask bits (include/linux/fs.h): MAY_WRITE and MAY_APPEND are writes. */
    private static final int MAY_WRITE = 0x2;
    private static final int MAY_APPEND = 0x8;

    private static final Set<String> OPENS = Set.of("fd_install", "security_file_open", "security_file_permission");
    private static final Pattern SYSCALL = Pattern.compile("^(?:__x64_|__ia32_|__arm64_|__se_|__do_)?sys_([a-z0-9_]{1,64})$");
    private static final Set<String> FILE_READS = Set.of("read", "readv", "pread64", "preadv", "preadv2");
    private static final Set<String> FILE_WRITES = Set.of("write", "writev", "pwrite64", "pwritev", "pwritev2");

    private KprobeEvents() {
    }

    /**
     * The event of a kprobe, or a skip. {@code draft} makes a draft of the given type with the
     * record's container and process already filled in.
     */
    static Translation translate(JsonNode kprobe, Function<String, EventDraft> draft) {
        String function = JsonFields.text(kprobe, "function_name");
        if (function == null) {
            return Translation.skip(SkipReason.MISSING_FIELDS, "process_kprobe without function_name");
        }
        JsonNode args = kprobe.get("args");
        if (OPENS.contains(function)) {
            return file(function, args, draft, function.equals("security_file_permission") && writes(args));
        }
        switch (function) {
            case "tcp_connect", "security_socket_connect" -> {
                return network(function, "network.connect", kprobe, draft);
            }
            case "inet_csk_accept" -> {
                return network(function, "network.accept", kprobe, draft);
            }
            case "inet_csk_listen", "inet_csk_listen_start" -> {
                return network(function, "network.listen", kprobe, draft);
            }
            default -> {
            }
        }
        Matcher syscall = SYSCALL.matcher(function);
        if (syscall.matches()) {
            String name = syscall.group(1);
            if ((FILE_READS.contains(name) || FILE_WRITES.contains(name)) && argument(args, "file_arg") != null) {
                return file(function, args, draft, FILE_WRITES.contains(name));
            }
            return new Translation.Mapped(draft.apply("syscall").syscall(name, null).json(), null);
        }
        return Translation.skip(SkipReason.UNSUPPORTED_FUNCTION, function);
    }

    private static Translation file(String function, JsonNode args, Function<String, EventDraft> draft, boolean write) {
        JsonNode file = argument(args, "file_arg");
        if (file == null) {
            file = argument(args, "path_arg");
        }
        String path = JsonFields.text(file, "path");
        if (path == null) {
            return Translation.skip(SkipReason.MISSING_FIELDS, function + " without a file argument");
        }
        // Tetragon releases of 2022 wrote paths relative to the root ("etc/passwd").
        String absolute = path.startsWith("/") ? path : "/" + path;
        return new Translation.Mapped(draft.apply(write ? "file.write" : "file.read").file(absolute).json(), null);
    }

    private static boolean writes(JsonNode args) {
        if (args == null || !args.isArray()) {
            return false;
        }
        for (JsonNode arg : args) {
            Long mask = JsonFields.number(arg, "int_arg");
            if (mask != null) {
                return (mask & (MAY_WRITE | MAY_APPEND)) != 0;
            }
        }
        return false;
    }

    private static Translation network(String function, String type, JsonNode kprobe, Function<String, EventDraft> draft) {
        // inet_csk_accept's argument is the listening socket; the accepted one is its return value.
        JsonNode sock = JsonFields.object(kprobe, "return", "sock_arg");
        if (sock == null) {
            sock = argument(kprobe.get("args"), "sock_arg");
        }
        if (sock != null) {
            boolean local = !type.equals("network.connect");
            // An accepted or listening socket's own (source) port is the service's port.
            Long port = JsonFields.number(sock, local ? "sport" : "dport");
            String address = JsonFields.text(sock, type.equals("network.listen") ? "saddr" : "daddr");
            if (port == null) {
                return Translation.skip(SkipReason.MISSING_FIELDS, function + " without a port");
            }
            return new Translation.Mapped(draft.apply(type).network(protocol(JsonFields.text(sock, "protocol")), port, address).json(), null);
        }
        JsonNode sockaddr = argument(kprobe.get("args"), "sockaddr_arg");
        Long port = JsonFields.number(sockaddr, "port");
        if (port == null) {
            return Translation.skip(SkipReason.MISSING_FIELDS, function + " without a socket argument");
        }
        // A sockaddr names the peer but not the transport: TCP and UDP connect alike.
        return new Translation.Mapped(draft.apply(type).network("ip", port, JsonFields.text(sockaddr, "addr")).json(), null);
    }

    /** {@code IPPROTO_TCP} → {@code tcp}; unknown → {@code tcp}, the only protocol of the TCP functions. */
    private static String protocol(@Nullable String tetragon) {
        if (tetragon == null) {
            return "tcp";
        }
        String name = tetragon.toLowerCase(Locale.ROOT).replaceFirst("^ipproto_", "");
        return name.matches("[a-z0-9]{1,16}") ? name : "tcp";
    }

    /** The first argument of the given kind ({@code file_arg}, {@code sock_arg}, …), or null. */
    static @Nullable JsonNode argument(@Nullable JsonNode args, String kind) {
        if (args == null || !args.isArray()) {
            return null;
        }
        for (JsonNode arg : args) {
            JsonNode value = arg.get(kind);
            if (value != null && value.isObject()) {
                return value;
            }
        }
        return null;
    }
}
