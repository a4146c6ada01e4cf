package io.habitus.incident;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the pipeline's evidence step made of a group of judgements.
 *
 * @param risks  one per judgement, in its order; null where no detector judges the image
 * @param raised the incidents it opened or raised in severity outside a dry run: the next step alerts them
 */
public record ContainerAssessment(List<@Nullable ContainerRisk> risks, List<IncidentRaised> raised) {
}
