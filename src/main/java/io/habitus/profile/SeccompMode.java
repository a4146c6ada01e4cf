package io.habitus.profile;

/** What a seccomp export does with a system call the profile does not allow. */
public enum SeccompMode {
    /** Fail it with EPERM: enforcement. */
    ENFORCE("SCMP_ACT_ERRNO"),
    /** Allow it and log it (the kernel's audit log): a trial run before enforcing. */
    LOG("SCMP_ACT_LOG");

    private final String defaultAction;

    SeccompMode(String defaultAction) {
        this.defaultAction = defaultAction;
    }

    public String defaultAction() {
        return defaultAction;
    }
}
