package io.habitus.eval;

import io.habitus.eval.ArchetypeResult.AttackOutcome;
import io.habitus.sim.Scenario;
import io.habitus.sim.Scenario.Category;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * The incident figures: Habitus's own container verdict (an incident opened for the container) and
 * its container risk, counted per container, never recomputed. Per archetype: the share of attack
 * containers with an incident per kind of scenario, the share of held-out normal containers with
 * one, and the ROC AUC of the largest risk of each container's answers.
 */
final class IncidentReport {

    private IncidentReport() {}

    static String table(List<ArchetypeResult> results) {
        StringBuilder out = new StringBuilder(
                "Incidents: Habitus's container verdict (any answer for the container carries an incident), per container\n");
        out.append(String.format("%-9s %-8s %7s %7s | %-17s | %-17s | %-22s | %s%n", "archetype", "detector", "thresh.",
                "mix thr", "classic detected", "in-allowlist det.", "normal with incident", "ROC AUC (largest risk) classic/in-allowlist/all"));
        out.append("-".repeat(126)).append('\n');
        for (ArchetypeResult result : results) {
            JsonNode detector = result.detector();
            out.append(String.format("%-9s %-8s %7s %7s | %s | %s | %s | %5s %5s %5s%n", result.archetype().name(),
                    detector.path("status").asString("NONE"), number(detector.path("threshold")),
                    number(detector.path("mixThreshold")), share(attacks(result, Category.CLASSIC), 17),
                    share(attacks(result, Category.IN_ALLOWLIST), 17), share(result.normalContainers(), 22),
                    auc(result.normalContainers(), attacks(result, Category.CLASSIC)),
                    auc(result.normalContainers(), attacks(result, Category.IN_ALLOWLIST)),
                    auc(result.normalContainers(), attacks(result, null))));
        }
        List<ContainerVerdict> normal = normal(results);
        out.append(String.format("%-9s %-8s %7s %7s | %s | %s | %s | %5s %5s %5s%n%n", "all", "", "", "",
                share(attacks(results, Category.CLASSIC), 17), share(attacks(results, Category.IN_ALLOWLIST), 17),
                share(normal, 22), auc(normal, attacks(results, Category.CLASSIC)),
                auc(normal, attacks(results, Category.IN_ALLOWLIST)), auc(normal, attacks(results, null))));
        out.append(String.format("%-27s", "with an incident"));
        results.forEach(r -> out.append(String.format(" %9s", r.archetype().name())));
        out.append('\n');
        for (Scenario scenario : Scenario.ALL) {
            out.append(String.format("%-27s", "  " + scenario.name()));
            for (ArchetypeResult result : results) {
                List<ContainerVerdict> containers = result.attacks().getOrDefault(scenario, List.of()).stream()
                        .map(AttackOutcome::container).toList();
                out.append(String.format(" %9s", Report.pct(rate(containers, ContainerVerdict::incident))));
            }
            out.append('\n');
        }
        return out.toString();
    }

    static String summary(List<ArchetypeResult> results) {
        List<ContainerVerdict> normal = normal(results);
        return String.format("  incidents: classic attack containers %s, in-allowlist %s, held-out normal containers %s;"
                        + " ROC AUC per container (largest risk) %s%n",
                share(attacks(results, Category.CLASSIC), 0).trim(), share(attacks(results, Category.IN_ALLOWLIST), 0).trim(),
                share(normal, 0).trim(), auc(normal, attacks(results, null)));
    }

    /** The archetype's incident figures for results.json. */
    static Map<String, Object> json(ArchetypeResult result) {
        Map<String, Object> incident = new LinkedHashMap<>();
        incident.put("detector", result.detector());
        List<ContainerVerdict> normal = result.normalContainers();
        Map<String, Object> normalFigures = new LinkedHashMap<>(figures(normal));
        for (String group : List.of("held-out", "short")) {
            List<ContainerVerdict> part = normal.stream().filter(c -> c.group().equals(group)).toList();
            normalFigures.put(group, Map.of("containers", part.size(), "withIncident", count(part),
                    "events", part.stream().mapToLong(ContainerVerdict::events).sum()));
        }
        normalFigures.put("largestRisk", quantiles(normal));
        normalFigures.put("withIncidentList", normal.stream().filter(ContainerVerdict::incident).limit(20).toList());
        incident.put("normalContainers", normalFigures);
        for (Category category : Category.values()) {
            incident.put(category == Category.CLASSIC ? "classic" : "inAllowlist", figures(attacks(result, category)));
        }
        Map<String, Object> auc = new LinkedHashMap<>();
        auc.put("classic", round(aucValue(normal, attacks(result, Category.CLASSIC))));
        auc.put("inAllowlist", round(aucValue(normal, attacks(result, Category.IN_ALLOWLIST))));
        auc.put("all", round(aucValue(normal, attacks(result, null))));
        incident.put("rocAuc", auc);
        return incident;
    }

