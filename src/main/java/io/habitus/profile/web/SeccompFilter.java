package io.habitus.profile.web;

import io.habitus.profile.SeccompPolicy;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(description = "A seccomp filter as the OCI runtime specification's linux.seccomp has it: what `docker run "
        + "--security-opt seccomp=<file>`, Podman and the Security Profiles Operator's spec take")
record SeccompFilter(
        @Schema(description = "What a call not listed gets", allowableValues = {"SCMP_ACT_ERRNO", "SCMP_ACT_LOG"})
        String defaultAction,
        @Schema(example = "[\"SCMP_ARCH_X86_64\"]") List<String> architectures,
        @Schema(description = "One rule allowing the profile's system calls; empty when it has none (mode LOG)")
        List<SeccompSyscalls> syscalls) {

    @Schema(description = "System calls and the action they get")
    record SeccompSyscalls(
            @Schema(example = "[\"accept4\", \"epoll_wait\", \"execve\"]") List<String> names,
            @Schema(example = "SCMP_ACT_ALLOW") String action) {}

    static SeccompFilter of(SeccompPolicy policy) {
        List<SeccompSyscalls> syscalls = policy.allowed().isEmpty() ? List.of()
                : List.of(new SeccompSyscalls(List.copyOf(policy.allowed()), "SCMP_ACT_ALLOW"));
        return new SeccompFilter(policy.mode().defaultAction(), List.of(SeccompPolicy.ARCHITECTURE), syscalls);
    }
}
