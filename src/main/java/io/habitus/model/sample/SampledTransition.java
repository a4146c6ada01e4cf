package io.habitus.model.sample;

import io.habitus.behavior.ObservedTransition;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * A transition as the sample keeps it: the state before (processes, recent tokens), the event's
 * token, the state after; keyed by a hash of exactly those, so that equal transitions collapse.
 */
public record SampledTransition(
        String key, List<String> beforeProcesses, List<String> beforeRecent, String event, List<String> afterProcesses,
        List<String> afterRecent, Instant firstSeen) {

    /** A transition written down elsewhere (an allowed audit), keyed exactly as an observed one would be. */
    public static SampledTransition of(List<String> beforeProcesses, List<String> beforeRecent, String event,
            List<String> afterProcesses, List<String> afterRecent, Instant firstSeen) {
        return new SampledTransition(key(beforeProcesses, beforeRecent, event, afterProcesses, afterRecent),
                List.copyOf(beforeProcesses), List.copyOf(beforeRecent), event, List.copyOf(afterProcesses),
                List.copyOf(afterRecent), firstSeen);
    }

    public static SampledTransition of(ObservedTransition t) {
        List<String> beforeProcesses = t.before().processes();
        List<String> beforeRecent = t.before().recentTokens();
        String event = t.tokens().token().text();
        List<String> afterProcesses = t.after().processes();
        List<String> afterRecent = t.after().recentTokens();
        return new SampledTransition(key(beforeProcesses, beforeRecent, event, afterProcesses, afterRecent),
                beforeProcesses, beforeRecent, event, afterProcesses, afterRecent, t.event().time());
    }

    /** Cloned per key: a clone is much cheaper than looking the algorithm up, and this runs per learned event. */
    private static final MessageDigest SHA_256 = sha256();

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String key(List<String> beforeProcesses, List<String> beforeRecent, String event,
            List<String> afterProcesses, List<String> afterRecent) {
        try {
            MessageDigest sha = (MessageDigest) SHA_256.clone();
            for (List<String> part : List.of(beforeProcesses, beforeRecent, List.of(event), afterProcesses, afterRecent)) {
                for (String s : part) {
                    sha.update(s.getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                }
                sha.update((byte) 1);
            }
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sha.digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
        }
    }
}
