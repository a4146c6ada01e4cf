package io.habitus.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256, the one checksum Habitus computes (profile and model checksums, stored token secrets,
 * sample keys, sensor idempotency keys): the JDK's {@link MessageDigest}, without the checked
 * exception every caller would otherwise repeat for an algorithm every JDK has.
 */
public final class Sha256 {

    /** Cloned for each use: a clone is much cheaper than looking the algorithm up, and ingest hashes per learned event. */
    private static final MessageDigest PROTOTYPE = lookUp();

    private Sha256() {}

    /** A fresh digest, for callers that feed it in pieces. */
    public static MessageDigest newDigest() {
        try {
            return (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
        }
    }

    /** The SHA-256 of the bytes in lower-case hex. */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(newDigest().digest(bytes));
    }

    /** The SHA-256 of the text's UTF-8 bytes in lower-case hex. */
    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest lookUp() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
