package io.habitus.behavior.internal;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Rule {@code random-name}: parts that look generated rather than chosen. Natural names rarely
 * interleave letters and digits, generators (mkstemp, Python's tempfile, PHP sessions, NFS
 * silly-renames, ReplicaSet hashes) do. A part (a maximal run of ASCII letters and digits) is
 * random-looking when
 * <ol>
 * <li>it is Python's {@code tempfile} name: {@code tmp} and exactly {@value #PYTHON_TEMP_CHARS} characters of
 *     {@code [a-z0-9_]} (its alphabet), even all letters or across an underscore: {@code tmpzm_xketj} →
 *     {@code tmp*}, {@code tmpxufwlugc_h.png} → {@code tmp*_h.png}; or, after a word and a {@code -}, the same
 *     8 characters with a digit or an underscore ({@code mkstemp(prefix=…)}): {@code wgunicorn-zw0wdjy5},
 *     {@code wgunicorn-nbmscw_h} → {@code wgunicorn-*}, and in a temp directory ({@code /tmp}, {@code /var/tmp},
 *     {@code /dev/shm}) even all letters ({@code /dev/shm/wgunicorn-abrizhri});
 *     or {@code tmp} and a number, with any numbers after it joined by '.' (PostgreSQL's
 *     {@code pgsql_tmp12.2}: a pid and a counter) → {@code tmp*};</li>
 * <li>it starts with a stable temp prefix ({@code tmp}, {@code php}, {@code nfs}, {@code sess})
 *     followed by at least {@value #MIN_SUFFIX} characters with a digit: {@code tmpa8f3kq} →
 *     {@code tmp*}, {@code .nfs000000012b3} → {@code .nfs*}; the prefix is kept;</li>
 * <li>it follows such a prefix part and one '.', '-' or '_' and has at least {@value #MIN_SUFFIX}
 *     characters with a digit or with both cases: {@code tmp.Xk2LmQ9zPa} → {@code tmp.*},
 *     {@code sess_8f3k2l9d0q} → {@code sess_*};</li>
 * <li>it changes between letter and digit at least {@value #MIN_CHANGES} times
 *     ({@code 7d9f8b6c5}), or is at least {@value #LONG_PART} characters long with at least two
 *     letters and two digits (random keys).</li>
 * </ol>
 * Words with a version or an architecture change at most three times ({@code utf8mb4},
 * {@code x509v3}, {@code libv4l2rds}, {@code x86_64}) and stay. Other all-letter random suffixes are
 * indistinguishable from words and stay too; the wide-directory rule catches a temp directory
 * full of them.
 */
final class RandomNameRule {

    static final int MIN_SUFFIX = 6;
    static final int MIN_CHANGES = 5;
    static final int LONG_PART = 20;

    static final int PYTHON_TEMP_CHARS = 8;

    private static final List<String> TEMP_PREFIXES = List.of("tmp", "php", "nfs", "sess");
    /**
     * Python's tempfile: "tmp" and 8 characters drawn from [a-z0-9_]. Their words would be rare (an
     * 11-letter name starting "tmp"), and the sequences a container's processes end are learned per
     * token: a temp name left literal is a new action every time. Not followed by a wildcard, or generalising
     * {@code tmpaaaa_tmp*} again would take its {@code tmpaaaa_tmp} for a name (GeneralisationPropertyTests).
     */
    private static final Pattern PYTHON_TEMPFILE = Pattern.compile("(?<![A-Za-z0-9_])tmp[a-z0-9_]{8}(?![A-Za-z0-9*])");
    /**
     * The same 8 characters after a caller's prefix ending in '-'; with a digit or an underscore, since a
     * word could be 8 letters; not followed by a wildcard, or generalising {@code etc-2026_tmp*} again would
     * take its {@code 2026_tmp} for a name (found by GeneralisationPropertyTests: generalising twice changed it).
     */
    private static final Pattern PYTHON_PREFIXED_TEMPFILE =
            Pattern.compile("(?<=[A-Za-z]-)(?=[a-z]*[0-9_])[a-z0-9_]{8}(?![A-Za-z0-9_.*])");
    /**
     * In a temp directory the same name even all letters: one mkstemp name in 17 has no digit or underscore
     * (gunicorn's worker heartbeat {@code /dev/shm/wgunicorn-abrizhri}), and left literal each was a new
     * action of its worker; a chosen 8-letter word after a '-' is rare where programs put throw-away files.
     */
    private static final Pattern PYTHON_PREFIXED_TEMPFILE_IN_TEMP =
            Pattern.compile("(?<=[A-Za-z]-)[a-z0-9_]{8}(?![A-Za-z0-9_.*])");
    /** Directories programs create throw-away files in (mkstemp's usual dir arguments). */
    private static final List<String> TEMP_DIRECTORIES = List.of("/tmp/", "/var/tmp/", "/dev/shm/");

    /** "tmp" and a number (a pid), with counters after it: PostgreSQL's pgsql_tmp1234.5. */
    private static final Pattern NUMBERED_TEMP = Pattern.compile("(?<![A-Za-z0-9])tmp[0-9]+(?:\\.[0-9]+)*(?![A-Za-z0-9])");

    private RandomNameRule() {}

    /**
     * Where a normalised path's part under a temp directory begins (a segment starting there or later lies in
     * it); {@link Integer#MAX_VALUE} for a path outside them.
     */
    static int tempDirectoryEnd(String path) {
        for (String directory : TEMP_DIRECTORIES) {
            if (path.startsWith(directory)) {
                return directory.length();
            }
        }
        return Integer.MAX_VALUE;
    }

    static String apply(String original, boolean inTempDirectory) {
        // Every path segment of every event comes here: the patterns only run where they can match.
        String segment = original;
        if (segment.contains("tmp")) {
            segment = NUMBERED_TEMP.matcher(PYTHON_TEMPFILE.matcher(segment).replaceAll("tmp*")).replaceAll("tmp*");
        }
        if (segment.indexOf('-') >= 0) {
            Pattern prefixed = inTempDirectory ? PYTHON_PREFIXED_TEMPFILE_IN_TEMP : PYTHON_PREFIXED_TEMPFILE;
            segment = prefixed.matcher(segment).replaceAll("*");
        }
        SegmentRewrite rewrite = null;
        int previousStart = -1;
        int previousEnd = -1;
        int i = 0;
        while (i < segment.length()) {
            if (!Chars.isAlnum(segment.charAt(i))) {
                i++;
                continue;
            }
            int end = Chars.partEnd(segment, i);
            int randomFrom = randomFrom(segment, i, end, previousStart, previousEnd);
            if (randomFrom >= 0) {
                if (rewrite == null) {
                    rewrite = new SegmentRewrite(segment);
                }
                rewrite.wildcard(randomFrom, end);
            }
            previousStart = i;
            previousEnd = end;
            i = end;
        }
        return rewrite == null ? segment : rewrite.result();
    }

    /** Where the random-looking rest of the part {@code [start, end)} begins, or -1 if it has none. */
    private static int randomFrom(String segment, int start, int end, int previousStart, int previousEnd) {
        int prefix = tempPrefixLength(segment, start, end);
        if (prefix > 0 && end - start - prefix >= MIN_SUFFIX && Chars.containsDigit(segment, start + prefix, end)) {
            return start + prefix;
        }
        boolean afterTempPrefix = previousStart >= 0 && previousEnd == start - 1
                && Chars.isSeparator(segment.charAt(previousEnd))
                && tempPrefixLength(segment, previousStart, previousEnd) == previousEnd - previousStart;
        if (afterTempPrefix && end - start >= MIN_SUFFIX
                && (Chars.containsDigit(segment, start, end) || hasBothCases(segment, start, end))) {
            return start;
        }
        return looksGenerated(segment, start, end) ? start : -1;
    }

    private static int tempPrefixLength(String segment, int start, int end) {
        for (String prefix : TEMP_PREFIXES) {
            if (prefix.length() <= end - start && segment.startsWith(prefix, start)) {
                return prefix.length();
            }
        }
        return 0;
    }

    private static boolean looksGenerated(String segment, int start, int end) {
        int changes = 0;
        int letters = 0;
        int digits = 0;
        for (int i = start; i < end; i++) {
            boolean digit = Chars.isDigit(segment.charAt(i));
            if (digit) {
                digits++;
            } else {
                letters++;
            }
            if (i > start && digit != Chars.isDigit(segment.charAt(i - 1))) {
                changes++;
            }
        }
        return changes >= MIN_CHANGES || (end - start >= LONG_PART && letters >= 2 && digits >= 2);
    }

    private static boolean hasBothCases(String segment, int start, int end) {
        boolean lower = false;
        boolean upper = false;
        for (int i = start; i < end; i++) {
            char c = segment.charAt(i);
            lower |= c >= 'a' && c <= 'z';
            upper |= c >= 'A' && c <= 'Z';
        }
        return lower && upper;
    }
}
