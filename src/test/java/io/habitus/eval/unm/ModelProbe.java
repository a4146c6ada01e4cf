package io.habitus.eval.unm;

import io.habitus.model.ContainerState;
import io.habitus.model.Transition;
import io.habitus.model.TransitionModel;
import io.habitus.model.internal.FeatureSpec;
import io.habitus.model.internal.OneClassTrainer;
import io.habitus.model.internal.TrainingOptions;
import io.habitus.model.internal.TransitionEncoder;
import io.habitus.model.internal.WeightedVector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Design probe, not the evaluation: emulates what the service does with a data set (container
 * state of the last k tokens, distinct-first training sample, the model core's trainer) in one
 * process, so that encodings and aggregations can be compared in seconds. The numbers that count
 * come from {@link UnmEvaluation}, through the HTTP API.
 *
 * <p>Usage: ModelProbe DATA_FOLDER all|dataset,... [window=8] [decay=0.7] [weights=sequence:3,...] [nus=…] [factors=…]
 * [target=0.005] [maxLearning=800] [maxHeldOut=300] [frame=20] [debug=1] [dump=1] (one line per trace: where its flags
 * are and whether their transitions were learned). The replay's sizes are maxLearning=400 maxHeldOut=200. Run it with target/test-classes and
 * target/classes on the classpath (docs/unm-evaluation.md lists what it was used for).
 */
public final class ModelProbe {

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        Set<String> only = args.length > 1 && !args[1].equals("all") ? Set.of(args[1].split(",")) : Set.of();
        Map<String, String> options = new HashMap<>();
        for (int i = 2; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            options.put(kv[0], kv[1]);
        }
        FeatureSpec spec = spec(options);
        OPTIONS = options(options);
        System.out.println("options " + OPTIONS);
        int frame = Integer.parseInt(options.getOrDefault("frame", "20"));
        System.out.println("spec " + spec.toMap());
        for (DataSets.Definition definition : DataSets.ALL) {
            if (!only.isEmpty() && !only.contains(definition.name())) {
                continue;
            }
            long started = System.nanoTime();
            DataSet data = DataSets.load(folder, definition);
            TraceSplit split = TraceSplit.of(data.normal(), 20261128L, 0.7,
                    Integer.parseInt(options.getOrDefault("maxLearning", "800")),
                    Integer.parseInt(options.getOrDefault("maxHeldOut", "300")));
            Stide stide = Stide.learn(split.learning(), 6, frame);
            Emulation emulation = Emulation.learn(data.executable(), split.learning(), spec);
            System.out.printf(Locale.ROOT, "%n== %s: learning %d traces (%d calls), held-out %d (%d calls); %d distinct transitions; "
                    + "model: nu %.2f factor %.1f, %d SVs, threshold %.2f, held-out fpr %.4f (%d ms)%n",
                    data.name(), split.learning().size(), split.learningCalls(), split.heldOut().size(), split.heldOutCalls(),
                    emulation.distinct, emulation.model.hyperParameters().nu(), emulation.model.hyperParameters().gammaFactor(),
                    emulation.model.statistics().supportVectors(), emulation.model.threshold(),
                    emulation.model.statistics().heldOutFalsePositiveRate(), (System.nanoTime() - started) / 1_000_000);
            List<Row> normalRows = new ArrayList<>();
            if (options.containsKey("debug")) {
                for (Trace trace : split.heldOut().subList(0, Math.min(5, split.heldOut().size()))) {
                    double[] sc = emulation.scores(trace);
                    StringBuilder b = new StringBuilder(trace.id() + " len " + sc.length + ":");
                    for (int i = 0; i < sc.length; i++) {
                        if (emulation.model.isAnomalous(sc[i])) {
                            b.append(String.format(Locale.ROOT, " %d(%.1f)", i, sc[i]));
                        }
                    }
                    System.out.println(b);
                }
            }
            for (Trace trace : split.heldOut()) {
                normalRows.add(Row.of(trace, stide, emulation, frame));
            }
            if (options.containsKey("dump")) {
                for (Trace trace : split.heldOut()) {
                    dump("N", trace, stide, emulation, frame);
                }
                data.intrusions().forEach((file, traces) -> traces.forEach(t -> dump("X " + file, t, stide, emulation, frame)));
            }
            Map<String, List<Row>> intrusionRows = new LinkedHashMap<>();
            data.intrusions().forEach((file, traces) ->
                    intrusionRows.put(file, traces.stream().map(t -> Row.of(t, stide, emulation, frame)).toList()));
            report(normalRows, intrusionRows);
        }
        AUCS.forEach((name, sum) -> System.out.printf(Locale.ROOT, "mean auc %s %.3f over %d%n", name, sum[0] / sum[1], (int) sum[1]));
    }

    /** One line per trace: where its flags are, and what kind of transitions they are. */
    private static void dump(String label, Trace trace, Stide stide, Emulation emulation, int frame) {
        double[] scores = emulation.scores(trace);
        List<Transition> transitions = emulation.transitions(trace);
        boolean[] anomalous = new boolean[scores.length];
        int flagged = 0;
        int unseen = 0;
        int unseenSeq = 0;
        int flaggedSeen = 0;
        double min = Double.POSITIVE_INFINITY;
        StringBuilder where = new StringBuilder();
        for (int i = 0; i < scores.length; i++) {
            anomalous[i] = emulation.model.isAnomalous(scores[i]);
            boolean u = !emulation.learned.contains(Emulation.key(transitions.get(i)));
            boolean us = !emulation.learnedSequences.contains(Emulation.sequence(transitions.get(i)));
            unseen += u ? 1 : 0;
            unseenSeq += us ? 1 : 0;
            min = Math.min(min, scores[i]);
            if (anomalous[i]) {
                flagged++;
                flaggedSeen += us ? 0 : 1;
                if (where.length() < 400) {
                    where.append(String.format(Locale.ROOT, " %d%s(%.1f)", i, us ? "*" : "", scores[i]));
                }
            }
        }
        boolean[] violations = emulation.violations(trace);
        boolean[] combined = new boolean[scores.length];
        for (int i = 0; i < scores.length; i++) {
            combined[i] = violations[i] || (anomalous[i] && !emulation.modelLearned(transitions.get(i)));
        }
        boolean[] mismatches = stide.mismatches(trace);
        int mm = 0;
        for (boolean m : mismatches) {
            mm += m ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "%-22s %-28s len %6d stideLfc %2d mism %4d | violLfc %2d combLfc %2d | scoreLfc %2d flagged %4d (seen-seq %3d) unseen8 %4d unseenSeq %4d min %7.1f |%s%n",
                label, trace.id(), trace.length(), stide.anomaly(trace), mm, LocalityFrame.maxCount(violations, frame),
                LocalityFrame.maxCount(combined, frame), LocalityFrame.maxCount(anomalous, frame), flagged,
                flaggedSeen, unseen, unseenSeq, min, where);
    }

    static final Map<String, double[]> AUCS = new LinkedHashMap<>();

    private static void report(List<Row> normal, Map<String, List<Row>> intrusions) {
        List<Row> attack = intrusions.values().stream().flatMap(List::stream).toList();
        for (String name : normal.getFirst().figures().keySet()) {
            double[] neg = normal.stream().mapToDouble(r -> r.figures().get(name)).toArray();
            double[] pos = attack.stream().mapToDouble(r -> r.figures().get(name)).toArray();
            double auc = RocAuc.of(pos, neg);
            AUCS.computeIfAbsent(name, n -> new double[2]);
            AUCS.get(name)[0] += auc;
            AUCS.get(name)[1]++;
            StringBuilder levels = new StringBuilder();
            for (int level : new int[] {1, 2, 3, 4, 5, 6, 8}) {
                long files = intrusions.values().stream().filter(rows -> rows.stream().anyMatch(r -> r.figures().get(name) >= level)).count();
                long fp = normal.stream().filter(r -> r.figures().get(name) >= level).count();
                levels.append(String.format(Locale.ROOT, "  L%d %d/%d fpr %.3f", level, files, intrusions.size(), fp / (double) normal.size()));
            }
            System.out.printf(Locale.ROOT, "%-14s auc %.3f %s%n", name, auc, levels);
        }
    }

    private static double quantile(double[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    }

    static TrainingOptions OPTIONS = TrainingOptions.defaults();

    static TrainingOptions options(Map<String, String> options) {
        TrainingOptions d = TrainingOptions.defaults();
        List<Double> nus = options.containsKey("nus") ? java.util.Arrays.stream(options.get("nus").split(",")).map(Double::valueOf).toList() : d.nus();
        List<Double> factors = options.containsKey("factors") ? java.util.Arrays.stream(options.get("factors").split(",")).map(Double::valueOf).toList() : d.gammaFactors();
        double target = Double.parseDouble(options.getOrDefault("target", String.valueOf(d.targetFalsePositiveRate())));
        return new TrainingOptions(target, d.seed(), d.heldOutFraction(), d.maxTrainingVectors(), d.maxHeldOutVectors(), nus, factors);
    }

    static FeatureSpec spec(Map<String, String> options) {
        FeatureSpec defaults = FeatureSpec.defaults();
        Map<String, Double> weights = new LinkedHashMap<>(defaults.groupWeights());
        if (options.containsKey("weights")) {
            for (String pair : options.get("weights").split(",")) {
                String[] kv = pair.split(":");
                weights.put(kv[0], Double.parseDouble(kv[1]));
            }
        }
        return new FeatureSpec(defaults.version(), defaults.dimension(),
                Integer.parseInt(options.getOrDefault("window", String.valueOf(defaults.window()))),
                Double.parseDouble(options.getOrDefault("decay", String.valueOf(defaults.decay()))),
                defaults.hashSeed(), weights);
    }

    /** A trace's figures: STIDE, allowlist and model aggregations, higher = more anomalous. */
    record Row(Map<String, Double> figures) {
        static Row of(Trace trace, Stide stide, Emulation emulation, int frame) {
            double[] scores = emulation.scores(trace);
            boolean[] violations = emulation.violations(trace);
            List<Transition> transitions = emulation.transitions(trace);
            double t = emulation.model.threshold();
            int n = scores.length;
            boolean[] anomalous = new boolean[n];
            boolean[] combined = new boolean[n];
            boolean[] novel = new boolean[n];
            boolean[] novelComb = new boolean[n];
            boolean[] strict2 = new boolean[n];
            boolean[] strictM1 = new boolean[n];
            boolean[] strictM3 = new boolean[n];
            double min = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                anomalous[i] = emulation.model.isAnomalous(scores[i]);
                combined[i] = anomalous[i] || violations[i];
                boolean unseen = !emulation.learned.contains(Emulation.key(transitions.get(i)));
                novel[i] = anomalous[i] && unseen;
                novelComb[i] = (anomalous[i] && unseen) || violations[i];
                strict2[i] = combined[i] && (violations[i] || scores[i] < 2 * t);
                strictM1[i] = combined[i] && (violations[i] || scores[i] < t - 1);
                strictM3[i] = combined[i] && (violations[i] || scores[i] < t - 3);
                min = Math.min(min, scores[i]);
            }
            boolean[] product = new boolean[n];
            boolean[] productComb = new boolean[n];
            for (int i = 0; i < n; i++) {
                product[i] = anomalous[i] && !emulation.modelLearned(transitions.get(i));
                productComb[i] = product[i] || violations[i];
            }
            Map<String, Double> f = new LinkedHashMap<>();
            f.put("stideLfc", (double) stide.anomaly(trace));
            // what the service does: below the threshold and not learned
            f.put("modelLfc", (double) LocalityFrame.maxCount(product, frame));
            f.put("combLfc", (double) LocalityFrame.maxCount(productComb, frame));
            // the score alone (before learned transitions were spared), and variants of the per-trace figure
            f.put("scoreModelLfc", (double) LocalityFrame.maxCount(anomalous, frame));
            f.put("scoreCombLfc", (double) LocalityFrame.maxCount(combined, frame));
            f.put("combUnseenKey", (double) LocalityFrame.maxCount(novelComb, frame));
            f.put("scoreComb2t", (double) LocalityFrame.maxCount(strict2, frame));
            f.put("scoreCombTm1", (double) LocalityFrame.maxCount(strictM1, frame));
            f.put("scoreCombTm3", (double) LocalityFrame.maxCount(strictM3, frame));
            int c = LocalityFrame.maxCount(combined, frame);
            f.put("scoreComb+unseen", c + LocalityFrame.maxCount(novelComb, frame) / (frame + 1.0));
            f.put("scoreComb+2t", c + LocalityFrame.maxCount(strict2, frame) / (frame + 1.0));
            f.put("scoreComb+min", c + Math.min(0.99, -min / 1e4));
            return new Row(f);
        }
    }

    /** The service's view of a program: container state, allowlist, training sample and model. */
    static final class Emulation {
        final String exe;
        final FeatureSpec spec;
        final Set<String> allowed = new TreeSet<>();
        final Set<String> learned = new java.util.HashSet<>();
        final Set<String> learnedSequences = new java.util.HashSet<>();
        TransitionModel model;
        int distinct;
        private final Map<String, Double> cache = new HashMap<>();

        private Emulation(String exe, FeatureSpec spec) {
            this.exe = exe;
            this.spec = spec;
        }

        static Emulation learn(String exe, List<Trace> traces, FeatureSpec spec) {
            Emulation emulation = new Emulation(exe, spec);
            TransitionEncoder encoder = new TransitionEncoder(spec);
            Map<String, long[]> counts = new LinkedHashMap<>();
            Map<String, Transition> byKey = new HashMap<>();
            for (Trace trace : traces) {
                for (Transition t : emulation.transitions(trace)) {
                    emulation.allowed.add(t.event());
                    emulation.learned.add(key(t));
                    emulation.learnedSequences.add(sequence(t));
                    String key = key(t);
                    if (counts.size() < 50_000 || counts.containsKey(key)) {
                        counts.computeIfAbsent(key, k -> new long[1])[0]++;
                        byKey.putIfAbsent(key, t);
                    }
                }
            }
            List<WeightedVector> vectors = new ArrayList<>();
            counts.forEach((key, count) -> vectors.add(new WeightedVector(encoder.encode(byKey.get(key)), count[0])));
            emulation.distinct = counts.size();
            emulation.model = new OneClassTrainer().train(spec, vectors, OPTIONS);
            return emulation;
        }

        List<Transition> transitions(Trace trace) {
            List<Transition> result = new ArrayList<>(trace.length() + 1);
            List<String> recent = new ArrayList<>();
            Set<String> processes = Set.of(exe);
            String exec = "exec " + exe + " <- ?";
            recent.add(exec);
            result.add(new Transition(ContainerState.EMPTY, exec, ContainerState.of(processes, List.copyOf(recent))));
            for (int call : trace.calls()) {
                ContainerState before = ContainerState.of(processes, List.copyOf(recent));
                String token = "syscall #" + call;
                recent.add(token);
                if (recent.size() > spec.window()) {
                    recent.removeFirst();
                }
                result.add(new Transition(before, token, ContainerState.of(processes, List.copyOf(recent))));
            }
            return result;
        }

        double[] scores(Trace trace) {
            List<Transition> transitions = transitions(trace);
            double[] scores = new double[transitions.size()];
            for (int i = 0; i < scores.length; i++) {
                Transition t = transitions.get(i);
                scores[i] = cache.computeIfAbsent(key(t), k -> model.score(t));
            }
            return scores;
        }

        private final Map<String, Boolean> learnedCache = new HashMap<>();

        boolean modelLearned(Transition t) {
            return learnedCache.computeIfAbsent(key(t), k -> model.isLearned(model.encoder().encode(t)));
        }

        boolean[] violations(Trace trace) {
            List<Transition> transitions = transitions(trace);
            boolean[] result = new boolean[transitions.size()];
            for (int i = 0; i < result.length; i++) {
                result[i] = !allowed.contains(transitions.get(i).event());
            }
            return result;
        }

        /** The last 5 tokens before the event and the event: the version-2 sequence feature. */
        static String sequence(Transition t) {
            List<String> recent = t.before().recentTokens();
            return recent.subList(Math.max(0, recent.size() - 5), recent.size()) + "|" + t.event();
        }

        static String key(Transition t) {
            return t.before().processes() + "|" + t.before().recentTokens() + "|" + t.event() + "|" + t.after().processes();
        }
    }

}
