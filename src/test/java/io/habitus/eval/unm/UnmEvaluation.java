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
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Replays the UNM/MIT system-call data sets through Habitus's public HTTP API and compares it with
 * STIDE on the same split (see docs/unm-evaluation.md). Per data set: one image, the learning
 * traces ingested (one container each), learning finished, the model awaited; then every held-out
 * normal trace and every intrusion trace scored with {@code commit=true}, each in a fresh container.
 *
 * <p>Usage: {@code UnmEvaluation --data=FOLDER --url=URL --token=TOKEN [--out=docs] [--seed=20261128]
 * [--learning-fraction=0.7] [--max-learning=400] [--max-held-out=200] [--clients=4] [--frame=20]
 * [--stide-length=6] [--alarm=5] [--stide-alarm=1] [--sets=sendmail,xlock]}
 */
public final class UnmEvaluation {

    private static final int SCORE_CHUNK = 1000;
    private static final int INGEST_BATCH = 5000;

    private final HabitusClient client;
    private final Map<String, String> options;
    private final ExecutorService pool;
    private final String runId;
    private final Instant start = Instant.now().minus(6, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

    private UnmEvaluation(Map<String, String> options) {
        this.options = options;
        this.client = new HabitusClient(URI.create(required(options, "url")), required(options, "token"));
        this.pool = Executors.newFixedThreadPool(integer("clients", 4));
        this.runId = options.getOrDefault("run", Long.toString(System.currentTimeMillis(), 36));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("arguments are --key=value, got " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        UnmEvaluation evaluation = new UnmEvaluation(options);
        try {
            evaluation.run();
        } finally {
            evaluation.pool.shutdownNow();
        }
    }

    private record Prepared(DataSet data, TraceSplit split, String digest, Stide stide) {}

    private void run() throws Exception {
        long started = System.nanoTime();
        Path folder = Path.of(required(options, "data"));
        long seed = Long.parseLong(options.getOrDefault("seed", "20261128"));
        double fraction = Double.parseDouble(options.getOrDefault("learning-fraction", "0.7"));
        int maxLearning = integer("max-learning", 400);
        int maxHeldOut = integer("max-held-out", 200);
        int frame = integer("frame", 20);
        int stideLength = integer("stide-length", 6);
        Set<String> only = options.containsKey("sets") ? Set.of(options.get("sets").split(",")) : Set.of();
        Map<Detector, Integer> alarms = alarmLevels();
        log("run %s: seed %d, learning fraction %.2f, at most %d learning and %d held-out traces per data set, "
                + "locality frame %d, STIDE windows of %d, alarm levels %s", runId, seed, fraction, maxLearning,
                maxHeldOut, frame, stideLength, alarms);

        List<Prepared> prepared = new ArrayList<>();
        for (DataSets.Definition definition : DataSets.ALL) {
            if (!only.isEmpty() && !only.contains(definition.name())) {
                continue;
            }
            DataSet data = DataSets.load(folder, definition);
            TraceSplit split = TraceSplit.of(data.normal(), seed, fraction, maxLearning, maxHeldOut);
            log("%s: %d normal traces (%d calls); learning %d traces (%d calls), held-out %d traces (%d calls)%s; "
                    + "%d intrusion files, %d traces", data.name(), data.normal().size(), data.normalCalls(),
                    split.learning().size(), split.learningCalls(), split.heldOut().size(), split.heldOutCalls(),
                    split.learning().size() + split.heldOut().size() < split.available()
                            ? " (subsampled with seed " + seed + ")" : "",
                    data.intrusions().size(), data.intrusions().values().stream().mapToInt(List::size).sum());
            prepared.add(new Prepared(data, split, digest(data.name()), Stide.learn(split.learning(), stideLength, frame)));
        }

        // Learn every image first, so that one image trains while the next is ingested.
        for (Prepared p : prepared) {
            long t = System.nanoTime();
            ingest(p);
            ObjectNode finish = client.json().createObjectNode().put("action", "FINISH");
            client.learning(p.digest(), finish);
            log("%s: learning ingested and finished in %.1f s (image %s)", p.data().name(), seconds(t), p.digest());
        }
        Map<String, Map<String, Object>> models = new LinkedHashMap<>();
        for (Prepared p : prepared) {
            models.put(p.data().name(), awaitModel(p));
        }

        List<DataSetResult> results = new ArrayList<>();
        long calls = 0;
        for (Prepared p : prepared) {
            long t = System.nanoTime();
            List<TraceOutcome> heldOut = judge(p, p.split().heldOut(), "h", frame);
            Map<String, List<TraceOutcome>> intrusions = new LinkedHashMap<>();
            int file = 0;
            for (Map.Entry<String, List<Trace>> entry : p.data().intrusions().entrySet()) {
                intrusions.put(entry.getKey(), judge(p, entry.getValue(), "x" + file++, frame));
            }
            Map<String, Object> sizes = new LinkedHashMap<>();
            sizes.put("normalTraces", p.data().normal().size());
            sizes.put("learningTraces", p.split().learning().size());
            sizes.put("learningCalls", p.split().learningCalls());
            sizes.put("heldOutTraces", p.split().heldOut().size());
            sizes.put("heldOutCalls", p.split().heldOutCalls());
            sizes.put("intrusionTraces", p.data().intrusions().values().stream().mapToInt(List::size).sum());
            sizes.put("stideWindows", p.stide().size());
            DataSetResult result = DataSetResult.of(p.data().name(), sizes, alarms, heldOut, intrusions,
                    models.get(p.data().name()));
            results.add(result);
            calls += p.split().learningCalls() + p.split().heldOutCalls()
                    + p.data().intrusions().values().stream().flatMap(List::stream).mapToLong(Trace::length).sum();
            log("%s: scored in %.1f s — %s", p.data().name(), seconds(t), summary(result));
        }
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("dataFolder", folder.toString());
        run.put("seed", seed);
        run.put("learningFraction", fraction);
        run.put("maxLearningTraces", maxLearning);
        run.put("maxHeldOutTraces", maxHeldOut);
        run.put("localityFrame", frame);
        run.put("stideWindow", stideLength);
        run.put("alarmLevels", alarms.toString());
        run.put("eventsReplayed", calls);
        run.put("seconds", Math.round(seconds(started)));
        Path out = Path.of(options.getOrDefault("out", "docs"));
        String name = options.getOrDefault("name", "unm-results");
        ResultWriter.write(out, name, results, run);
        System.out.println(ResultWriter.markdown(results, run));
        log("wrote %s and %s (%.0f s in all)", out.resolve(name + ".md"), out.resolve(name + ".json"), seconds(started));
    }

    /** The same level for the three Habitus detectors; STIDE's is its own (documented in docs/unm-evaluation.md). */
    private Map<Detector, Integer> alarmLevels() {
        Map<Detector, Integer> alarms = new EnumMap<>(Detector.class);
        alarms.put(Detector.STIDE, integer("stide-alarm", 1));
        alarms.put(Detector.ALLOWLIST, 1);
        alarms.put(Detector.MODEL, integer("alarm", 5));
        alarms.put(Detector.COMBINED, integer("alarm", 5));
        return alarms;
    }

    private String summary(DataSetResult result) {
        StringBuilder out = new StringBuilder();
        for (Detector detector : Detector.values()) {
            out.append(String.format(Locale.ROOT, "%s %d/%d fpr %.3f auc %.3f; ", detector.label(),
                    result.filesDetected(detector), result.files(), result.falsePositiveRate().get(detector),
                    result.auc().get(detector)));
        }
        return out.toString();
    }

    /** Ingests the learning traces: each worker owns whole traces, so a container's batches arrive in order. */
    private void ingest(Prepared p) throws Exception {
        int clients = integer("clients", 4);
        List<Future<?>> futures = new ArrayList<>();
        for (int worker = 0; worker < clients; worker++) {
            int w = worker;
            futures.add(pool.submit(() -> {
                ArrayNode batch = client.json().createArrayNode();
                int batchNo = 0;
                List<Trace> learning = p.split().learning();
                for (int i = w; i < learning.size(); i += clients) {
                    for (ArrayNode chunk : events(p, learning.get(i), "l" + i)) {
                        batch.addAll(chunk);
                        if (batch.size() >= INGEST_BATCH) {
                            client.ingest(runId + "-" + p.data().name() + "-" + w + "-" + batchNo++, batch);
                            batch = client.json().createArrayNode();
                        }
                    }
                }
                if (!batch.isEmpty()) {
                    client.ingest(runId + "-" + p.data().name() + "-" + w + "-" + batchNo, batch);
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
    }

    /** Scores traces, each in a fresh container, with commit=true, in parallel across traces. */
    private List<TraceOutcome> judge(Prepared p, List<Trace> traces, String prefix, int frame) throws Exception {
        List<Future<TraceOutcome>> futures = new ArrayList<>();
        for (int i = 0; i < traces.size(); i++) {
            Trace trace = traces.get(i);
            String container = prefix + i;
            futures.add(pool.submit(() -> {
                List<HabitusClient.Judged> judged = new ArrayList<>(trace.length() + 1);
                for (ArrayNode chunk : events(p, trace, container)) {
                    judged.addAll(client.score(chunk, true));
                }
                return TraceOutcome.of(trace, p.stide(), judged, frame);
            }));
        }
        List<TraceOutcome> outcomes = new ArrayList<>(traces.size());
        for (Future<TraceOutcome> future : futures) {
            outcomes.add(future.get());
        }
        return outcomes;
    }

    private List<ArrayNode> events(Prepared p, Trace trace, String container) {
        return TraceEvents.of(client.json(), trace, "unm/" + p.data().name(), p.digest(),
                "unm-" + runId + "-" + p.data().name() + "-" + container, p.data().executable(), start, SCORE_CHUNK);
    }

    /** Waits until the image's training job ends; the active model's figures, or why there is none. */
    private Map<String, Object> awaitModel(Prepared p) throws Exception {
        long t = System.nanoTime();
        Duration timeout = Duration.parse(options.getOrDefault("model-timeout", "PT10M"));
        Map<String, Object> model = new LinkedHashMap<>();
        while (true) {
            JsonNode jobs = client.get("/api/v1/images/" + p.digest() + "/models/jobs");
            boolean pending = jobs.isEmpty();
            String failure = null;
            for (JsonNode job : jobs) {
                String status = job.path("status").asString();
                pending |= status.equals("QUEUED") || status.equals("RUNNING");
                if (status.equals("FAILED")) {
                    failure = job.path("error").asString();
                }
            }
            if (!pending) {
                for (JsonNode version : client.get("/api/v1/images/" + p.digest() + "/models")) {
                    if (version.path("active").asBoolean()) {
                        JsonNode stats = version.path("statistics");
                        model.put("version", version.path("version").asInt());
                        model.put("distinctTransitions", version.path("sampleDistinct").asInt());
                        model.put("nu", version.path("hyperParameters").path("nu").asDouble());
                        model.put("gammaFactor", version.path("hyperParameters").path("gammaFactor").asDouble());
                        model.put("supportVectors", stats.path("supportVectors").asInt());
                        model.put("threshold", round(version.path("threshold").asDouble()));
                        model.put("trainingMs", stats.path("trainingMillis").asLong());
                    }
                }
                if (model.isEmpty()) {
                    model.put("none", failure == null ? "no model" : failure);
                }
                log("%s: model after %.1f s: %s", p.data().name(), seconds(t), model);
                return model;
            }
            if (seconds(t) > timeout.toSeconds()) {
                throw new IllegalStateException("no model for " + p.data().name() + " after " + timeout);
            }
            Thread.sleep(500);
        }
    }

    private String digest(String name) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(("unm/" + name + "/" + runId).getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private int integer(String key, int fallback) {
        return Integer.parseInt(options.getOrDefault(key, String.valueOf(fallback)));
    }

    private static String required(Map<String, String> options, String key) {
        String value = options.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + key + "= is required");
        }
        return value;
    }

    private static double round(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static void log(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[unm] " + format + "%n", args);
    }
}
