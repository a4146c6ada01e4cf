package io.habitus.behavior;

import io.habitus.behavior.internal.ContainerNames;
import io.habitus.behavior.internal.PathGeneraliser;
import io.habitus.behavior.internal.PathNormaliser;
import io.habitus.ingest.ContainerRef;
import io.habitus.ingest.NetworkInfo;
import io.habitus.ingest.ProcessInfo;
import io.habitus.ingest.RuntimeEvent;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Turns each runtime event into its token and raw example. Pure and thread-safe: it runs for
 * every ingested and scored event. Docs: docs/generalisation.md.
 */
@Component
public class Tokenizer {

    private final GeneralisationProperties properties;

    public Tokenizer(GeneralisationProperties properties) {
        this.properties = Objects.requireNonNull(properties, "properties");
    }

    /**
     * The generalised token of {@code event} and the same token before generalisation.
     *
     * @throws IllegalArgumentException if the event lacks the section its type needs (ingest refuses those)
     */
    public TokenizedEvent tokenize(RuntimeEvent event) {
        return forContainer(event.container()).tokenize(event);
    }

    /**
     * The tokenizer of one container's events: the names rule {@code container-id} replaces are worked
     * out once for them, not per event (they were 4 % of judged ingest's CPU, rebuilt for every event).
     */
    public OfContainer forContainer(@Nullable ContainerRef container) {
        return new OfContainer(container == null ? ContainerNames.NONE : ContainerNames.of(container.id(), container.pod()));
    }

    /** {@link #tokenize}, {@link #executable} and {@link #parentExecutable} for the events of one container. */
    public final class OfContainer {

        private final ContainerNames names;

        private OfContainer(ContainerNames names) {
            this.names = names;
        }

        public TokenizedEvent tokenize(RuntimeEvent event) {
            return tokens(event, names);
        }

        public String executable(RuntimeEvent event) {
            return generalPath(Objects.requireNonNull(event.process(), "a runtime event needs its process").exe(), names);
        }

        public @Nullable String parentExecutable(RuntimeEvent event) {
            ProcessInfo process = Objects.requireNonNull(event.process(), "a runtime event needs its process");
            return process.parentExe() == null || process.parentExe().isBlank() ? null : generalPath(process.parentExe(), names);
        }
    }

    private TokenizedEvent tokens(RuntimeEvent event, ContainerNames names) {
        ProcessInfo process = Objects.requireNonNull(event.process(), "a runtime event needs its process");
        return switch (event.type()) {
            case PROCESS_EXEC -> processToken(process, names);
            case PROCESS_EXIT -> pathToken(TokenKind.EXIT, process.exe(), names);
            case FILE_READ -> pathToken(TokenKind.FILE_READ, filePath(event), names);
            case FILE_WRITE -> pathToken(TokenKind.FILE_WRITE, filePath(event), names);
            case NETWORK_CONNECT -> networkToken(TokenKind.CONNECT, network(event));
            case NETWORK_LISTEN -> networkToken(TokenKind.LISTEN, network(event));
            case NETWORK_ACCEPT -> networkToken(TokenKind.ACCEPT, network(event));
            case SYSCALL -> syscallToken(event);
        };
    }

    /**
     * Applies the per-event rules to a token built elsewhere, e.g. typed by a person. Without a
     * container ({@code null} id and pod) rule {@code container-id} has nothing to replace.
     * Idempotent: generalising a generalised token returns it unchanged.
     */
    public Token generalise(Token raw, @Nullable String containerId, @Nullable String pod) {
        ContainerNames names = ContainerNames.of(containerId, pod);
        String value = raw.value();
        String general = switch (raw.kind()) {
            case PROCESS -> {
                int separator = value.indexOf(Token.PARENT_SEPARATOR);
                yield processValue(generalPath(value.substring(0, separator), names),
                        generalParent(value.substring(separator + Token.PARENT_SEPARATOR.length()), names));
            }
            case EXIT, FILE_READ, FILE_WRITE -> generalPath(value, names);
            case CONNECT, LISTEN, ACCEPT -> generalNetwork(value);
            case SYSCALL -> value;
        };
        return general.equals(value) ? raw : new Token(raw.kind(), general);
    }

    /** The generalised executable of the event's process: how container states name processes. */
    public String executable(RuntimeEvent event) {
        return forContainer(event.container()).executable(event);
    }

    /** The generalised executable of the event's parent process, or null when the event does not name one. */
    public @Nullable String parentExecutable(RuntimeEvent event) {
        return forContainer(event.container()).parentExecutable(event);
    }

    private TokenizedEvent processToken(ProcessInfo process, ContainerNames names) {
        String parent = process.parentExe() == null || process.parentExe().isBlank() ? Token.UNKNOWN_PARENT : process.parentExe();
        String raw = processValue(rawPath(process.exe()), parent.equals(Token.UNKNOWN_PARENT) ? parent : rawPath(parent));
        String general = processValue(generalPath(process.exe(), names), generalParent(parent, names));
        return tokens(TokenKind.PROCESS, general, raw);
    }

    private static TokenizedEvent pathToken(TokenKind kind, String path, ContainerNames names) {
        return tokens(kind, generalPath(path, names), rawPath(path));
    }

    private TokenizedEvent networkToken(TokenKind kind, NetworkInfo network) {
        String raw = network.protocol() + "/" + network.port();
        String port = properties.isEphemeral(network.port()) ? Token.EPHEMERAL_PORT : network.port().toString();
        return tokens(kind, network.protocol() + "/" + port, raw);
    }

    private static TokenizedEvent syscallToken(RuntimeEvent event) {
        if (event.syscall() == null || (event.syscall().name() == null && event.syscall().nr() == null)) {
            throw new IllegalArgumentException("a syscall event needs a syscall name or number");
        }
        String value = event.syscall().name() != null ? event.syscall().name() : "#" + event.syscall().nr();
        Token token = new Token(TokenKind.SYSCALL, value);
        return new TokenizedEvent(token, token);
    }

    private String generalNetwork(String value) {
        int slash = value.indexOf('/');
        String port = value.substring(slash + 1);
        if (port.equals(Token.EPHEMERAL_PORT) || !properties.isEphemeral(Integer.parseInt(port))) {
            return value;
        }
        return value.substring(0, slash + 1) + Token.EPHEMERAL_PORT;
    }

    private static String generalParent(String parent, ContainerNames names) {
        return parent.equals(Token.UNKNOWN_PARENT) ? parent : generalPath(parent, names);
    }

    private static String generalPath(String path, ContainerNames names) {
        return PathGeneraliser.generalise(path, names);
    }

    private static String rawPath(String path) {
        return PathNormaliser.normalise(path);
    }

    private static String processValue(String exe, String parent) {
        return exe + Token.PARENT_SEPARATOR + parent;
    }

    private static TokenizedEvent tokens(TokenKind kind, String general, String raw) {
        Token rawToken = new Token(kind, raw);
        return new TokenizedEvent(general.equals(raw) ? rawToken : new Token(kind, general), rawToken);
    }

    private static String filePath(RuntimeEvent event) {
        if (event.file() == null || event.file().path() == null) {
            throw new IllegalArgumentException(event.type().wireName() + " event without file path");
        }
        return event.file().path();
    }

    private static NetworkInfo network(RuntimeEvent event) {
        if (event.network() == null || event.network().protocol() == null || event.network().port() == null) {
            throw new IllegalArgumentException(event.type().wireName() + " event without network protocol and port");
        }
        return event.network();
    }
}
