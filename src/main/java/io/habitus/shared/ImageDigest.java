package io.habitus.shared;

import java.util.regex.Pattern;

/** The identity of a container image: {@code sha256:} followed by 64 lower-case hex digits. */
public record ImageDigest(String value) {

    public static final String PATTERN = "^sha256:[0-9a-f]{64}$";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    public ImageDigest {
        if (!isValid(value)) {
            throw new IllegalArgumentException("image digest must look like sha256:<64 lower-case hex>, got " + value);
        }
    }

    public static boolean isValid(String value) {
        return value != null && COMPILED.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
