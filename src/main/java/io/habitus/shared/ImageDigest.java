package io.habitus.shared;

/** The identity of a container image: {@code sha256:} followed by 64 lower-case hex digits. */
public record ImageDigest(String value) {

    public static final String PATTERN = "^sha256:[0-9a-f]{64}$";
    /** What a malformed digest is told, wherever it is checked. */
    public static final String FORMAT = "must be sha256:<64 lower-case hex>";
    private static final String PREFIX = "sha256:";

    public ImageDigest {
        if (!isValid(value)) {
            throw new IllegalArgumentException("image digest must look like sha256:<64 lower-case hex>, got " + value);
        }
    }

    /** Checked by hand, not with {@link #PATTERN}: it runs for every ingested event. */
    public static boolean isValid(String value) {
        if (value == null || value.length() != PREFIX.length() + 64 || !value.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}
