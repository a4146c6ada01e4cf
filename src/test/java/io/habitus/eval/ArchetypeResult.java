package io.habitus.eval;

import io.habitus.sim.Archetype;
import io.habitus.sim.Fleet.AttackCase;
import io.habitus.sim.Scenario;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What Habitus answered for one archetype: every held-out normal event of the long lives, the
 * verdict on every held-out normal container (long and short lives), every attack instance, and the
 * container detector those verdicts came from (as /detectors lists it).
 */
record ArchetypeResult(Archetype archetype, String digest, JsonNode model, JsonNode detector, long learnedEvents,
        int learnedContainers, List<Judged> normal, List<ContainerVerdict> normalContainers,
        Map<Scenario, List<AttackOutcome>> attacks) {

    /**
     * One attack instance: Habitus's what-if answer for each of its events, and its verdict on the
     * attack's container once the container's whole life (normal history, then the attack) was
     * committed.
     */
    record AttackOutcome(AttackCase attack, List<Judged> events, ContainerVerdict container) {

        boolean byAllowlist() {
            return events.stream().anyMatch(Judged::byAllowlist);
        }

        boolean byModel() {
            return events.stream().anyMatch(Judged::byModel);
        }

        boolean byBoth() {
            return byAllowlist() || byModel();
        }

        /** The event the model finds least normal. */
        Judged mostAnomalous() {
            Judged worst = events.getFirst();
            for (Judged judged : events) {
                if (judged.modelScore() < worst.modelScore()) {
                    worst = judged;
                }
            }
            return worst;
        }

        double modelScore() {
            return mostAnomalous().modelScore();
        }

        double combinedScore() {
            return byAllowlist() ? Double.NEGATIVE_INFINITY : modelScore();
        }

        double allowlistScore() {
            return byAllowlist() ? 0 : 1;
        }
    }
}
