package io.habitus.eval.unm;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.node.ArrayNode;

/**
 * Replays corpora of system-call traces through Habitus's public HTTP API and runs STIDE on the same
 * split; {@link UnmEvaluation} and {@link ReplayEvaluation} only say which corpora. Per corpus: one
 * image, the learning traces ingested (one container each), learning finished, the model and the
 * container detector awaited; then every held-out normal and every attack trace scored with
 * {@code commit=true}, each in a fresh container.
 *
 * <p>Container ids are {@code RUN-CORPUS-ROLE<i>} ({@code l}earning, {@code h}eld-out,
 * {@code x<kind>-} attack) and the image digest hashes {@code CORPUS/RUN}: the same corpus under the
 * same run id gives the same ids, hence the same calibration folds, whichever tool replays it.
 *
 * <p>Options: {@code --url= --token= [--run=<base-36 time>] [--clients=4] [--frame=20] [--stide-length=6]
 * [--alarm=5] [--stide-alarm=1] [--model-timeout=PT10M] [--detector-timeout=PT10M] (for all container detectors
 * together; past it the images without a READY one are replayed anyway) [--out=…] [--name=…]}
 */
final class Replay implements AutoCloseable {

    private static final int SCORE_CHUNK = 1000;
    private static final int INGEST_BATCH = 5000;

    private record Prepared(Corpus corpus, String digest, Stide stide) {}

