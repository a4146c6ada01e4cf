package io.habitus.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's per-step pipeline timers ({@code habitus.pipeline.step}) and batches per group
 * commit, read from {@code /actuator/prometheus} before and after a phase: where a request's time
 * went inside the service, from its own clock.
 */
final class StepMetrics {

    private static final Pattern STEP = Pattern.compile(
            "^habitus_pipeline_step_seconds_(count|sum)\\{[^}]*step=\"([a-z_]+)\"[^}]*} ([0-9.eE+-]+)$");
    private static final Pattern GROUP = Pattern.compile("^habitus_pipeline_group_batches_(count|sum)\\{[^}]*} ([0-9.eE+-]+)$");

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI prometheus;

    StepMetrics(URI baseUrl) {
        this.prometheus = URI.create(baseUrl + "/actuator/prometheus");
    }

    /** Counts and sums by name ("store.count", "store.sum", "group.count", …). */
    Map<String, Double> read() throws Exception {
        String text = http.send(HttpRequest.newBuilder(prometheus).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        Map<String, Double> values = new TreeMap<>();
        for (String line : text.lines().toList()) {
            Matcher step = STEP.matcher(line);
            if (step.matches()) {
                values.merge(step.group(2) + "." + step.group(1), Double.parseDouble(step.group(3)), Double::sum);
            }
            Matcher group = GROUP.matcher(line);
            if (group.matches()) {
                values.merge("group." + group.group(1), Double.parseDouble(group.group(2)), Double::sum);
            }
        }
        return values;
    }

    /** Per step that ran in between: its mean time (ms) and how often it ran per request; and the mean group size. */
    static String between(Map<String, Double> before, Map<String, Double> after, long requests) {
        StringBuilder text = new StringBuilder();
        for (String key : after.keySet()) {
            if (!key.endsWith(".count") || key.startsWith("group.")) {
                continue;
            }
            String step = key.substring(0, key.length() - ".count".length());
            double count = after.get(key) - before.getOrDefault(key, 0.0);
            if (count < 1) {
                continue;
            }
            double millis = 1000 * (after.get(step + ".sum") - before.getOrDefault(step + ".sum", 0.0)) / count;
            text.append(String.format(Locale.ROOT, "%s%s %.3f ms × %.2f", text.isEmpty() ? "" : ", ", step, millis,
                    requests == 0 ? 0 : count / requests));
        }
        double groups = after.getOrDefault("group.count", 0.0) - before.getOrDefault("group.count", 0.0);
        if (groups >= 1) {
            double batches = after.getOrDefault("group.sum", 0.0) - before.getOrDefault("group.sum", 0.0);
            text.append(String.format(Locale.ROOT, "; %.1f calls per group commit", batches / groups));
        }
        return text.isEmpty() ? "no pipeline steps ran" : "steps per call: " + text;
    }
}
