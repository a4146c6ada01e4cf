package io.habitus.pipeline.internal;

import io.habitus.shared.FieldError;
import io.habitus.incident.ContainerRisk;
import io.habitus.scoring.Judgement;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a score call answers.
 *
 * @param duplicate a committed call whose batchId was already ingested: nothing new was judged
 * @param results   one per judged event, in request order
 * @param rejected  events ingest refused after validation passed (a container that moved to another
 *                  image meanwhile); empty almost always
 */
public record ScoreAnswer(boolean commit, @Nullable String batchId, boolean duplicate, List<Scored> results,
        List<FieldError> rejected) {

    /** One event's judgement, its container's risk after it (null where no detector judges), and its position in the request. */
    public record Scored(int index, Judgement judgement, @Nullable ContainerRisk container) {}

    public ScoreAnswer {
        results = List.copyOf(results);
        rejected = List.copyOf(rejected);
    }
}
