package io.habitus.profile.web;

import io.habitus.profile.SeccompPolicy;
import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "A Security Profiles Operator SeccompProfile (security-profiles-operator.x-k8s.io/v1beta1, served "
        + "by SPO 0.4 to 1.0) allowing the system calls of a profile version; `kubectl apply -f` it")
record SeccompProfileDocument(
        @Schema(example = SeccompProfileDocument.API_VERSION) String apiVersion,
        @Schema(example = "SeccompProfile") String kind,
        KubernetesMetadata metadata,
        SeccompFilter spec) {

    static final String API_VERSION = "security-profiles-operator.x-k8s.io/v1beta1";

    static SeccompProfileDocument of(SeccompPolicy policy, String name) {
        return new SeccompProfileDocument(API_VERSION, "SeccompProfile",
                ExportMetadata.of(policy.rules(), name, policy.omitted()), SeccompFilter.of(policy));
    }
}
