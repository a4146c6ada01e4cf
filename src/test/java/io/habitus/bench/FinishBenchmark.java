package io.habitus.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How long {@code POST …/learning {"action":"FINISH"}} takes at fleet scale: for each size, a new
 * image with that many containers learns from {@code --events-per-container} events each (sent
 * through the ingest API), then FINISH is timed from request to answer. The answer comes after the
 * commit that built and activated the profile; the training job is queued right after that commit
 * (an after-commit listener); the benchmark checks both through the API. Meanwhile {@link FinishProbe} keeps ingesting and reading the image.
 *
 * <p>Run it through {@code bench/finish.sh}; flags are listed by {@code --help}.
 */
public final class FinishBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FinishBenchmark() {}

    record Result(int containers, String shape, double ingestSeconds, long events, double finishSeconds, int entries,
            String job, String probe, String detector) {}

    public static void main(String[] args) throws Exception {
        FinishOptions options;
        try {
            options = FinishOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        String runId = "finish" + DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        System.out.printf("run %s: image %s, %d events per container, %d containers per node, statistics %s%n%n", runId,
                options.image(), options.eventsPerContainer(), options.containersPerNode(), options.statistics());
        List<Result> results = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (FinishDatabase database = new FinishDatabase(options)) {
            for (int containers : options.containers()) {
                results.add(measure(options, database, runId, containers, problems));
            }
        }
        System.out.printf("%nFINISH at fleet scale (%d events per container, statistics %s)%n", options.eventsPerContainer(),
                options.statistics());
        System.out.println("| containers | events | window rows | ingest s | FINISH s | entries | training job "
                + "| slowest during FINISH, ms: ingest / progress / image | container detector after FINISH |");
        System.out.println("|-----------:|-------:|:------------|---------:|---------:|--------:|:-------------|"
                + ":------------------------------------------------------|:--------------------------------|");
        for (Result r : results) {
            System.out.printf("| %,d | %,d | %s | %.1f | %.2f | %d | %s | %s | %s |%n", r.containers(), r.events(), r.shape(),
                    r.ingestSeconds(), r.finishSeconds(), r.entries(), r.job(), r.probe(), r.detector());
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> System.out.println("PROBLEM " + p));
            System.out.println("\nNOT a valid run");
            System.exit(1);
        }
    }

    private static Result measure(FinishOptions options, FinishDatabase database, String runId, int containers,
            List<String> problems) throws Exception {
        Random random = new Random(options.seed() + containers);
        Fleet fleet = Fleet.ofOneImage(runId + "/" + containers, options.image(), containers, options.containersPerNode(), random);
        String digest = fleet.images.getFirst().digest();
        ImageLoad load = new ImageLoad(fleet, new BatchFactory(fleet, random), runId + "-" + containers);
        ServiceSink sink = new ServiceSink(options.baseUrl(), options.token(), false);
        long events = (long) containers * options.eventsPerContainer();

        database.beforeLearning();
        double ingest = load.send(sink, events, options.batchSize(), options.clients());
        System.out.printf("%,d containers on %,d nodes: %,d events ingested in %.1f s (%,.0f/s)%n", containers,
                fleet.nodes.size(), events, ingest, events / ingest);
        Thread.sleep(2_000); // the service writes learning counts once a second: let the last ones land
        database.beforeFinish();
        String shape = database.shape(digest);
        System.out.println("  window: " + shape);

        FinishProbe probe = options.probe()
                ? new FinishProbe(options.baseUrl(), options.token(), digest, load, sink, runId + "-" + containers) : null;
        Thread.sleep(options.probe() ? 1_000 : 0); // probes running before FINISH, as in a live cluster
        HttpClient http = HttpClient.newHttpClient();
        long started = System.nanoTime();
        HttpResponse<String> finished = http.send(request(options, "/api/v1/images/" + digest + "/learning")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"FINISH\"}")).build(), HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - started) / 1e9;
        if (probe != null) {
            probe.close();
            probe.failures().forEach(f -> problems.add(containers + " containers, probe: " + f));
        }
        if (finished.statusCode() != 200 || JSON.readTree(finished.body()).path("learning").asBoolean(true)) {
            problems.add(containers + " containers: FINISH answered " + finished.statusCode() + " " + finished.body());
        }

        JsonNode versions = JSON.readTree(get(http, options, "/api/v1/images/" + digest + "/profiles"));
        JsonNode version = versions.path(0);
        if (!version.path("active").asBoolean(false) || !"LEARNED".equals(version.path("source").asString(""))) {
            problems.add(containers + " containers: no active learned profile after FINISH: " + versions);
        }
        // The job is queued right after FINISH's commit, by a listener of the event publication registry.
        JsonNode jobs = JSON.readTree(get(http, options, "/api/v1/images/" + digest + "/models/jobs"));
        for (int wait = 0; jobs.isEmpty() && wait < 100; wait++) {
            Thread.sleep(100);
            jobs = JSON.readTree(get(http, options, "/api/v1/images/" + digest + "/models/jobs"));
        }
        String job = jobs.isEmpty() ? "none" : jobs.path(jobs.size() - 1).path("status").asString();
        if (jobs.isEmpty()) {
            problems.add(containers + " containers: no training job queued within 10 s of FINISH");
        }
        System.out.printf("  FINISH: %.2f s, profile version %d with %d entries, training job %s%s%n", seconds,
                version.path("version").asInt(), version.path("entryCount").asInt(), job,
                probe == null ? "" : "; slowest ingest / progress / image during FINISH: " + probe.summary() + " ms");
        String detector = awaitDetector(http, options, digest, started, problems, containers);
        System.out.println("  container detector: " + detector);
        String trained = LearningSwitch.awaitTraining(options.baseUrl(), options.token(), List.of(digest), options.trainingTimeout());
        System.out.println("  training: " + trained + " (waited for, so that the next size has the machine to itself)");
        return new Result(containers, shape, ingest, events, seconds, version.path("entryCount").asInt(), job,
                probe == null ? "-" : probe.summary(), detector);
    }

    /**
     * Waits for the image's container detector (built in the background after FINISH's commit, beside the
     * training job): READY or FAILED, seconds since FINISH was sent, and how many learning containers' mixes it keeps.
     */
    private static String awaitDetector(HttpClient http, FinishOptions options, String digest, long finishSent,
            List<String> problems, int containers) throws Exception {
        long deadline = System.nanoTime() + options.trainingTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode detectors = JSON.readTree(get(http, options, "/api/v1/images/" + digest + "/detectors"));
            String status = detectors.isEmpty() ? "NONE" : detectors.path(0).path("status").asString();
            if (status.equals("READY") || status.equals("FAILED")) {
                double seconds = (System.nanoTime() - finishSent) / 1e9;
                if (status.equals("FAILED")) {
                    problems.add(containers + " containers: container detector FAILED: " + detectors.path(0));
                }
                JsonNode statistics = detectors.path(0).path("statistics");
                return String.format("%s %.1f s, mixes of %d containers kept", status, seconds,
                        statistics.path("mixReferenceContainers").asInt());
            }
            Thread.sleep(250);
        }
        problems.add(containers + " containers: no container detector within " + options.trainingTimeout());
        return "not ready";
    }

    private static HttpRequest.Builder request(FinishOptions options, String path) {
        return HttpRequest.newBuilder(URI.create(options.baseUrl() + path)).header("Authorization", "Bearer " + options.token());
    }

    private static String get(HttpClient http, FinishOptions options, String path) throws Exception {
        HttpResponse<String> response = http.send(request(options, path).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
