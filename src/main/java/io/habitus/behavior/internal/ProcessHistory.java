package io.habitus.behavior.internal;

import java.util.List;

/**
 * What a container's state keeps per live process besides its executable: its parent's executable
 * (fixed when the process starts or execs) and its own last tokens, oldest first.
 */
public record ProcessHistory(String parent, List<String> recent) {

    public ProcessHistory {
        recent = List.copyOf(recent);
    }
}
