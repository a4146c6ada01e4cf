package io.habitus.scoring;

import io.habitus.behavior.ObservedTransition;
import io.habitus.profile.RuleBreach;
import io.habitus.shared.Verdict;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * How one transition was judged, with everything needed to explain it.
 *
 * @param score     the model's normalised score (higher is more normal); null when no model judged
 * @param threshold the model's threshold; null when no model judged
 * @param learned   whether the model learned this exact transition (then it is never anomalous,
 *                  whatever its score); null when no model judged
 * @param breach    the profile rule broken; null when none
 * @param profile   the profile version that judged; null while learning or unknown
 * @param model     the model version that scored; null when there is none
 * @param explain   renders the explanation people read
 */
public record Judgement(ObservedTransition transition, Verdict verdict, @Nullable Double score, @Nullable Double threshold,
        @Nullable Boolean learned, @Nullable RuleBreach breach, @Nullable VersionRef profile, @Nullable VersionRef model,
        Supplier<String> explain) {

    public Judgement {
        Objects.requireNonNull(transition, "transition");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(explain, "explain");
    }

    /** Why: rendered when asked for, as most judgements (ingest's NORMAL ones) are never explained to anyone. */
    public String explanation() {
        return explain.get();
    }

    public boolean isDeviation() {
        return verdict == Verdict.VIOLATION || verdict == Verdict.ANOMALOUS;
    }
}
