package io.habitus.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Ingest throughput of the service, measured against what PostgreSQL itself takes for the same
 * rows. For each concurrency level it drives {@code POST /api/v1/events} from N clients, then COPYs
 * exactly the same rows straight into the database from N connections, with the same batch size,
 * and reports both and their ratio. The baseline runs in the same process, against the same
 * database, on the same machine and in the same minutes as the service figures, so that the ratio
 * survives a slower disk or a busier laptop even where absolute figures do not.
 *
 * <p>Run it through {@code bench/ingest.sh}, which starts PostgreSQL and the service; flags are
 * listed by {@code --help}.
 */
public final class IngestBenchmark {

    private IngestBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        String runId = "bench" + DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC).format(Instant.now())
                + Fleet.hex(new Random(), 4);
        Random random = new Random(options.seed());
        Fleet fleet = Fleet.generate("learning", random);

        long built = System.nanoTime();
        List<PreparedBatch> templates = new BatchFactory(fleet, random).build(options.templates(), options.batchSize(), Instant.now());
        long jsonBytes = templates.stream().mapToLong(b -> b.eventsJson().length).sum();
        System.out.printf("run %s: %d distinct batches of %d events built in %d ms (%,d events, %.0f bytes of JSON per event), "
                        + "%d images, %d containers on %d nodes%n",
                runId, templates.size(), options.batchSize(), (System.nanoTime() - built) / 1_000_000,
                (long) templates.size() * options.batchSize(), (double) jsonBytes / templates.size() / options.batchSize(),
                fleet.images.size(), fleet.containers.size(), fleet.nodes.size());
        System.out.printf("service %s, database %s, COPY into %s; clients %s, %s per phase after %s warm-up%s%n%n",
                options.service() ? options.baseUrl() : "(skipped)", options.usesDatabase() ? options.jdbcUrl() : "(none)",
                options.copy() ? options.copyTable() : "(skipped)", options.clients(),
                options.batches() > 0 ? options.batches() + " batches" : options.duration().toSeconds() + " s",
                options.warmup().toSeconds() + " s", options.gzip() ? ", gzip bodies" : "");

        if (options.copy()) {
            prepareCopyTable(options);
        }
        ClosedLoop loop = new ClosedLoop(templates, runId);
        DatabaseWaits waits = options.usesDatabase()
                ? new DatabaseWaits(options.jdbcUrl(), options.jdbcUser(), options.jdbcPassword()) : null;
        CpuMeter cpu = CpuMeter.available() ? new CpuMeter(options.servicePid()) : null;
        CpuMeter alertsCpu = CpuMeter.available() && options.alertsPid() > 0 ? new CpuMeter(options.alertsPid()) : null;
        AlertBacklog backlog = options.alertsUrl() == null ? null : new AlertBacklog(options.alertsUrl(), options.token());
        record Path(BatchSink sink, ClosedLoop loop, String prefix) {}
        List<Path> paths = new ArrayList<>();
        long sentService = 0;
        long failures = 0;
        if (options.service()) {
            paths.add(new Path(new ServiceSink(options.baseUrl(), options.token(), options.gzip()), loop, "svc-"));
            // A second fleet of the same shape whose images have finished learning, measured in
            // turn with the first at the same table sizes: ingest when every event is judged
            // against when every event feeds learning.
            Fleet judged = Fleet.generate("judged", new Random(options.seed() + 1));
            List<PreparedBatch> judgedTemplates = new BatchFactory(judged, new Random(options.seed() + 1))
                    .build(options.templates(), options.batchSize(), Instant.now());
            ClosedLoop judgedLoop = new ClosedLoop(judgedTemplates, runId);
            ServiceSink activeSink = new ServiceSink(options.baseUrl(), options.token(), options.gzip(), "active");
            PhaseResult learned = judgedLoop.run(activeSink, "svc-act-learn", 1, Duration.ofMinutes(10),
                    judgedTemplates.size(), null, null);
            sentService += learned.events();
            List<String> judgedDigests = judged.images.stream().map(Fleet.Image::digest).toList();
            LearningSwitch.finish(options.baseUrl(), options.token(), judgedDigests);
            long trainingStarted = System.nanoTime();
            String trained = LearningSwitch.awaitTraining(options.baseUrl(), options.token(), judgedDigests, Duration.ofMinutes(20));
            System.out.printf("models of the second fleet trained in %d s (per image, S = succeeded, F = failed): %s%n",
                    (System.nanoTime() - trainingStarted) / 1_000_000_000, trained);
            System.out.printf("second fleet: %d images learned from %,d events and finished learning; "
                    + "its events are judged by profile and model from now on%n%n", judged.images.size(), learned.events());
            paths.add(new Path(activeSink, judgedLoop, "svc-act-"));
            if (options.alertsUrl() != null) {
                // The judged fleet again, with a share of intruder execs: each one a VIOLATION, most of
                // them new audits (the services run with a 1 s dedup window), hence alerts. Measured
                // through the service without sinks and through the one with sinks, in turn.
                List<PreparedBatch> deviating = new BatchFactory(judged, new Random(options.seed() + 2), options.deviations())
                        .build(options.templates(), options.batchSize(), Instant.now());
                ClosedLoop deviatingLoop = new ClosedLoop(deviating, runId);
                ServiceSink alertsSink = new ServiceSink(options.alertsUrl(), options.token(), options.gzip(), "sinks");
                paths.add(new Path(new ServiceSink(options.baseUrl(), options.token(), options.gzip(), "no-sinks"),
                        deviatingLoop, "svc-dev-"));
                paths.add(new Path(alertsSink, deviatingLoop, "svc-alr-"));
                // The other service has run the LEARNING and ACTIVE phases by the time it measures its
                // deviating phase; this one would start with a cold JIT. It gets as much load first.
                // With --alerts-only the other has not, and gets the same.
                Duration prewarm = options.warmup().plus(options.duration()).multipliedBy(2);
                List<Path> prewarmed = options.alertsOnly() ? paths.subList(paths.size() - 2, paths.size()) : List.of(paths.getLast());
                for (Path path : prewarmed) {
                    PhaseResult warmed = deviatingLoop.run(path.sink(), path.prefix() + "pre", options.clients().getFirst(),
                            prewarm, 0, null, null);
                    sentService += warmed.events();
                    failures += warmed.failures();
                }
                new AlertBacklog(options.alertsUrl(), options.token()).awaitDrained(Duration.ofMinutes(5));
                System.out.printf("deviating phases: %.2f %% of the judged fleet's events are intruder execs; sinks of %s: %s%n%n",
                        options.deviations() * 100, options.alertsUrl(), new AlertBacklog(options.alertsUrl(), options.token()).counts());
            }
        }
        if (options.alertsOnly()) {
            paths.removeIf(path -> !path.prefix().equals("svc-dev-") && !path.prefix().equals("svc-alr-"));
        } else if (options.copy()) {
            paths.add(new Path(new CopySink(options.jdbcUrl(), options.jdbcUser(), options.jdbcPassword(), options.copyTable()),
                    loop, "copy-"));
        }

        List<PhaseResult> results = new ArrayList<>();
        long sentCopy = 0;
        for (int round = 1; round <= options.rounds(); round++) {
          for (int clients : options.clients()) {
            for (Path path : paths) {
                BatchSink sink = path.sink();
                boolean alerting = path.prefix().equals("svc-alr-");
                String name = path.prefix() + (round > 1 ? "r" + round + "-" : "");
                PhaseResult warm = path.loop().run(sink, name + "w" + clients, clients, options.warmup(), 0, null, null);
                AlertBacklog.Counts before = alerting ? backlog.counts() : null;
                PhaseResult measured = path.loop().run(sink, name + clients, clients, options.duration(),
                        options.batches(), waits, alerting ? alertsCpu : cpu);
                results.add(measured);
                System.out.println(measured.summary());
                if (alerting) {
                    AlertBacklog.Counts after = backlog.counts();
                    Duration drained = backlog.awaitDrained(Duration.ofMinutes(5));
                    AlertBacklog.Counts done = backlog.counts();
                    System.out.printf("        alerts: %,d deliveries delivered during the phase, %,d pending at its end "
                                    + "(drained %.1f s later), %,d given up in all%n", after.delivered() - before.delivered(),
                            after.pending(), drained.toMillis() / 1000.0, done.failed());
                }
                if (measured.cpu() != null) {
                    System.out.println("        " + measured.cpu());
                }
                if (waits != null) {
                    System.out.println("        database sessions (average): " + measured.databaseWaits());
                }
                for (PhaseResult phase : List.of(warm, measured)) {
                    phase.failureSamples().forEach(sample -> System.out.println("        FAILED " + sample));
                    failures += phase.failures();
                }
                if (sink instanceof ServiceSink) {
                    sentService += warm.events() + measured.events();
                } else {
                    sentCopy += warm.events() + measured.events();
                }
            }
          }
        }

        boolean verified = true;
        if (options.verify()) {
            verified = new RunCheck(options, runId).verify(sentService, sentCopy);
        }
        if (!options.alertsOnly()) {
            ResultTable.print(results, options);
        }
        if (options.service() && !options.alertsOnly()) {
            ResultTable.printLearningAgainstActive(results, options);
        }
        if (options.alertsUrl() != null) {
            ResultTable.printSinksAgainstNone(results, options);
        }
        if (failures > 0 || !verified) {
            System.out.println("\nNOT a valid run: " + failures + " failed batches" + (verified ? "" : ", stored rows do not match"));
            System.exit(1);
        }
    }

    /**
     * The baseline goes into {@code ingest_event} itself by default: the same partitions, indexes,
     * id sequence and TOAST settings as the service's rows, which a scratch copy would only
     * approximate ({@code like} does not copy partitioning). The bench database is thrown away after
     * each run, so the extra rows harm nothing; {@code --copy-table} picks a scratch table instead.
     */
    private static void prepareCopyTable(BenchOptions options) throws Exception {
        if (options.copyTable().equals("ingest_event")) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(options.jdbcUrl(), options.jdbcUser(), options.jdbcPassword());
                Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists " + options.copyTable() + " (like ingest_event including all)");
        }
    }
}
