package io.habitus.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Load from {@code wrk} (Debian's package; C, one event loop per thread) with {@code bench/score.lua}:
 * N connections in a closed loop, each sending its next request as soon as the answer arrived. It
 * takes a few percent of a core where the JDK HttpClient load generator took half of one, so the
 * service and PostgreSQL keep the machine's cores. CPU of the service, PostgreSQL and wrk is read
 * from /proc over the middle of the run (wrk's own process is gone once it printed its results).
 */
final class WrkLoad {

    /** What one wrk run measured. */
    record Run(long requests, double seconds, long failed, double p50Millis, double p99Millis, CpuMeter.Usage cpu) {

        double requestsPerSecond() {
            return requests / seconds;
        }
    }

    private final URI baseUrl;
    private final String token;
    private final Path script;
    private final Path work;
    private final long servicePid;

    WrkLoad(URI baseUrl, String token, Path script, Path work, long servicePid) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.script = script;
        this.work = work;
        this.servicePid = servicePid;
    }

    /** Whether {@code wrk} is on the PATH. */
    static boolean available() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, "wrk"))) {
                return true;
            }
        }
        return false;
    }

    /** POSTs the bodies in turn ({@code bodies} empty: GETs {@code path}); events per request for CPU per event. */
    Run run(String name, String path, List<String> bodies, boolean commit, int clients, Duration duration, int eventsPerRequest)
            throws IOException, InterruptedException {
        Files.createDirectories(work);
        String file = "-";
        if (!bodies.isEmpty()) {
            Path written = work.resolve(name + ".bodies");
            Files.write(written, bodies, StandardCharsets.UTF_8);
            file = written.toString();
        }
        long seconds = Math.max(2, duration.toSeconds());
        List<String> command = List.of("wrk", "-t" + Math.min(2, clients), "-c" + clients, "-d" + seconds + "s",
                "--timeout", "30s", "-s", script.toString(), baseUrl.toString(), "--", file, Boolean.toString(commit),
                name + "-" + System.nanoTime(), path, token);
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        CpuMeter cpu = CpuMeter.available() ? new CpuMeter(servicePid, wrk.pid()) : null;
        // CPU over the middle of the run: after connecting, before wrk exits (its /proc entry goes with it).
        long margin = Math.min(1000, seconds * 100);
        Thread.sleep(margin);
        CpuMeter.Snapshot before = cpu == null ? null : cpu.snapshot();
        long from = System.nanoTime();
        Thread.sleep(seconds * 1000 - 2 * margin);
        CpuMeter.Snapshot after = cpu == null ? null : cpu.snapshot();
        double window = (System.nanoTime() - from) / 1e9;
        String output;
        try (InputStream out = wrk.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!wrk.waitFor(60, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
            throw new IllegalStateException("wrk failed: " + output);
        }
        Map<String, Long> figures = figures(output);
        long requests = figures.get("requests");
        double elapsed = figures.get("duration_us") / 1e6;
        long failed = figures.get("connect") + figures.get("read") + figures.get("write") + figures.get("status")
                + figures.get("timeout");
        CpuMeter.Usage usage = cpu == null ? null
                : cpu.since(before, after, window, Math.round(requests / elapsed * window * eventsPerRequest));
        return new Run(requests, elapsed, failed, figures.get("p50_us") / 1e3, figures.get("p99_us") / 1e3, usage);
    }

    private static Map<String, Long> figures(String output) {
        String line = output.lines().filter(l -> l.startsWith("WRK ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no WRK line in: " + output));
        Map<String, Long> figures = new HashMap<>();
        for (String field : new ArrayList<>(List.of(line.substring(4).trim().split(" ")))) {
            String[] kv = field.split("=");
            figures.put(kv[0], Long.parseLong(kv[1]));
        }
        return figures;
    }
}
