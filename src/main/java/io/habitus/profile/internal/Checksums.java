package io.habitus.profile.internal;

import io.habitus.shared.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.HexFormat;

/**
 * The checksum of a profile: SHA-256 over its rules (kind and pattern, sorted). Provenance and
 * counts are not part of it, so two versions with the same rules have the same checksum.
 */
public final class Checksums {

    private Checksums() {}

    public static String of(Collection<ProfileEntry> entries) {
        MessageDigest sha = Sha256.newDigest();
        entries.stream().map(ProfileEntry::rule).sorted().forEach(rule ->
                sha.update((rule.kind().name() + "\t" + rule.pattern() + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(sha.digest());
    }
}
