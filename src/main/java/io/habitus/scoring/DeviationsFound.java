package io.habitus.scoring;

import java.util.List;

/** Published inside the judging transaction, so that audits commit or roll back with the events. */
public record DeviationsFound(List<Deviation> deviations) {

    public DeviationsFound {
        deviations = List.copyOf(deviations);
    }
}
