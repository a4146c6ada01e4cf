package io.habitus.eval;

import io.habitus.eval.ArchetypeResult.AttackOutcome;
import io.habitus.sim.Archetype;
import io.habitus.sim.Fleet;
import io.habitus.sim.Fleet.AttackCase;
import io.habitus.sim.Fleet.ContainerEvents;
import io.habitus.sim.Scenario;
import io.habitus.sim.SimEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One archetype through Habitus's public API: learn on normal traffic, finish learning, wait for
 * the model and the container detector, score held-out normal traffic (long lives, then many short
 * ones; committed, as live traffic would be) and every attack (what-if, each after its container's
 * own normal history; then that container's whole life committed, for the incident verdict).
 */
final class ArchetypeEvaluation {

    private static final int CHUNK = 1000;
    private static final List<String> LEARN_NODES = List.of("node-a", "node-b", "node-c");
    private static final List<String> HELDOUT_NODES = List.of("node-a", "node-d");

    private final HabitusClient client;
    private final EvalOptions options;
    private final Archetype archetype;
    private final Instant start;
    private final AnswerDump dump = AnswerDump.fromEnvironment();

    ArchetypeEvaluation(HabitusClient client, EvalOptions options, Archetype archetype, Instant start) {
        this.client = client;
        this.options = options;
        this.archetype = archetype;
        this.start = start;
    }

    ArchetypeResult run() throws InterruptedException {
        String digest = Fleet.digest(archetype, options.salt());
        List<ContainerEvents> learning = new ArrayList<>(Fleet.simulate(archetype, options.salt(), "learn",
                options.learnPods(), options.learnSteps(), LEARN_NODES, 0.5, options.seed(), start));
        learning.addAll(Fleet.shortLives(archetype, options.salt(), "learn-short", options.learnShortLives(),
                options.shortMinSteps(), options.shortMaxSteps(), LEARN_NODES, options.seed() + 4, start));
        long events = learning.stream().mapToLong(c -> c.events().size()).sum();
        log("learning on %,d events of %d containers", events, learning.size());
        boolean configured = false;
        for (int c = 0; c < learning.size(); c++) {
            List<SimEvent> all = learning.get(c).events();
            for (int from = 0, chunk = 0; from < all.size(); from += CHUNK, chunk++) {
                client.ingest(batchId("learn", c, chunk), all.subList(from, Math.min(all.size(), from + CHUNK)));
                if (!configured) {
                    // Learning must not end by itself halfway through the traffic: the evaluation ends it.
                    client.learning(digest, Map.of("action", "CONFIGURE", "window", "P3650D", "stability", "P3650D"));
                    configured = true;
                }
            }
        }
        client.learning(digest, Map.of("action", "FINISH"));
        JsonNode model = client.awaitActiveModel(digest, Duration.ofMinutes(15));
        log("model v%d active: threshold %.3f, %s", model.path("version").asInt(), model.path("threshold").asDouble(),
                model.path("hyperParameters"));
        // Containers are judged as the product judges them only once its container detector is READY.
        long waited = System.nanoTime();
        JsonNode detector = client.awaitDetector(digest, options.detectorTimeout());
        log("container detector %s after %.0f s: threshold %s, mix threshold %s, novelty rate %s, calibration %s",
                detector.path("status").asString("NONE"), (System.nanoTime() - waited) / 1e9, detector.path("threshold"),
                detector.path("mixThreshold"), detector.path("noveltyRate"), detector.path("statistics"));
        if (!"READY".equals(detector.path("status").asString())) {
            log("WARNING no READY container detector (%s): no container can get an incident", detector.path("error"));
        }

        List<ContainerEvents> heldout = Fleet.simulate(archetype, options.salt(), "heldout", options.heldoutPods(),
                options.heldoutSteps(), HELDOUT_NODES, 0.5, options.seed() + 1, start.plus(Duration.ofHours(3)));
        List<Judged> normal = new ArrayList<>();
        List<ContainerVerdict> normalContainers = new ArrayList<>();
        for (int c = 0; c < heldout.size(); c++) {
            List<Judged> answers = commit(heldout.get(c).events(), "heldout", c);
            normal.addAll(answers);
            normalContainers.add(ContainerVerdict.of(heldout.get(c).container().id(), "held-out", answers));
        }
        log("scored %,d held-out normal events", normal.size());
        List<ContainerEvents> lives = Fleet.shortLives(archetype, options.salt(), "short", options.shortLives(),
                options.shortMinSteps(), options.shortMaxSteps(), HELDOUT_NODES, options.seed() + 3,
                start.plus(Duration.ofHours(4)));
        long shortEvents = 0;
        for (int c = 0; c < lives.size(); c++) {
            List<Judged> answers = commit(lives.get(c).events(), "short", c);
            shortEvents += answers.size();
            normalContainers.add(ContainerVerdict.of(lives.get(c).container().id(), "short", answers));
        }
        log("scored %d short normal lives (%,d events); %d of %d held-out normal containers have an incident",
                lives.size(), shortEvents, normalContainers.stream().filter(ContainerVerdict::incident).count(),
                normalContainers.size());

        Map<Scenario, List<AttackOutcome>> attacks = new LinkedHashMap<>();
        for (Scenario scenario : Scenario.ALL) {
            List<AttackOutcome> outcomes = new ArrayList<>();
            for (AttackCase attack : Fleet.attacks(archetype, scenario, options.salt(), options.attacks(), options.seed() + 2,
                    start.plus(Duration.ofHours(6)))) {
                List<Judged> judged = new ArrayList<>();
                client.score(attack.attack(), attack.prior(), false, null).forEach(result -> judged.add(Judged.of(result)));
                // The what-if above changes nothing and opens nothing; the incident verdict needs the
                // container's life committed, as an agent would send it: its normal history, then the attack.
                List<SimEvent> life = new ArrayList<>(attack.prior());
                life.addAll(attack.attack());
                ContainerVerdict verdict = ContainerVerdict.of(attack.container().id(), scenario.name(),
                        commit(life, "attack-" + scenario.name(), attack.instance()));
                outcomes.add(new AttackOutcome(attack, judged, verdict));
            }
            attacks.put(scenario, outcomes);
        }
        log("scored %d attack scenarios × %d instances", attacks.size(), options.attacks());
        return new ArchetypeResult(archetype, digest, model, detector, events, learning.size(), normal, normalContainers,
                attacks);
    }

    /** Scores one container's events with commit=true (an ingest), in order; Habitus's answer for each. */
    private List<Judged> commit(List<SimEvent> events, String phase, int container) {
        List<Judged> answers = new ArrayList<>(events.size());
        for (int from = 0, chunk = 0; from < events.size(); from += CHUNK, chunk++) {
            JsonNode results = client.score(events.subList(from, Math.min(events.size(), from + CHUNK)), null, true,
                    batchId(phase, container, chunk));
            dump.write(archetype.name(), phase, container, results);
            results.forEach(result -> answers.add(Judged.of(result)));
        }
        return answers;
    }

    private String batchId(String phase, int container, int chunk) {
        return "sim-" + options.salt() + "-" + archetype.name() + "-" + phase + "-" + container + "-" + chunk;
    }

    private void log(String format, Object... args) {
        System.err.printf("[eval] %-8s " + format + "%n", prepend(archetype.name(), args));
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
