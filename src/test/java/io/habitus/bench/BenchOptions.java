package io.habitus.bench;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line flags of {@link IngestBenchmark}, as {@code --name=value} or {@code --name value}.
 * Defaults are chosen so that one run takes a few minutes on a small machine and still says
 * something stable: two concurrency levels, 500-event batches (a typical agent flush), a warm-up
 * long enough for the service's JIT to settle.
 */
record BenchOptions(
        URI baseUrl,
        String token,
        String jdbcUrl,
        String jdbcUser,
        String jdbcPassword,
        List<Integer> clients,
        int batchSize,
        Duration duration,
        long batches,
        Duration warmup,
        int templates,
        boolean gzip,
        String copyTable,
        boolean service,
        boolean copy,
        boolean verify,
        long servicePid,
        long seed,
        URI alertsUrl,
        long alertsPid,
        double deviations,
        boolean alertsOnly,
        int rounds) {

    static final String USAGE = """
            usage: IngestBenchmark [flags]
              --url=URL               service base URL (default http://127.0.0.1:8080)
              --token=SECRET          bearer token allowed to ingest (default: $HABITUS_ADMIN_TOKEN)
              --jdbc-url=URL          database of that service, for the COPY baseline and the checks
              --jdbc-user=NAME        (default habitus_bench)
              --jdbc-password=SECRET  (default habitus-bench)
              --clients=4,8           concurrency levels, each measured for the service and for COPY
              --batch-size=500        events per batch
              --duration=30s          measured time per level and path (s, m, or ISO-8601)
              --batches=N             measure N batches per level and path instead of a duration
              --warmup=60s            unmeasured load before each measurement (the JIT compiler is still busy at 20 s)
              --templates=64          distinct batches built up front and cycled through
              --gzip                  send bodies with Content-Encoding: gzip
              --copy-table=NAME       COPY baseline target (default ingest_event; another name is
                                      created as (like ingest_event including all) if missing)
              --no-service | --no-copy | --no-verify
              --service-pid=PID       the service's process, to report its CPU time per event (Linux)
              --seed=42               seed of the generated fleet and events
              --alerts-url=URL        a second service on the same database with alert sinks configured:
                                      the judged fleet with deviations is measured through both, in turn
              --alerts-pid=PID        that service's process, for its CPU time per event
              --deviations=0.002      share of events that break the profile in those two phases
              --alerts-only           measure only those two phases (no LEARNING, ACTIVE or COPY phase)
              --rounds=1              measure every phase this many times, in turn (runs here vary by ±10 %:
                                      alternated rounds tell a change from the machine's spread)
            """;

    private static final Set<String> SWITCHES = Set.of("gzip", "no-service", "no-copy", "no-verify", "help", "alerts-only");

    static BenchOptions parse(String[] args) {
        Map<String, String> flags = flags(args);
        if (flags.containsKey("help")) {
            System.out.print(USAGE);
            System.exit(0);
        }
        String token = flags.getOrDefault("token", System.getenv().getOrDefault("HABITUS_ADMIN_TOKEN", ""));
        BenchOptions options = new BenchOptions(
                URI.create(stripSlash(flags.getOrDefault("url", "http://127.0.0.1:8080"))),
                token,
                flags.get("jdbc-url"),
                flags.getOrDefault("jdbc-user", "habitus_bench"),
                flags.getOrDefault("jdbc-password", "habitus-bench"),
                Arrays.stream(flags.getOrDefault("clients", "4,8").split(",")).map(String::trim).map(Integer::valueOf).toList(),
                Integer.parseInt(flags.getOrDefault("batch-size", "500")),
                duration(flags.getOrDefault("duration", "30s")),
                Long.parseLong(flags.getOrDefault("batches", "0")),
                duration(flags.getOrDefault("warmup", "60s")),
                Integer.parseInt(flags.getOrDefault("templates", "64")),
                flags.containsKey("gzip"),
                flags.getOrDefault("copy-table", "ingest_event"),
                !flags.containsKey("no-service"),
                !flags.containsKey("no-copy"),
                !flags.containsKey("no-verify"),
                Long.parseLong(flags.getOrDefault("service-pid", "0")),
                Long.parseLong(flags.getOrDefault("seed", "42")),
                flags.containsKey("alerts-url") ? URI.create(stripSlash(flags.get("alerts-url"))) : null,
                Long.parseLong(flags.getOrDefault("alerts-pid", "0")),
                Double.parseDouble(flags.getOrDefault("deviations", "0.002")),
                flags.containsKey("alerts-only"),
                Integer.parseInt(flags.getOrDefault("rounds", "1")));
        options.check();
        return options;
    }

    boolean usesDatabase() {
        return copy || verify;
    }

    private void check() {
        require(!service || !token.isBlank(), "--token (or HABITUS_ADMIN_TOKEN) is needed to drive the service");
        require(!usesDatabase() || jdbcUrl != null, "--jdbc-url is needed for the COPY baseline and the checks"
                + " (or pass --no-copy --no-verify)");
        require(clients.stream().allMatch(c -> c > 0), "--clients must be positive");
        require(batchSize > 0 && templates > 0, "--batch-size and --templates must be positive");
        require(copyTable.matches("[a-z_][a-z0-9_]*"), "--copy-table must be a plain lower-case identifier");
        require(deviations >= 0 && deviations <= 0.5, "--deviations must be between 0 and 0.5");
        require(alertsUrl == null || service, "--alerts-url needs the service phases");
        require(!alertsOnly || alertsUrl != null, "--alerts-only needs --alerts-url");
        require(rounds > 0, "--rounds must be positive");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    private static Map<String, String> flags(String[] args) {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + args[i] + "'\n" + USAGE);
            }
            String flag = args[i].substring(2);
            int equals = flag.indexOf('=');
            if (equals >= 0) {
                flags.put(flag.substring(0, equals), flag.substring(equals + 1));
            } else if (SWITCHES.contains(flag)) {
                flags.put(flag, "true");
            } else if (i + 1 < args.length) {
                flags.put(flag, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + flag + " needs a value\n" + USAGE);
            }
        }
        return flags;
    }

    static Duration duration(String text) {
        String t = text.trim().toLowerCase();
        if (t.startsWith("p")) {
            return Duration.parse(text);
        }
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        if (t.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
        }
        return Duration.ofSeconds(Long.parseLong(t.endsWith("s") ? t.substring(0, t.length() - 1) : t));
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
