package io.habitus.bench;

import java.util.List;
import java.util.Locale;

/**
 * One scoring phase: commit or not, events per request, what the load measured, and its requests/s
 * over those of {@code GET /api/v1/caller} at the same concurrency (NaN without that baseline).
 * {@code unreported}: what-ifs about containers of the same images that no agent reported.
 */
record ScoringResult(boolean commit, int eventsPerRequest, boolean unreported, PhaseResult phase, String tallies, double modelScoredShare,
        double baselineRequestsPerSecond, String steps) {

    double ofBaseline() {
        return phase.batchesPerSecond() / baselineRequestsPerSecond;
    }

    String summary() {
        String line = String.format(Locale.ROOT, "commit=%-5s %2d ev/req%s  clients=%-3d %,8.0f scores/s %,8.0f req/s"
                        + "  p50 %6.2f ms  p99 %6.2f ms  (%,d events in %.1f s%s)  %s", commit, eventsPerRequest, unreported ? " unreported" : "",
                phase.clients(), phase.eventsPerSecond(), phase.batchesPerSecond(), phase.p50Millis(), phase.p99Millis(),
                phase.events(), phase.seconds(), phase.failures() == 0 ? "" : ", " + phase.failures() + " FAILED", tallies);
        line += String.format(Locale.ROOT, "\n        %.2f × GET /api/v1/caller's requests/s; %s", ofBaseline(), steps);
        return phase.cpu() == null ? line : line + "\n        " + phase.cpu();
    }

    static String table(List<ScoringResult> results) {
        StringBuilder text = new StringBuilder();
        text.append("| commit | events/request | clients | scores/s | requests/s | × caller req/s | p50 ms | p99 ms | model-scored | CPU service / PostgreSQL / load generator (cores) | service µs/score | PostgreSQL µs/score |\n");
        text.append("|--------|---------------:|--------:|---------:|-----------:|---------------:|-------:|-------:|-------------:|:-------------------------------------------------|-----------------:|--------------------:|\n");
        for (ScoringResult r : results) {
            PhaseResult p = r.phase;
            CpuMeter.Usage cpu = p.cpu();
            text.append(String.format(Locale.ROOT, "| %-6s | %14d | %7d | %8.0f | %10.0f | %14.2f | %6.2f | %6.2f | %11.0f %% | %s | %s | %s |%n",
                    r.commit + (r.unreported ? " (unreported)" : ""), r.eventsPerRequest, p.clients(), p.eventsPerSecond(), p.batchesPerSecond(), r.ofBaseline(), p.p50Millis(),
                    p.p99Millis(), 100 * r.modelScoredShare,
                    cpu == null ? "n/a" : String.format(Locale.ROOT, "%.2f / %.2f / %.2f", cpu.serviceCores(), cpu.postgresCores(),
                            cpu.generatorCores()),
                    cpu == null ? "n/a" : String.format(Locale.ROOT, "%.0f", cpu.serviceMicrosPerEvent()),
                    cpu == null ? "n/a" : String.format(Locale.ROOT, "%.0f", cpu.postgresMicrosPerEvent())));
        }
        return text.toString();
    }
}
