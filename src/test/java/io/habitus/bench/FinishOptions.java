package io.habitus.bench;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Command-line flags of {@link FinishBenchmark}, as {@code --name=value}. */
record FinishOptions(URI baseUrl, String token, String jdbcUrl, String jdbcUser, String jdbcPassword,
        List<Integer> containers, int eventsPerContainer, int containersPerNode, String image, int batchSize,
        int clients, Statistics statistics, boolean probe, Duration trainingTimeout, long seed) {

    /** What the planner knows about the image's rows when learning is finished. */
    enum Statistics {
        /** Tables analysed before the image's rows arrived and not again: a running database between autoanalyze runs. */
        STALE,
        /** Whatever autovacuum did during the run. */
        AUTO,
        /** ANALYZE right before FINISH: the best case. */
        FRESH
    }

    static final String USAGE = """
            usage: FinishBenchmark [flags]
              --url=URL                  service base URL (default http://127.0.0.1:8080)
              --token=SECRET             admin token (default: $HABITUS_ADMIN_TOKEN)
              --jdbc-url=URL             the service's database: statistics handling and row counts
              --jdbc-user=NAME           (default habitus_bench)
              --jdbc-password=SECRET     (default habitus-bench)
              --containers=100,1000,10000  one image per size, learned and finished in this order
              --events-per-container=100 learning events per container (10,000 containers: 1 M events)
              --containers-per-node=20   containers of the image on one node
              --image=NAME               which simulated image (default registry.example.com/shop/checkout:3.4.1)
              --batch-size=1000          events per ingest batch (each batch from one node's agent)
              --clients=3                concurrent ingest clients
              --statistics=stale         stale | auto | fresh (see FinishOptions.Statistics)
              --no-probe                 no ingest and reads of the image while FINISH runs
              --training-timeout=10m     wait this long for the training job before the next size
              --seed=42                  seed of containers and events
            """;

    static FinishOptions parse(String[] args) {
        Map<String, String> flags = new HashMap<>();
        for (String arg : args) {
            if (arg.equals("--help")) {
                System.out.print(USAGE);
                System.exit(0);
            }
            if (arg.equals("--no-probe")) {
                flags.put("no-probe", "true");
                continue;
            }
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("expected --name=value, got '" + arg + "'\n" + USAGE);
            }
            flags.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        String url = flags.getOrDefault("url", "http://127.0.0.1:8080");
        FinishOptions options = new FinishOptions(URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url),
                flags.getOrDefault("token", System.getenv().getOrDefault("HABITUS_ADMIN_TOKEN", "")),
                flags.get("jdbc-url"),
                flags.getOrDefault("jdbc-user", "habitus_bench"),
                flags.getOrDefault("jdbc-password", "habitus-bench"),
                Arrays.stream(flags.getOrDefault("containers", "100,1000,10000").split(",")).map(String::trim)
                        .map(Integer::valueOf).toList(),
                Integer.parseInt(flags.getOrDefault("events-per-container", "100")),
                Integer.parseInt(flags.getOrDefault("containers-per-node", "20")),
                flags.getOrDefault("image", "registry.example.com/shop/checkout:3.4.1"),
                Integer.parseInt(flags.getOrDefault("batch-size", "1000")),
                Integer.parseInt(flags.getOrDefault("clients", "3")),
                Statistics.valueOf(flags.getOrDefault("statistics", "stale").toUpperCase()),
                !flags.containsKey("no-probe"),
                BenchOptions.duration(flags.getOrDefault("training-timeout", "10m")),
                Long.parseLong(flags.getOrDefault("seed", "42")));
        if (options.token.isBlank() || options.jdbcUrl == null) {
            throw new IllegalArgumentException("--token (or HABITUS_ADMIN_TOKEN) and --jdbc-url are needed\n" + USAGE);
        }
        if (options.containers.stream().anyMatch(n -> n < 1) || options.eventsPerContainer < 1
                || options.containersPerNode < 1 || options.batchSize < 1 || options.clients < 1) {
            throw new IllegalArgumentException("sizes, batch size and clients must be positive");
        }
        return options;
    }
}
