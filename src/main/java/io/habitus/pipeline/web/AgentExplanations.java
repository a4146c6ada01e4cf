package io.habitus.pipeline.web;

import io.habitus.scoring.Judgement;
import java.util.Locale;

/**
 * The explanation of a verdict as an agent may read it: from the verdict's own facts (token,
 * versions, score, broken rule), never from the container's state. The judge's explanation of an
 * ANOMALOUS transition names the container's recent tokens, its processes and the acting process's
 * own tokens, which an agent token must not read.
 */
final class AgentExplanations {

    private AgentExplanations() {}

    static String of(Judgement j, String token) {
        return switch (j.verdict()) {
            case VIOLATION -> j.breach() == null ? "'" + token + "' is outside the profile" + profile(j)
                    : j.breach().reason() + profile(j);
            case ANOMALOUS -> String.format(Locale.ROOT,
                    "'%s' is allowed%s, but model version %d scores the transition %.2f, below its threshold %.2f",
                    token, profile(j), j.model().version(), j.score(), j.threshold());
            case NORMAL -> "'" + token + "' is normal" + profile(j)
                    + (j.model() == null ? "" : " and model version " + j.model().version());
            case LEARNING -> "Image " + j.transition().digest() + " is still learning; its events are not judged yet";
            case UNKNOWN_IMAGE -> "No image with digest " + j.transition().digest() + " was known";
        };
    }

    private static String profile(Judgement j) {
        return j.profile() == null ? "" : " (profile version " + j.profile().version() + ")";
    }
}
