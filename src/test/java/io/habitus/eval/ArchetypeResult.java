package io.habitus.eval;

import io.habitus.sim.Archetype;
import io.habitus.sim.Fleet.AttackCase;
import io.habitus.sim.Scenario;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** What Habitus answered for one archetype: every held-out normal event and every attack instance. */
record ArchetypeResult(Archetype archetype, String digest, JsonNode model, long learnedEvents, int learnedContainers,
        List<Judged> normal, Map<Scenario, List<AttackOutcome>> attacks) {

    /** One attack instance and Habitus's answer for each of its events. */
    record AttackOutcome(AttackCase attack, List<Judged> events) {

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
