package io.habitus.profile.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;

/**
 * The checksum of a profile: SHA-256 over its rules (kind and pattern, sorted). Provenance and
 * counts are not part of it, so two versions with the same rules have the same checksum.
 */
public final class Checksums {

    private Checksums() {}

    public static String of(Collection<ProfileEntry> entries) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            entries.stream().map(ProfileEntry::rule).sorted().forEach(rule ->
                    sha.update((rule.kind().name() + "\t" + rule.pattern() + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
