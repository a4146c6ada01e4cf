package io.habitus.bench.training;

import java.util.List;
import java.util.Locale;

/** One training size's measurements, and the table of all of them. */
record Row(int n, double gamma, List<Double> javaTimes, List<Double> sklearnTimes, int javaSupportVectors,
        int sklearnSupportVectors, int modelBytes, int sklearnPickleBytes, double javaRho, double sklearnRho,
        Comparison comparison) {

    static final String LEGEND = """
            libsvm = the product's path (libsvm 3.35 Java, LibSvm.trainOneClass); sklearn = OneClassSVM.fit (C libsvm inside);
            times are the best of the repeats (the machine may be shared); the progress lines above list every repeat;
            ratio = libsvm time / sklearn time; model bytes = libsvm model text as stored (sklearn: pickle);
            |Δd| = largest difference of decision values over the training vectors and the perturbed probes;
            rel = |Δd| / max(|d|, 1e-3·(Σ|α|+ρ)); flips = probes on different sides of the boundary.""";

    double javaSeconds() {
        return javaTimes.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    double sklearnSeconds() {
        return sklearnTimes.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    String progress() {
        return String.format(Locale.ROOT, "n=%d gamma=%.5g: libsvm %s s, %d SVs, rho %.10g | sklearn %s s, %d SVs,"
                + " rho %.10g | max |Δd| %.3e, rel %.3e, flips %d", n, gamma, times(javaTimes), javaSupportVectors, javaRho,
                times(sklearnTimes), sklearnSupportVectors, sklearnRho, comparison.maxAbsolute(), comparison.maxRelative(),
                comparison.signFlips());
    }

    private static String times(List<Double> seconds) {
        return String.join("/", seconds.stream().map(s -> String.format(Locale.ROOT, "%.2f", s)).toList());
    }

    static String table(List<Row> rows) {
        StringBuilder text = new StringBuilder();
        text.append("|      n | libsvm s | sklearn s | ratio | SVs libsvm | SVs sklearn | model bytes (sklearn pickle) | max |Δd| | max rel Δd | flips |\n");
        text.append("|-------:|---------:|----------:|------:|-----------:|------------:|-----------------------------:|---------:|-----------:|------:|\n");
        for (Row r : rows) {
            text.append(String.format(Locale.ROOT, "| %6d | %8.2f | %9.2f | %5.2f | %10d | %11d | %13d (%11d) | %8.1e | %10.1e | %5d |%n",
                    r.n, r.javaSeconds(), r.sklearnSeconds(), r.javaSeconds() / r.sklearnSeconds(), r.javaSupportVectors,
                    r.sklearnSupportVectors, r.modelBytes, r.sklearnPickleBytes, r.comparison.maxAbsolute(),
                    r.comparison.maxRelative(), r.comparison.signFlips()));
        }
        return text.toString();
    }
}
