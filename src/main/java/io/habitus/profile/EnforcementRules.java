package io.habitus.profile;

import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * What enforcement formats (seccomp, Kubescape) can take from a profile version: its rules
 * regrouped by what those formats name, with what could not be carried over.
 *
 * @param imageNames the image's names/tags seen by the catalogue
 * @param syscalls system call names (numbered ones named by the x86_64 table)
 * @param executables executables, whatever their parents (patterns kept as in the profile)
 * @param files file paths and patterns with how they are accessed
 * @param connections each network rule: direction, protocol and port ({@code ephemeral} kept as such)
 * @param omitted rules no enforcement format can state, each with why (e.g. a syscall number without name)
 */
public record EnforcementRules(
        ProfileVersion version, List<String> imageNames, SortedSet<String> syscalls, SortedSet<String> executables,
        SortedMap<String, FileAccess> files, List<Connection> connections, List<String> omitted) {

    public EnforcementRules {
        imageNames = List.copyOf(imageNames);
        connections = List.copyOf(connections);
        omitted = List.copyOf(omitted);
    }

    /** How a file is used: read, written, or both. */
    public record FileAccess(boolean read, boolean write) {}

    /** One network rule: {@code inbound} for listen and accept, outbound for connect. */
    public record Connection(boolean inbound, String protocol, String port) {}
}
