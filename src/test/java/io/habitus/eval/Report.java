package io.habitus.eval;

import io.habitus.eval.ArchetypeResult.AttackOutcome;
import io.habitus.sim.Scenario;
import io.habitus.sim.Scenario.Category;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * The evaluation's figures: per archetype the false-positive rate on held-out normal events, per
 * archetype and scenario the detection rate at the model's calibrated threshold and the ROC AUC,
 * each for the allowlist alone, the model alone and both; then the incident figures
 * ({@link IncidentReport}); as a text table and as JSON.
 */
final class Report {

    private Report() {}

    static String table(List<ArchetypeResult> results) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-9s %-24s %-12s %6s | %-23s | %-17s | %-13s%n", "archetype", "scenario", "kind", "n",
                "detected  allow/model/both", "ROC AUC allow/model/both", "@1% FPR model/both"));
        out.append("-".repeat(126)).append('\n');
        for (ArchetypeResult result : results) {
            List<Judged> normal = result.normal();
            out.append(String.format("%-9s %-24s %-12s %6d | FPR %5s %6s %6s | threshold %.2f (model v%d)%n",
                    result.archetype().name(), "held-out normal events", "normal", normal.size(),
                    pct(rate(normal, Judged::byAllowlist)), pct(rate(normal, Judged::byModel)), pct(rate(normal, Judged::byBoth)),
                    result.model().path("threshold").asDouble(), result.model().path("version").asInt()));
            for (Map.Entry<Scenario, List<AttackOutcome>> entry : result.attacks().entrySet()) {
                List<AttackOutcome> outcomes = entry.getValue();
                out.append(String.format("%-9s %-24s %-12s %6d | %5s %6s %6s     | %5s %5s %5s  | %5s %5s%n",
                        result.archetype().name(), entry.getKey().name(), kind(entry.getKey().category()), outcomes.size(),
                        pct(detected(outcomes, AttackOutcome::byAllowlist)), pct(detected(outcomes, AttackOutcome::byModel)),
                        pct(detected(outcomes, AttackOutcome::byBoth)),
                        auc(normal, outcomes, Judged::allowlistScore, AttackOutcome::allowlistScore),
                        auc(normal, outcomes, Judged::modelScore, AttackOutcome::modelScore),
                        auc(normal, outcomes, Judged::combinedScore, AttackOutcome::combinedScore),
                        pct(atOnePercent(normal, outcomes, Judged::modelScore, AttackOutcome::modelScore)),
                        pct(atOnePercent(normal, outcomes, Judged::combinedScore, AttackOutcome::combinedScore))));
            }
            out.append('\n');
        }
        out.append(IncidentReport.table(results)).append('\n');
        out.append(summary(results));
        return out.toString();
    }

    static String summary(List<ArchetypeResult> results) {
        StringBuilder out = new StringBuilder("Overall\n");
        List<Judged> normal = results.stream().flatMap(r -> r.normal().stream()).toList();
        out.append(String.format("  held-out normal events: %,d; false positives per event: allowlist %s, model %s, both %s%n",
                normal.size(), pct(rate(normal, Judged::byAllowlist)), pct(rate(normal, Judged::byModel)),
                pct(rate(normal, Judged::byBoth))));
        for (Category category : Category.values()) {
            List<AttackOutcome> outcomes = outcomes(results, category);
            out.append(String.format("  %-12s attacks: %4d; detected: allowlist %s, model %s, both %s%n", kind(category),
                    outcomes.size(), pct(detected(outcomes, AttackOutcome::byAllowlist)),
                    pct(detected(outcomes, AttackOutcome::byModel)), pct(detected(outcomes, AttackOutcome::byBoth))));
        }
        for (Category category : Category.values()) {
            long model = 0;
            long both = 0;
            long total = 0;
            for (ArchetypeResult result : results) {
                List<AttackOutcome> outcomes = result.attacks().entrySet().stream().filter(e -> e.getKey().category() == category)
                        .flatMap(e -> e.getValue().stream()).toList();
                model += Math.round(outcomes.size() * atOnePercent(result.normal(), outcomes, Judged::modelScore, AttackOutcome::modelScore));
                both += Math.round(outcomes.size() * atOnePercent(result.normal(), outcomes, Judged::combinedScore, AttackOutcome::combinedScore));
                total += outcomes.size();
            }
            out.append(String.format("  %-12s attacks at a threshold set to 1%% false positives per archetype: model %s, both %s%n",
                    kind(category), pct((double) model / total), pct((double) both / total)));
        }
        List<AttackOutcome> missedByAllowlist = outcomes(results, Category.IN_ALLOWLIST).stream()
                .filter(o -> !o.byAllowlist()).toList();
        out.append(String.format("  in-allowlist attacks the allowlist misses: %d, of which the model catches %d (%s)%n",
                missedByAllowlist.size(), missedByAllowlist.stream().filter(AttackOutcome::byModel).count(),
                pct(detected(missedByAllowlist, AttackOutcome::byModel))));
        out.append(IncidentReport.summary(results));
        return out.toString();
    }

    static void writeJson(List<ArchetypeResult> results, EvalOptions options, Path file) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("seed", options.seed());
        root.put("salt", options.salt());
        root.put("traffic", Map.of("learnPods", options.learnPods(), "learnSteps", options.learnSteps(),
                "learnShortLives", options.learnShortLives(),
                "heldoutPods", options.heldoutPods(), "heldoutSteps", options.heldoutSteps(), "shortLives", options.shortLives(),
                "shortSteps", options.shortMinSteps() + "-" + options.shortMaxSteps(), "attacksPerScenario", options.attacks()));
        List<Object> archetypes = new ArrayList<>();
        for (ArchetypeResult result : results) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("archetype", result.archetype().name());
            a.put("image", result.archetype().image());
            a.put("digest", result.digest());
            a.put("learnedEvents", result.learnedEvents());
            a.put("learnedContainers", result.learnedContainers());
            a.put("model", Map.of("version", result.model().path("version").asInt(),
                    "threshold", result.model().path("threshold").asDouble(),
                    "hyperParameters", result.model().path("hyperParameters"),
                    "statistics", result.model().path("statistics")));
            List<Judged> normal = result.normal();
            a.put("normal", Map.of("events", normal.size(),
                    "falsePositiveRate", rates(rate(normal, Judged::byAllowlist), rate(normal, Judged::byModel),
                            rate(normal, Judged::byBoth)),
                    "allowlistFalsePositiveTokens", topTokens(normal, Judged::byAllowlist),
                    "modelFalsePositiveTokens", topTokens(normal, Judged::byModel)));
            List<Object> scenarios = new ArrayList<>();
            for (Map.Entry<Scenario, List<AttackOutcome>> entry : result.attacks().entrySet()) {
                List<AttackOutcome> outcomes = entry.getValue();
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("scenario", entry.getKey().name());
                s.put("category", entry.getKey().category().name());
                s.put("summary", entry.getKey().summary());
                s.put("instances", outcomes.size());
                s.put("detectionRate", rates(detected(outcomes, AttackOutcome::byAllowlist),
                        detected(outcomes, AttackOutcome::byModel), detected(outcomes, AttackOutcome::byBoth)));
                s.put("rocAuc", rates(aucValue(normal, outcomes, Judged::allowlistScore, AttackOutcome::allowlistScore),
                        aucValue(normal, outcomes, Judged::modelScore, AttackOutcome::modelScore),
                        aucValue(normal, outcomes, Judged::combinedScore, AttackOutcome::combinedScore)));
                s.put("detectionRateAtOnePercentFalsePositives", rates(Double.NaN,
                        atOnePercent(normal, outcomes, Judged::modelScore, AttackOutcome::modelScore),
                        atOnePercent(normal, outcomes, Judged::combinedScore, AttackOutcome::combinedScore)));
                s.put("medianLowestScore", round(median(outcomes.stream().mapToDouble(AttackOutcome::modelScore).toArray())));
                s.put("violatedTokens", outcomes.stream().flatMap(o -> o.events().stream()).filter(Judged::byAllowlist)
                        .map(Judged::token).distinct().sorted().limit(8).toList());
                s.put("missedByModel", outcomes.stream().filter(o -> !o.byModel()).limit(3).map(o -> {
                    Judged worst = o.mostAnomalous();
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("instance", o.attack().instance());
                    m.put("lowestScore", worst.score());
                    m.put("threshold", worst.threshold());
                    m.put("token", worst.token());
                    m.put("recentTokens", worst.transition().path("before").path("recentTokens"));
                    m.put("attackTokens", o.events().stream().map(Judged::token).toList());
                    return m;
                }).toList());
                s.put("incident", IncidentReport.json(outcomes));
                scenarios.add(s);
            }
            a.put("scenarios", scenarios);
            a.put("incident", IncidentReport.json(result));
            archetypes.add(a);
        }
        root.put("archetypes", archetypes);
        Map<String, Object> overall = new LinkedHashMap<>();
        List<Judged> normal = results.stream().flatMap(r -> r.normal().stream()).toList();
        overall.put("normalEvents", normal.size());
        overall.put("falsePositiveRate", rates(rate(normal, Judged::byAllowlist), rate(normal, Judged::byModel),
                rate(normal, Judged::byBoth)));
        for (Category category : Category.values()) {
            List<AttackOutcome> outcomes = outcomes(results, category);
            overall.put(category == Category.CLASSIC ? "classic" : "inAllowlist", Map.of("attacks", outcomes.size(),
                    "detectionRate", rates(detected(outcomes, AttackOutcome::byAllowlist),
                            detected(outcomes, AttackOutcome::byModel), detected(outcomes, AttackOutcome::byBoth))));
        }
        List<AttackOutcome> missed = outcomes(results, Category.IN_ALLOWLIST).stream().filter(o -> !o.byAllowlist()).toList();
        overall.put("inAllowlistMissedByAllowlist", Map.of("attacks", missed.size(),
                "caughtByModel", missed.stream().filter(AttackOutcome::byModel).count()));
        overall.put("incident", IncidentReport.overall(results));
        root.put("overall", overall);
        Files.writeString(file, JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }

    static List<AttackOutcome> outcomes(List<ArchetypeResult> results, Category category) {
        return results.stream().flatMap(r -> r.attacks().entrySet().stream())
                .filter(e -> e.getKey().category() == category).flatMap(e -> e.getValue().stream()).toList();
    }

    private static Map<String, Object> rates(double allowlist, double model, double both) {
        Map<String, Object> rates = new LinkedHashMap<>();
        rates.put("allowlist", round(allowlist));
        rates.put("model", round(model));
        rates.put("both", round(both));
        return rates;
    }

    private static Object round(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? null : Math.round(value * 1e6) / 1e6;
    }

    private static Map<String, Long> topTokens(List<Judged> normal, Predicate<Judged> flagged) {
        Map<String, Long> counts = normal.stream().filter(flagged).collect(Collectors.groupingBy(Judged::token,
                TreeMap::new, Collectors.counting()));
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(10).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (x, y) -> x, LinkedHashMap::new));
    }

    static double rate(List<Judged> events, Predicate<Judged> flagged) {
        return events.isEmpty() ? Double.NaN : (double) events.stream().filter(flagged).count() / events.size();
    }

    static double detected(List<AttackOutcome> outcomes, Predicate<AttackOutcome> flagged) {
        return outcomes.isEmpty() ? Double.NaN : (double) outcomes.stream().filter(flagged).count() / outcomes.size();
    }

    static double aucValue(List<Judged> normal, List<AttackOutcome> outcomes, ToDoubleFunction<Judged> normalScore,
            ToDoubleFunction<AttackOutcome> attackScore) {
        return Roc.auc(normal.stream().mapToDouble(normalScore).toArray(), outcomes.stream().mapToDouble(attackScore).toArray());
    }

    static double atOnePercent(List<Judged> normal, List<AttackOutcome> outcomes, ToDoubleFunction<Judged> normalScore,
            ToDoubleFunction<AttackOutcome> attackScore) {
        return Roc.detectionAt(0.01, normal.stream().mapToDouble(normalScore).toArray(),
                outcomes.stream().mapToDouble(attackScore).toArray());
    }

    private static String auc(List<Judged> normal, List<AttackOutcome> outcomes, ToDoubleFunction<Judged> normalScore,
            ToDoubleFunction<AttackOutcome> attackScore) {
        double value = aucValue(normal, outcomes, normalScore, attackScore);
        return Double.isNaN(value) ? "–" : String.format("%.3f", value);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
    }

    private static String kind(Category category) {
        return category == Category.CLASSIC ? "classic" : "in-allowlist";
    }

    static String pct(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return value >= 0.1 || value == 0 ? String.format("%.0f%%", value * 100) : String.format("%.2f%%", value * 100);
    }
}
