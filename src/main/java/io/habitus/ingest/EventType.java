package io.habitus.ingest;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What an agent observed; the wire names are those of the ingest contract. */
public enum EventType {
    PROCESS_EXEC("process.exec", Section.NONE),
    PROCESS_EXIT("process.exit", Section.NONE),
    FILE_READ("file.read", Section.FILE),
    FILE_WRITE("file.write", Section.FILE),
    NETWORK_CONNECT("network.connect", Section.NETWORK),
    NETWORK_LISTEN("network.listen", Section.NETWORK),
    NETWORK_ACCEPT("network.accept", Section.NETWORK),
    SYSCALL("syscall", Section.SYSCALL);

    /** The event section that an event of this type must carry besides {@code process}. */
    public enum Section { NONE, FILE, NETWORK, SYSCALL }

    private static final Map<String, EventType> BY_WIRE_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::wireName, Function.identity()));

    private final String wireName;
    private final Section requiredSection;

    EventType(String wireName, Section requiredSection) {
        this.wireName = wireName;
        this.requiredSection = requiredSection;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public Section requiredSection() {
        return requiredSection;
    }

    @JsonCreator
    public static EventType fromWireName(String name) {
        EventType type = BY_WIRE_NAME.get(name);
        if (type == null) {
            throw new IllegalArgumentException("must be one of " + BY_WIRE_NAME.keySet().stream().sorted().toList());
        }
        return type;
    }
}
