package io.habitus.profile;

import io.habitus.behavior.Token;
import io.habitus.behavior.TokenKind;
import io.habitus.image.Images;
import io.habitus.profile.internal.ProfileEntry;
import io.habitus.profile.internal.ProfileProblems;
import io.habitus.shared.ImageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Profile versions regrouped for enforcement elsewhere: seccomp (the Security Profiles Operator's
 * SeccompProfile, OCI seccomp JSON) and Kubescape's ApplicationProfile and NetworkNeighborhood.
 * What each format loses is in docs/profile-exports.md.
 */
@Service
public class ProfileExports {

    /** runc installs the filter and then calls execve to start the container's process. */
    private static final List<String> EXEC_CALLS = List.of("execve", "execveat");

    private final Profiles profiles;
    private final Images images;
    private final SyscallNames syscallNames;

    ProfileExports(Profiles profiles, Images images, SyscallNames syscallNames) {
        this.profiles = profiles;
        this.images = images;
        this.syscallNames = syscallNames;
    }

    @Transactional(readOnly = true)
    public EnforcementRules rules(ImageDigest digest, int version) {
        Profile profile = profiles.get(digest, version);
        SortedSet<String> syscalls = new TreeSet<>();
        SortedSet<String> executables = new TreeSet<>();
        SortedMap<String, EnforcementRules.FileAccess> files = new TreeMap<>();
        List<EnforcementRules.Connection> connections = new ArrayList<>();
        List<String> omitted = new ArrayList<>();
        for (ProfileEntry entry : profile.entries()) {
            String pattern = entry.pattern();
            switch (entry.kind()) {
                case SYSCALL -> {
                    Optional<String> name = syscallNames.name(pattern);
                    name.ifPresentOrElse(syscalls::add, () -> omitted.add("syscall " + pattern
                            + ": no x86_64 system call has this number"));
                }
                case PROCESS -> executables.add(pattern.substring(0, pattern.indexOf(Token.PARENT_SEPARATOR)));
                case FILE_READ -> files.merge(pattern, new EnforcementRules.FileAccess(true, false), ProfileExports::both);
                case FILE_WRITE -> files.merge(pattern, new EnforcementRules.FileAccess(false, true), ProfileExports::both);
                case CONNECT, LISTEN, ACCEPT -> {
                    int slash = pattern.indexOf('/');
                    connections.add(new EnforcementRules.Connection(entry.kind() != TokenKind.CONNECT,
                            pattern.substring(0, slash), pattern.substring(slash + 1)));
                }
                case EXIT -> { }
            }
        }
        List<String> names = images.names(digest);
        return new EnforcementRules(profile.version(), names, syscalls, executables, files, connections, omitted);
    }

    /**
     * The version as a seccomp filter. In {@link SeccompMode#ENFORCE} it is refused (409) when
     * the profile cannot have seen every system call: with none at all the filter would fail every
     * call, and without {@code execve} the container could not even start, which is what a sensor
     * that traces only some calls (a kprobe policy) leaves behind. {@link SeccompMode#LOG} always
     * answers: it blocks nothing.
     */
    @Transactional(readOnly = true)
    public SeccompPolicy seccomp(ImageDigest digest, int version, SeccompMode mode) {
        EnforcementRules rules = rules(digest, version);
        if (mode == SeccompMode.ENFORCE) {
            if (rules.syscalls().isEmpty()) {
                throw ProfileProblems.conflict("Profile version " + version + " of " + digest + " has no system call "
                        + "rules: a seccomp filter from it would fail every call the container makes. Feed its learning "
                        + "with system call events (e.g. Tetragon's raw_syscalls tracepoint), or export with mode=log "
                        + "to allow and log every call.");
            }
            if (EXEC_CALLS.stream().noneMatch(rules.syscalls()::contains)) {
                throw ProfileProblems.conflict("Profile version " + version + " of " + digest + " allows "
                        + rules.syscalls().size() + " system call(s) but not execve, which the container runtime calls "
                        + "to start the container under the filter: the sensor traced only some calls. Trace every call "
                        + "(e.g. Tetragon's raw_syscalls tracepoint) while learning, or export with mode=log.");
            }
        }
        return new SeccompPolicy(rules, mode, rules.syscalls(), rules.omitted());
    }

    private static EnforcementRules.FileAccess both(EnforcementRules.FileAccess a, EnforcementRules.FileAccess b) {
        return new EnforcementRules.FileAccess(a.read() || b.read(), a.write() || b.write());
    }
}
