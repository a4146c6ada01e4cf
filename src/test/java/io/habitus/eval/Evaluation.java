package io.habitus.eval;

import io.habitus.sim.Archetype;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The detection evaluation (eval/simulate.sh): for each archetype, learn, train, score held-out
 * normal traffic and every attack through Habitus's HTTP API; print the table, write results.json,
 * results.txt, ROC curves and transition maps into the output folder. docs/evaluation.md defines
 * what is counted.
 */
public final class Evaluation {

    private Evaluation() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        EvalOptions options = EvalOptions.parse(args);
        HabitusClient client = new HabitusClient(options.url(), options.token());
        if (!client.ready()) {
            throw new IllegalStateException("Habitus at " + options.url() + " is not ready");
        }
        Files.createDirectories(options.out());
        // Event times must lie within the service's retention and not in the future; the simulated
        // day starts ten hours ago. Only times move between runs: tokens, and so numbers, do not.
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(10));
        List<ArchetypeResult> results = new ArrayList<>();
        for (Archetype archetype : options.archetypes()) {
            results.add(new ArchetypeEvaluation(client, options, archetype, start).run());
        }
        String table = Report.table(results);
        System.out.println(table);
        Files.writeString(options.out().resolve("results.txt"), table);
        Report.writeJson(results, options, options.out().resolve("results.json"));
        List<Path> pictures = new ArrayList<>();
        for (ArchetypeResult result : results) {
            pictures.add(Charts.roc(result, options.out()));
            try {
                pictures.add(TransitionMap.draw(result, options.out()));
            } catch (RuntimeException e) {
                System.err.println("[eval] transition map of " + result.archetype().name() + " failed: " + e);
            }
        }
        pictures.add(Charts.rocInAllowlist(results, options.out()));
        System.out.println("written: " + options.out().resolve("results.json") + ", " + options.out().resolve("results.txt"));
        pictures.forEach(p -> System.out.println("picture: " + p));
    }
}
