package io.habitus.model.sample;

import io.habitus.behavior.ObservedTransition;
import io.habitus.model.encoding.Utf8Bytes;
import io.habitus.shared.Sha256;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A transition as the sample keeps it: the state before (processes, recent tokens), the event's
 * token, the state after, and the acting process ({@code exe <- parent}) with its own last tokens;
 * keyed by a hash of exactly those, so that equal transitions collapse. Transitions without an
 * actor (written down before it was kept) are keyed as they always were.
 *
 * @param actor       the acting process; null when not recorded
 * @param actorRecent the acting process's own last tokens; null exactly when {@code actor} is
 */
public record SampledTransition(
        String key, List<String> beforeProcesses, List<String> beforeRecent, String event, List<String> afterProcesses,
        List<String> afterRecent, @Nullable String actor, @Nullable List<String> actorRecent, Instant firstSeen) {

    public SampledTransition {
        if ((actor == null) != (actorRecent == null)) {
            throw new IllegalArgumentException("actor and its recent tokens come together");
        }
    }

    /** A transition written down elsewhere (an allowed audit), keyed exactly as an observed one would be. */
    public static SampledTransition of(List<String> beforeProcesses, List<String> beforeRecent, String event,
            List<String> afterProcesses, List<String> afterRecent, @Nullable String actor,
            @Nullable List<String> actorRecent, Instant firstSeen) {
        List<String> own = actor == null ? null : List.copyOf(actorRecent);
        return new SampledTransition(key(beforeProcesses, beforeRecent, event, afterProcesses, afterRecent, actor, own),
                List.copyOf(beforeProcesses), List.copyOf(beforeRecent), event, List.copyOf(afterProcesses),
                List.copyOf(afterRecent), actor, own, firstSeen);
    }

    public static SampledTransition of(ObservedTransition t) {
        List<String> beforeProcesses = t.before().processes();
        List<String> beforeRecent = t.before().recentTokens();
        String event = t.tokens().token().text();
        List<String> afterProcesses = t.after().processes();
        List<String> afterRecent = t.after().recentTokens();
        String actor = t.actor().process();
        List<String> actorRecent = t.actor().recentTokens();
        return new SampledTransition(key(beforeProcesses, beforeRecent, event, afterProcesses, afterRecent, actor,
                actorRecent), beforeProcesses, beforeRecent, event, afterProcesses, afterRecent, actor, actorRecent,
                t.event().time());
    }

    private static String key(List<String> beforeProcesses, List<String> beforeRecent, String event,
            List<String> afterProcesses, List<String> afterRecent, @Nullable String actor,
            @Nullable List<String> actorRecent) {
        List<List<String>> parts = actor == null
                ? List.of(beforeProcesses, beforeRecent, List.of(event), afterProcesses, afterRecent)
                : List.of(beforeProcesses, beforeRecent, List.of(event), afterProcesses, afterRecent, List.of(actor),
                        actorRecent);
        // Each string's UTF-8 then a 0 byte, each part then a 1 byte, written into one array and
        // hashed in one update: the same bytes as string by string, without an array each.
        Utf8Bytes bytes = new Utf8Bytes(512);
        for (List<String> part : parts) {
            for (String s : part) {
                bytes.append(s).append((byte) 0);
            }
            bytes.append((byte) 1);
        }
        MessageDigest sha = Sha256.newDigest();
        sha.update(bytes.array(), 0, bytes.length());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha.digest());
    }
}
