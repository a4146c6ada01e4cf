package io.habitus.scoring;

import io.habitus.behavior.ObservedTransition;
import io.habitus.model.ActiveModels;
import io.habitus.model.ActorState;
import io.habitus.model.ContainerState;
import io.habitus.model.Transition;
import io.habitus.model.TransitionModel;
import io.habitus.profile.ActiveProfile;
import io.habitus.profile.ActiveProfiles;
import io.habitus.profile.RuleBreach;
import io.habitus.scoring.internal.AssessmentMemo;
import io.habitus.shared.Verdict;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Judges transitions against their images' active profiles and models. One judge for ingest and
 * for score calls, so that the same transition gets the same verdict either way. The model scores
 * every transition of an image that has one, also those the profile already rejects: the score is
 * part of the explanation, and the model's detection can be measured on its own. A transition the
 * model learned from is never anomalous, whatever its score (docs/transition-model.md).
 */
@Component
public class TransitionJudge {

    private final ActiveProfiles activeProfiles;
    private final ActiveModels activeModels;
    private final AssessmentMemo memo;

    TransitionJudge(ActiveProfiles activeProfiles, ActiveModels activeModels, AssessmentMemo memo) {
        this.activeProfiles = activeProfiles;
        this.activeModels = activeModels;
        this.memo = memo;
    }

    /**
     * @param unknownDigests images that were not registered before these events (their events are
     *                       {@link Verdict#UNKNOWN_IMAGE})
     */
    public List<Judgement> judge(List<ObservedTransition> transitions, Set<String> unknownDigests) {
        Set<String> digests = new HashSet<>();
        transitions.forEach(t -> digests.add(t.digest()));
        digests.removeAll(unknownDigests);
        Map<String, ActiveProfile> profiles = digests.isEmpty() ? Map.of() : activeProfiles.forDigests(digests);
        Map<String, ActiveModels.Active> models = profiles.isEmpty() ? Map.of() : activeModels.forDigests(profiles.keySet());
        List<Judgement> judgements = new ArrayList<>(transitions.size());
        for (ObservedTransition t : transitions) {
            if (unknownDigests.contains(t.digest())) {
                judgements.add(unjudged(t, Verdict.UNKNOWN_IMAGE, () -> "No image with digest " + t.digest()
                        + " was known; nothing judges its events until it has learned a profile"));
            } else if (!profiles.containsKey(t.digest())) {
                judgements.add(unjudged(t, Verdict.LEARNING, () -> "Image " + t.digest()
                        + " is still learning; its events are observations, not judged yet"));
            } else {
                judgements.add(judge(t, profiles.get(t.digest()), models.get(t.digest())));
            }
        }
        return judgements;
    }

    private static Judgement unjudged(ObservedTransition t, Verdict verdict, Supplier<String> explanation) {
        return new Judgement(t, verdict, null, null, null, null, null, null, explanation);
    }

    private Judgement judge(ObservedTransition t, ActiveProfile profile, ActiveModels.@Nullable Active active) {
        VersionRef profileRef = new VersionRef(profile.version(), profile.checksum());
        RuleBreach breach = profile.check(t.tokens().token()).orElse(null);
        Double score = null;
        Double threshold = null;
        Boolean learned = null;
        VersionRef modelRef = null;
        if (active != null) {
            TransitionModel model = active.model();
            TransitionModel.Assessment assessment = memo.assess(active, new Transition(
                    ContainerState.of(t.before().processes(), t.before().recentTokens()),
                    t.tokens().token().text(), ContainerState.of(t.after().processes(), t.after().recentTokens()),
                    new ActorState(t.actor().process(), t.actor().recentTokens())));
            score = assessment.score();
            threshold = assessment.threshold();
            learned = assessment.learned();
            modelRef = new VersionRef(active.version(), model.checksum());
        }
        return judged(t, profile, profileRef, breach, score, threshold, learned, modelRef);
    }

    /** The verdict, and its explanation rendered only when someone reads it. */
    private static Judgement judged(ObservedTransition t, ActiveProfile profile, VersionRef profileRef, @Nullable RuleBreach breach,
            @Nullable Double score, @Nullable Double threshold, @Nullable Boolean learned, @Nullable VersionRef modelRef) {
        String token = t.tokens().token().text();
        if (breach != null) {
            return new Judgement(t, Verdict.VIOLATION, score, threshold, learned, breach, profileRef, modelRef,
                    () -> breach.reason() + " (profile version " + profile.version() + ")" + (score == null ? ""
                            : "; model version %d scores the transition %.2f (threshold %.2f)".formatted(modelRef.version(),
                                    score, threshold)));
        }
        if (score == null) {
            return new Judgement(t, Verdict.NORMAL, null, null, null, null, profileRef, null,
                    () -> "'" + token + "' is allowed by profile version " + profile.version()
                            + "; no model is active for this image yet");
        }
        if (score < threshold && Boolean.TRUE.equals(learned)) {
            return new Judgement(t, Verdict.NORMAL, score, threshold, true, null, profileRef, modelRef,
                    () -> ("'%s' is allowed by profile version %d; model version %d scores the transition %.2f, below its "
                            + "threshold %.2f, but learned this exact transition, so it is normal").formatted(token,
                            profile.version(), modelRef.version(), score, threshold));
        }
        if (score < threshold) {
            return new Judgement(t, Verdict.ANOMALOUS, score, threshold, false, null, profileRef, modelRef, () -> {
                List<String> recent = t.before().recentTokens();
                String context = recent.isEmpty() ? "a fresh container"
                        : String.join(", ", recent.subList(Math.max(0, recent.size() - 3), recent.size()));
                List<String> own = t.actor().recentTokens();
                String actor = own.isEmpty() ? "as the first event of " + t.actor().process()
                        : "by " + t.actor().process() + " right after its own [" + String.join(", ", own) + "]";
                return ("'%s' is allowed by profile version %d, but model version %d scores the transition %.2f, below its "
                        + "threshold %.2f: unusual %s, in the container right after [%s] with processes %s")
                        .formatted(token, profile.version(), modelRef.version(), score, threshold, actor, context,
                                t.before().processes());
            });
        }
        return new Judgement(t, Verdict.NORMAL, score, threshold, learned, null, profileRef, modelRef,
                () -> "'%s' is allowed by profile version %d and model version %d scores the transition %.2f (threshold %.2f)"
                        .formatted(token, profile.version(), modelRef.version(), score, threshold));
    }
}
