package io.habitus.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Scoring throughput and latency of {@code POST /api/v1/score}: a simulated fleet learns through
 * ingest, finishes learning and gets its models trained; then N clients score its events in a
 * closed loop (the next request as soon as the previous is answered) at several concurrency levels,
 * with one and with ten events per request, with commit=false (nothing changes) and commit=true
 * (an ingest that answers with verdicts). Run it through {@code bench/scoring.sh}.
 */
public final class ScoringBenchmark {

    private ScoringBenchmark() {}

    public static void main(String[] args) throws Exception {
        ScoringOptions options;
        try {
            options = ScoringOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        String runId = "score" + DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC).format(Instant.now())
                + Fleet.hex(new Random(), 4);
        Fleet fleet = Fleet.generate("scored", new Random(options.seed()));
        List<String> digests = fleet.images.stream().map(Fleet.Image::digest).toList();

        // Learning: the same traffic shape as the ingest benchmark, then FINISH and wait for the models.
        List<PreparedBatch> learning = new BatchFactory(fleet, new Random(options.seed()))
                .build(options.learnBatches(), options.learnBatchSize(), Instant.now());
        PhaseResult learned = new ClosedLoop(learning, runId).run(
                new ServiceSink(options.baseUrl(), options.token(), false, "learn"), "learn", 1, Duration.ofMinutes(10),
                learning.size(), null, null);
        if (learned.failures() > 0) {
            System.out.println("learning ingest failed: " + learned.failureSamples());
            System.exit(1);
        }
        LearningSwitch.finish(options.baseUrl(), options.token(), digests);
        long trainingStarted = System.nanoTime();
        String trained = LearningSwitch.awaitTraining(options.baseUrl(), options.token(), digests, Duration.ofMinutes(20));
        String active = activeModels(options.baseUrl(), options.token(), digests);
        System.out.printf(Locale.ROOT, "run %s: %d images, %d containers on %d nodes learned from %,d events; models trained"
                        + " in %d s (S = succeeded, F = failed): %s; active models: %s%n", runId, fleet.images.size(),
                fleet.containers.size(), fleet.nodes.size(), learned.events(),
                (System.nanoTime() - trainingStarted) / 1_000_000_000, trained, active);

        CpuMeter cpu = CpuMeter.available() ? new CpuMeter(options.servicePid()) : null;
        // Once, before any phase: the service's JIT compiles the scoring path (per-phase warm-ups are short).
        List<PreparedBatch> warming = new BatchFactory(fleet, new Random(options.seed() + 999)).build(200, 5, Instant.now());
        new ClosedLoop(warming, runId).run(new ScoreSink(options.baseUrl(), options.token(), false, "jit"), "jit", 4,
                options.initialWarmup(), 0, null, null);
        List<ScoringResult> results = new ArrayList<>();
        long failures = 0;
        for (boolean commit : options.commits()) {
            for (int size : options.eventsPerRequest()) {
                // Fresh events of the same containers (another seed than learning), built up front.
                List<PreparedBatch> templates = new BatchFactory(fleet, new Random(options.seed() + 1000 + size))
                        .build(Math.max(1, options.templates() / size), size, Instant.now());
                ClosedLoop loop = new ClosedLoop(templates, runId);
                for (int clients : options.clients()) {
                    String name = "commit=" + commit + " x" + size;
                    ScoreSink sink = new ScoreSink(options.baseUrl(), options.token(), commit, name);
                    String phase = (commit ? "c" : "p") + size + "-" + clients;
                    PhaseResult warm = loop.run(sink, phase + "-w", clients, options.warmup(), 0, null, null);
                    sink.resetTallies();
                    PhaseResult measured = loop.run(sink, phase, clients, options.duration(), 0, null, cpu);
                    ScoringResult result = new ScoringResult(commit, size, measured, sink.tallies(), sink.modelScoredShare());
                    results.add(result);
                    System.out.println(result.summary());
                    for (PhaseResult p : List.of(warm, measured)) {
                        p.failureSamples().forEach(sample -> System.out.println("        FAILED " + sample));
                        failures += p.failures();
                    }
                }
            }
        }
        System.out.println();
        System.out.print(ScoringResult.table(results));
        if (failures > 0) {
            System.out.println("\nNOT a valid run: " + failures + " failed requests");
            System.exit(1);
        }
    }

    /** Per image, whether a model version is marked active: "A" yes, "-" no. */
    private static String activeModels(URI baseUrl, String token, List<String> digests) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        StringBuilder marks = new StringBuilder();
        for (String digest : digests) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/images/" + digest + "/models"))
                    .header("Authorization", "Bearer " + token).GET().build();
            String body = client.send(request, HttpResponse.BodyHandlers.ofString()).body();
            marks.append(body.replace(" ", "").contains("\"active\":true") ? "A" : "-");
        }
        return marks.toString();
    }
}
