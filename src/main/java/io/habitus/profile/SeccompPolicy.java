package io.habitus.profile;

import java.util.List;
import java.util.SortedSet;

/**
 * A profile version as a seccomp filter: the system calls it allows and what every other call
 * gets. Architectures are x86_64's only: numbered calls were named by its table, and leaving out
 * the 32-bit ABIs keeps {@code int 0x80} calls out too.
 *
 * @param omitted what the filter could not take from the profile, each with why
 */
public record SeccompPolicy(EnforcementRules rules, SeccompMode mode, SortedSet<String> allowed, List<String> omitted) {

    public static final String ARCHITECTURE = "SCMP_ARCH_X86_64";

    public SeccompPolicy {
        omitted = List.copyOf(omitted);
    }
}
