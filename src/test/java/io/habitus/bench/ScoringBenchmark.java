package io.habitus.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Random;

/**
 * Scoring throughput and latency of {@code POST /api/v1/score}: a simulated fleet learns through
 * ingest, finishes learning and gets its models trained; then N clients score its events in a
 * closed loop (the next request as soon as the previous is answered) at several concurrency levels,
 * with one and with ten events per request, with commit=false (nothing changes) and commit=true
 * (an ingest that answers with verdicts). The load comes from {@code wrk} where it is installed
 * ({@link WrkLoad}), else from a JDK HttpClient closed loop; with wrk every phase is also compared
 * with {@code GET /api/v1/caller} at the same concurrency, an authenticated call that does no work.
 * Run it through {@code bench/scoring.sh}.
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
        Fleet fleet = Fleet.generate("scored", options.nodes(), new Random(options.seed()));
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
        // Once, before any phase: the service's JIT compiles the scoring paths measured (per-phase warm-ups are
        // short). A committed call runs code a what-if never does (storing, the state and evidence writes, the
        // group commit): warmed by what-if calls only, the first committed phases measured C2 compiling it
        // (a third of a core in a 16-client phase, 2026-12-07).
        List<PreparedBatch> warming = new BatchFactory(fleet, new Random(options.seed() + 999)).build(200, 5, Instant.now());
        for (boolean commit : options.commits()) {
            new ClosedLoop(warming, runId).run(new ScoreSink(options.baseUrl(), options.token(), commit, "jit"),
                    "jit-" + commit, 4, options.initialWarmup(), 0, null, null);
        }
        List<ScoringResult> results = new ArrayList<>();
        long callerFailures = 0;
        boolean wrk = switch (options.loadGenerator()) {
            case "wrk" -> true;
            case "java" -> false;
            default -> WrkLoad.available();
        };
        System.out.println(wrk ? "load generator: wrk (bench/score.lua)"
                : "load generator: the JDK HttpClient closed loop (wrk not found: apt-get install wrk)");
        WrkLoad load = new WrkLoad(options.baseUrl(), options.token(), Path.of("bench/score.lua"), Path.of("target/bench/wrk"),
                options.servicePid());
        StepMetrics steps = new StepMetrics(options.baseUrl());
        // The baseline: an authenticated call that does no work, by the same load generator, per concurrency.
        Map<Integer, Double> baseline = new HashMap<>();
        if (wrk && !options.baseline().equals("none")) {
            for (int clients : options.clients()) {
                load.run("caller-w" + clients, options.baseline(), List.of(), false, clients, options.warmup(), 1);
                WrkLoad.Run caller = load.run("caller-" + clients, options.baseline(), List.of(), false, clients, options.duration(), 1);
                baseline.put(clients, caller.requestsPerSecond());
                System.out.printf(Locale.ROOT, "GET %s   clients=%-3d %,8.0f req/s  p50 %6.2f ms  p99 %6.2f ms%s%n",
                        options.baseline(), clients, caller.requestsPerSecond(), caller.p50Millis(), caller.p99Millis(),
                        caller.cpu() == null ? "" : "\n        " + caller.cpu());
                callerFailures += caller.failed();
            }
        }
        Phases phases = new Phases(options, runId, wrk, load, steps, baseline, cpu);
        // Containers of the same images that no agent reported: what a dashboard's what-if about a new
        // container costs (the catalogue knows nothing of them), against the reported ones' in the same run.
        Fleet unreported = Fleet.generate("scored", options.nodes(), new Random(options.seed() ^ 0x5eedL));
        for (boolean commit : options.commits()) {
            for (int size : options.eventsPerRequest()) {
                // Fresh events of the same containers (another seed than learning), built up front.
                List<PreparedBatch> templates = new BatchFactory(fleet, new Random(options.seed() + 1000 + size))
                        .build(Math.max(1, options.templates() / size), size, Instant.now());
                boolean alsoUnreported = options.unreported() && !commit;
                List<PreparedBatch> unreportedTemplates = !alsoUnreported ? List.of()
                        : new BatchFactory(unreported, new Random(options.seed() + 2000 + size))
                                .build(Math.max(1, options.templates() / size), size, Instant.now());
                for (int clients : options.clients()) {
                    ScoringResult reported = phases.measure(templates, commit, size, clients, false);
                    results.add(reported);
                    if (alsoUnreported) {
                        ScoringResult fresh = phases.measure(unreportedTemplates, false, size, clients, true);
                        results.add(fresh);
                        System.out.printf(Locale.ROOT, "        unreported containers: %.2f × the reported containers' scores/s%n",
                                fresh.phase().eventsPerSecond() / reported.phase().eventsPerSecond());
                    }
                }
            }
        }
        long failures = callerFailures + phases.failures;
        System.out.println();
        System.out.print(ScoringResult.table(results));
        if (failures > 0) {
            System.out.println("\nNOT a valid run: " + failures + " failed requests");
            System.exit(1);
        }
    }

    /** One measured phase per call: the answers checked by the Java client, then the load (wrk or Java) measured. */
    private static final class Phases {

        private final ScoringOptions options;
        private final String runId;
        private final boolean wrk;
        private final WrkLoad load;
        private final StepMetrics steps;
        private final Map<Integer, Double> baseline;
        private final CpuMeter cpu;
        long failures;

        Phases(ScoringOptions options, String runId, boolean wrk, WrkLoad load, StepMetrics steps, Map<Integer, Double> baseline,
                CpuMeter cpu) {
            this.options = options;
            this.runId = runId;
            this.wrk = wrk;
            this.load = load;
            this.steps = steps;
            this.baseline = baseline;
            this.cpu = cpu;
        }

        ScoringResult measure(List<PreparedBatch> templates, boolean commit, int size, int clients, boolean unreported)
                throws Exception {
            ClosedLoop loop = new ClosedLoop(templates, runId);
            String name = "commit=" + commit + " x" + size + (unreported ? " unreported" : "");
            ScoreSink sink = new ScoreSink(options.baseUrl(), options.token(), commit, name);
            String phase = (commit ? "c" : "p") + size + "-" + clients + (unreported ? "-u" : "");
            PhaseResult measured;
            String stepsText;
            if (wrk) {
                // Answers checked in full by the Java client first (verdicts, one result per event), then wrk.
                PhaseResult checked = loop.run(sink, phase + "-check", Math.min(clients, 4), Duration.ZERO, 100, null, null);
                checked.failureSamples().forEach(sample -> System.out.println("        FAILED " + sample));
                failures += checked.failures();
                List<String> bodies = templates.stream().map(ScoringBenchmark::body).toList();
                load.run(phase + "-w", "/api/v1/score?commit=" + commit, bodies, commit, clients, options.warmup(), size);
                Map<String, Double> before = steps.read();
                WrkLoad.Run run = load.run(phase, "/api/v1/score?commit=" + commit, bodies, commit, clients,
                        options.duration(), size);
                stepsText = StepMetrics.between(before, steps.read(), run.requests());
                measured = new PhaseResult(name, clients, run.requests(), run.requests() * size, run.seconds(),
                        run.failed(), List.of(), run.p50Millis(), run.p99Millis(), "", run.cpu());
            } else {
                PhaseResult warm = loop.run(sink, phase + "-w", clients, options.warmup(), 0, null, null);
                warm.failureSamples().forEach(sample -> System.out.println("        FAILED " + sample));
                failures += warm.failures();
                sink.resetTallies();
                Map<String, Double> before = steps.read();
                measured = loop.run(sink, phase, clients, options.duration(), 0, null, cpu);
                stepsText = StepMetrics.between(before, steps.read(), measured.batches());
            }
            ScoringResult result = new ScoringResult(commit, size, unreported, measured, sink.tallies(), sink.modelScoredShare(),
                    baseline.getOrDefault(clients, Double.NaN), stepsText);
            System.out.println(result.summary());
            measured.failureSamples().forEach(sample -> System.out.println("        FAILED " + sample));
            failures += measured.failures();
            return result;
        }
    }

    /** The request body wrk sends: the batch's events (commit=true: bench/score.lua adds a batchId). */
    private static String body(PreparedBatch batch) {
        return "{\"events\":" + new String(batch.eventsJson(), StandardCharsets.UTF_8) + "}";
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
