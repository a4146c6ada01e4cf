package io.habitus.profile.web;

import io.habitus.profile.EnforcementRules;
import io.habitus.profile.ProfileVersion;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Names and annotates exported Kubernetes objects so that each says which profile version it came from. */
final class ExportMetadata {

    static final String PREFIX = "habitus.io/";
    /** A DNS-1123 subdomain, as Kubernetes object names must be. */
    static final String NAME_PATTERN = "^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$";

    private ExportMetadata() {}

    static KubernetesMetadata of(EnforcementRules rules, String name, List<String> omitted) {
        ProfileVersion version = rules.version();
        Map<String, String> annotations = new TreeMap<>();
        annotations.put(PREFIX + "image-digest", version.digest().value());
        annotations.put(PREFIX + "profile-version", Integer.toString(version.version()));
        annotations.put(PREFIX + "profile-checksum", version.checksum());
        if (!rules.imageNames().isEmpty()) {
            annotations.put(PREFIX + "image-names", String.join(", ", rules.imageNames()));
        }
        if (!omitted.isEmpty()) {
            annotations.put(PREFIX + "omitted", String.join("; ", omitted));
        }
        return new KubernetesMetadata(name != null ? name : defaultName(rules), annotations);
    }

    /** {@code habitus-<image's short name>-<12 hex of the digest>-v<version>}, e.g. habitus-nginx-4c1e9d0b5f2a-v3. */
    static String defaultName(EnforcementRules rules) {
        String hex = rules.version().digest().value().substring("sha256:".length(), "sha256:".length() + 12);
        String shortName = rules.imageNames().isEmpty() ? "" : shortName(rules.imageNames().getFirst());
        return "habitus-" + (shortName.isEmpty() ? "" : shortName + "-") + hex + "-v" + rules.version().version();
    }

    /** The container's name in Kubescape's documents: the image's short name (Habitus does not know the pod spec's). */
    static String containerName(EnforcementRules rules) {
        String shortName = rules.imageNames().isEmpty() ? "" : shortName(rules.imageNames().getFirst());
        return shortName.isEmpty() ? "container" : shortName;
    }

    /** The image's repository without registry, path and tag, in the characters a name may have. */
    static String shortName(String imageName) {
        String repository = imageName.contains("@") ? imageName.substring(0, imageName.indexOf('@')) : imageName;
        repository = repository.substring(repository.lastIndexOf('/') + 1);
        if (repository.contains(":")) {
            repository = repository.substring(0, repository.indexOf(':'));
        }
        String cleaned = repository.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+|-+$", "");
        return cleaned.length() <= 40 ? cleaned : cleaned.substring(0, 40).replaceAll("-+$", "");
    }
}