    /** One scenario's incident figures for results.json. */
    static Map<String, Object> json(List<AttackOutcome> outcomes) {
        List<ContainerVerdict> containers = outcomes.stream().map(AttackOutcome::container).toList();
        Map<String, Object> figures = new LinkedHashMap<>(figures(containers));
        figures.put("largestRisk", quantiles(containers));
        figures.put("missed", containers.stream().filter(c -> !c.incident()).limit(3).toList());
        return figures;
    }

    static Map<String, Object> overall(List<ArchetypeResult> results) {
        Map<String, Object> overall = new LinkedHashMap<>();
        List<ContainerVerdict> normal = normal(results);
        overall.put("normalContainers", figures(normal));
        overall.put("classic", figures(attacks(results, Category.CLASSIC)));
        overall.put("inAllowlist", figures(attacks(results, Category.IN_ALLOWLIST)));
        overall.put("rocAuc", round(aucValue(normal, attacks(results, null))));
        return overall;
    }

    private static Map<String, Object> figures(List<ContainerVerdict> containers) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("containers", containers.size());
        figures.put("withIncident", count(containers));
        figures.put("rate", round(rate(containers, ContainerVerdict::incident)));
        return figures;
    }

    private static Map<String, Object> quantiles(List<ContainerVerdict> containers) {
        double[] risks = containers.stream().mapToDouble(ContainerVerdict::risk).sorted().toArray();
        Map<String, Object> q = new LinkedHashMap<>();
        for (double p : new double[] {0.5, 0.9, 0.99}) {
            q.put("p" + Math.round(p * 100), risks.length == 0 ? null : round(risks[(int) Math.floor(p * (risks.length - 1))]));
        }
        q.put("max", risks.length == 0 ? null : round(risks[risks.length - 1]));
        return q;
    }

    private static List<ContainerVerdict> normal(List<ArchetypeResult> results) {
        return results.stream().flatMap(r -> r.normalContainers().stream()).toList();
    }

    /** The attack containers of one kind of scenario, or of all (null). */
    private static List<ContainerVerdict> attacks(ArchetypeResult result, Category category) {
        return result.attacks().entrySet().stream().filter(e -> category == null || e.getKey().category() == category)
                .flatMap(e -> e.getValue().stream()).map(AttackOutcome::container).toList();
    }

    private static List<ContainerVerdict> attacks(List<ArchetypeResult> results, Category category) {
        List<ContainerVerdict> all = new ArrayList<>();
        results.forEach(r -> all.addAll(attacks(r, category)));
        return all;
    }

    private static long count(List<ContainerVerdict> containers) {
        return containers.stream().filter(ContainerVerdict::incident).count();
    }

    private static double rate(List<ContainerVerdict> containers, Predicate<ContainerVerdict> flagged) {
        return containers.isEmpty() ? Double.NaN : (double) containers.stream().filter(flagged).count() / containers.size();
    }

    private static String share(List<ContainerVerdict> containers, int width) {
        String text = String.format("%d/%d %s", count(containers), containers.size(),
                Report.pct(rate(containers, ContainerVerdict::incident)));
        return String.format("%-" + Math.max(1, width) + "s", text);
    }

    private static double aucValue(List<ContainerVerdict> normal, List<ContainerVerdict> attacks) {
        return Roc.auc(normal.stream().mapToDouble(ContainerVerdict::rocScore).toArray(),
                attacks.stream().mapToDouble(ContainerVerdict::rocScore).toArray());
    }

    private static String auc(List<ContainerVerdict> normal, List<ContainerVerdict> attacks) {
        double value = aucValue(normal, attacks);
        return Double.isNaN(value) ? "–" : String.format("%.3f", value);
    }

    private static String number(JsonNode value) {
        return value.isNumber() ? String.format("%.3f", value.asDouble()) : "–";
    }

    private static Object round(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? null : Math.round(value * 1e6) / 1e6;
    }
}
