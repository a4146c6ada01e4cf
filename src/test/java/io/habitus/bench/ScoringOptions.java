package io.habitus.bench;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Command-line flags of {@link ScoringBenchmark}, as {@code --name=value}. */
record ScoringOptions(URI baseUrl, String token, List<Integer> clients, List<Integer> eventsPerRequest,
        List<Boolean> commits, Duration duration, Duration warmup, Duration initialWarmup, int learnBatches, int learnBatchSize,
        int templates, long servicePid, long seed, String loadGenerator, String baseline, int nodes, boolean unreported) {

    static final String USAGE = """
            usage: ScoringBenchmark [flags]
              --url=URL                 service base URL (default http://127.0.0.1:8080)
              --token=SECRET            admin token (default: $HABITUS_ADMIN_TOKEN)
              --clients=1,4,16          concurrency levels
              --events-per-request=1,10 events per POST /api/v1/score
              --commit=false,true       commit values measured, in this order
              --duration=15s            measured time per phase (s, m, ms)
              --warmup=5s               unmeasured load before each phase
              --initial-warmup=20s      unmeasured load once before the first phase, per commit value measured
              --learn-batches=64        500-event batches ingested for learning before scoring
              --learn-batch-size=500
              --templates=2000          distinct requests built up front per request size
              --service-pid=PID         the service's process, for its CPU time (Linux)
              --seed=42                 seed of the fleet and its events
              --nodes=8                 nodes of the scored fleet, five to seven containers each (8: 47 containers);
                                        more nodes, fewer concurrent calls on one container
              --load-generator=auto     wrk (bench/score.lua), java (JDK HttpClient closed loop), or auto: wrk if installed
              --baseline=/api/v1/caller the authenticated GET every phase is compared with (wrk only); none: no baseline
                                        (a build from before GET /api/v1/caller existed)
              --unreported=false        true: each what-if phase again with containers of the same images that no agent
                                        reported, printed as a ratio to the reported containers' phase
            """;

    static ScoringOptions parse(String[] args) {
        Map<String, String> flags = new HashMap<>();
        for (String arg : args) {
            if (arg.equals("--help")) {
                System.out.print(USAGE);
                System.exit(0);
            }
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("expected --name=value, got '" + arg + "'\n" + USAGE);
            }
            flags.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        String url = flags.getOrDefault("url", "http://127.0.0.1:8080");
        ScoringOptions options = new ScoringOptions(URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url),
                flags.getOrDefault("token", System.getenv().getOrDefault("HABITUS_ADMIN_TOKEN", "")),
                integers(flags.getOrDefault("clients", "1,4,16")),
                integers(flags.getOrDefault("events-per-request", "1,10")),
                Arrays.stream(flags.getOrDefault("commit", "false,true").split(",")).map(String::trim).map(Boolean::valueOf).toList(),
                BenchOptions.duration(flags.getOrDefault("duration", "15s")),
                BenchOptions.duration(flags.getOrDefault("warmup", "5s")),
                BenchOptions.duration(flags.getOrDefault("initial-warmup", "20s")),
                Integer.parseInt(flags.getOrDefault("learn-batches", "64")),
                Integer.parseInt(flags.getOrDefault("learn-batch-size", "500")),
                Integer.parseInt(flags.getOrDefault("templates", "2000")),
                Long.parseLong(flags.getOrDefault("service-pid", "0")),
                Long.parseLong(flags.getOrDefault("seed", "42")),
                flags.getOrDefault("load-generator", "auto"),
                flags.getOrDefault("baseline", "/api/v1/caller"),
                Integer.parseInt(flags.getOrDefault("nodes", "8")),
                Boolean.parseBoolean(flags.getOrDefault("unreported", "false")));
        if (options.token.isBlank()) {
            throw new IllegalArgumentException("--token (or HABITUS_ADMIN_TOKEN) is needed");
        }
        if (options.nodes < 1 || options.nodes > 10_000) {
            throw new IllegalArgumentException("--nodes must be in [1, 10000]");
        }
        if (options.eventsPerRequest.stream().anyMatch(n -> n < 1 || n > 1000)) {
            throw new IllegalArgumentException("--events-per-request must be in [1, 1000]");
        }
        return options;
    }

    private static List<Integer> integers(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).map(Integer::valueOf).toList();
    }
}