    private final HabitusClient client;
    private final ExecutorService pool;
    private final ImageReadiness readiness;
    private final String runId;
    private final int clients;
    private final int frame;
    private final int stideLength;
    private final Duration detectorTimeout;
    private final Map<Detector, Integer> alarms;
    private final Instant start = Instant.now().minus(6, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

    Replay(Options options) {
        this.client = new HabitusClient(URI.create(options.required("url")), options.required("token"));
        this.clients = options.integer("clients", 4);
        this.pool = Executors.newFixedThreadPool(clients);
        this.readiness = new ImageReadiness(client, Duration.parse(options.get("model-timeout", "PT10M")));
        this.runId = options.get("run", Long.toString(System.currentTimeMillis(), 36));
        this.frame = options.integer("frame", 20);
        this.stideLength = options.integer("stide-length", 6);
        this.detectorTimeout = Duration.parse(options.get("detector-timeout", "PT10M"));
        this.alarms = new EnumMap<>(Detector.class);
        // The same level for the three Habitus figures; STIDE's is its own (docs/unm-evaluation.md).
        alarms.put(Detector.STIDE, options.integer("stide-alarm", 1));
        alarms.put(Detector.ALLOWLIST, 1);
        alarms.put(Detector.MODEL, options.integer("alarm", 5));
        alarms.put(Detector.COMBINED, options.integer("alarm", 5));
    }

    /**
     * Replays the corpora, writes {@code OUT/NAME.md} and {@code .json} and prints the table;
     * {@code run} (what the caller chose: data, split) gets the replay's own settings appended.
     */
    static void evaluate(Options options, List<Corpus> corpora, Map<String, Object> run, ResultWriter.Heading heading,
            String defaultOut, String defaultName) throws Exception {
        long started = System.nanoTime();
        List<DataSetResult> results;
        try (Replay replay = new Replay(options)) {
            results = replay.run(corpora, run);
        }
        run.put("seconds", Math.round(seconds(started)));
        Path out = Path.of(options.get("out", defaultOut));
        String name = options.get("name", defaultName);
        ResultWriter.write(out, name, heading, results, run);
        System.out.println(ResultWriter.markdown(heading, results, run));
        log("wrote %s and %s (%.0f s in all)", out.resolve(name + ".md"), out.resolve(name + ".json"), seconds(started));
    }

    private List<DataSetResult> run(List<Corpus> corpora, Map<String, Object> run) throws Exception {
        log("run %s: locality frame %d, STIDE windows of %d, alarm levels %s; Habitus incident: the service's",
                runId, frame, stideLength, alarms);
        List<Prepared> prepared = new ArrayList<>();
        for (Corpus corpus : corpora) {
            prepared.add(new Prepared(corpus, digest(corpus.name()), Stide.learn(corpus.learning(), stideLength, frame)));
        }
        // Learn every image first, so that one image trains while the next is ingested.
        for (Prepared p : prepared) {
            long t = System.nanoTime();
            ingest(p);
            client.learning(p.digest(), client.json().createObjectNode().put("action", "FINISH"));
            log("%s: learning ingested and finished in %.1f s (image %s)", p.corpus().name(), seconds(t), p.digest());
        }
        Map<String, Map<String, Object>> models = new LinkedHashMap<>();
        Map<String, Map<String, Object>> detectors = new LinkedHashMap<>();
        for (Prepared p : prepared) {
            models.put(p.corpus().name(), readiness.model(p.corpus().name(), p.digest()));
        }
        // One deadline for all: the service builds the detectors one after another, queued at FINISH.
        Instant deadline = Instant.now().plus(detectorTimeout);
        for (Prepared p : prepared) {
            detectors.put(p.corpus().name(), readiness.detector(p.corpus().name(), p.digest(), deadline));
        }
        List<DataSetResult> results = new ArrayList<>();
        long calls = 0;
        for (Prepared p : prepared) {
            long t = System.nanoTime();
            Corpus corpus = p.corpus();
            List<TraceOutcome> heldOut = judge(p, corpus.heldOut(), "h");
            Map<String, List<TraceOutcome>> attacks = new LinkedHashMap<>();
            int kind = 0;
            for (Map.Entry<String, List<Trace>> entry : corpus.attacks().entrySet()) {
                attacks.put(entry.getKey(), judge(p, entry.getValue(), "x" + kind++ + "-"));
            }
            Map<String, Object> sizes = new LinkedHashMap<>();
            sizes.put("normalTraces", corpus.normalTraces());
            sizes.put("learningTraces", corpus.learning().size());
            sizes.put("learningCalls", corpus.learningCalls());
            sizes.put("heldOutTraces", corpus.heldOut().size());
            sizes.put("heldOutCalls", corpus.heldOutCalls());
            sizes.put("intrusionTraces", corpus.attackTraces());
            sizes.put("stideWindows", p.stide().size());
            DataSetResult result = DataSetResult.of(corpus.name(), sizes, alarms, heldOut, attacks,
                    models.get(corpus.name()), detectors.get(corpus.name()));
            results.add(result);
            calls += corpus.calls();
            log("%s: scored in %.1f s — %s", corpus.name(), seconds(t), summary(result));
        }
        run.put("run", runId);
        run.put("localityFrame", frame);
        run.put("stideWindow", stideLength);
        run.put("alarmLevels", alarms.toString());
        run.put("eventsReplayed", calls);
        return results;
    }

    private String summary(DataSetResult result) {
        StringBuilder out = new StringBuilder();
        for (Detector detector : Detector.values()) {
            out.append(String.format(Locale.ROOT, "%s %d/%d fpr %.3f auc %.3f; ", detector.label(),
                    result.filesDetected(detector), result.files(), result.falsePositiveRate().get(detector),
                    result.auc().get(detector)));
        }
        out.append(String.format(Locale.ROOT, "attack traces with an incident %d/%d (STIDE at that rate of normal traces %d)",
                result.attackTracesFlagged().get(Detector.INCIDENT), result.attackTraces(), result.stideAtIncidentRate().attacks()));
        return out.toString();
    }

    /** Ingests the learning traces: each worker owns whole traces, so a container's batches arrive in order. */
    private void ingest(Prepared p) throws Exception {
        List<Future<?>> futures = new ArrayList<>();
        for (int worker = 0; worker < clients; worker++) {
            int w = worker;
            futures.add(pool.submit(() -> {
                ArrayNode batch = client.json().createArrayNode();
                int batchNo = 0;
                List<Trace> learning = p.corpus().learning();
                for (int i = w; i < learning.size(); i += clients) {
                    for (ArrayNode chunk : events(p, learning.get(i), "l" + i)) {
                        batch.addAll(chunk);
                        if (batch.size() >= INGEST_BATCH) {
                            client.ingest(runId + "-" + p.corpus().name() + "-" + w + "-" + batchNo++, batch);
                            batch = client.json().createArrayNode();
                        }
                    }
                }
                if (!batch.isEmpty()) {
                    client.ingest(runId + "-" + p.corpus().name() + "-" + w + "-" + batchNo, batch);
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
    }

    /** Scores traces, each in a fresh container, with commit=true, in parallel across traces. */
    private List<TraceOutcome> judge(Prepared p, List<Trace> traces, String prefix) throws Exception {
        List<Future<TraceOutcome>> futures = new ArrayList<>();
        for (int i = 0; i < traces.size(); i++) {
            Trace trace = traces.get(i);
            String container = prefix + i;
            futures.add(pool.submit(() -> {
                List<HabitusClient.Judged> judged = new ArrayList<>(trace.length() + 1);
                for (ArrayNode chunk : events(p, trace, container)) {
                    judged.addAll(client.score(chunk, true));
                }
                return TraceOutcome.of(trace, p.stide(), judged, frame, alarms);
            }));
        }
        List<TraceOutcome> outcomes = new ArrayList<>(traces.size());
        for (Future<TraceOutcome> future : futures) {
            outcomes.add(future.get());
        }
        return outcomes;
    }

    private List<ArrayNode> events(Prepared p, Trace trace, String container) {
        Corpus corpus = p.corpus();
        return TraceEvents.of(client.json(), trace, corpus.syscalls(), "replay/" + corpus.name(), p.digest(),
                runId + "-" + corpus.name() + "-" + container, corpus.executable(), start, SCORE_CHUNK);
    }

    private String digest(String name) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((name + "/" + runId).getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    static void log(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[replay] " + format + "%n", args);
    }
}
