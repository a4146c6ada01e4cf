package io.habitus.model.libsvm;

import java.util.Arrays;
import java.util.TreeSet;
import libsvm.svm_model;
import libsvm.svm_node;
import libsvm.svm_parameter;

/**
 * A one-class RBF model laid out once for fast scoring, instead of walking libsvm's
 * {@code svm_node} graph per support vector. The support vectors are stored as sparse columns
 * (compressed sparse column: for each feature, the support vectors that have it and their values),
 * so a sparse query touches only the non-zeros it shares with them:
 * {@code f(x) = Σ coef_i exp(-γ (|x|² + |sv_i|² − 2 x·sv_i)) − rho}.
 * Hashed transition vectors are very sparse (a support vector has a few dozen of the thousand or
 * so features its model uses), so this is far less work than dense columns, and it adds the same
 * non-zero products in the same order, so the result is bit-identical to the dense layout's.
 * Immutable and thread-safe: each call uses its own scratch array.
 */
public final class FastPredictor {

    private final int supportVectors;
    private final double gamma;
    private final double rho;
    private final double[] coefficients;
    private final double[] squaredNorms;
    private final int[] columnOfFeature;
    /** Column c's entries are [columnStart[c], columnStart[c + 1]) of rows and entries. */
    private final int[] columnStart;
    private final int[] rows;
    private final double[] entries;

    public FastPredictor(svm_model model) {
        if (model.param.svm_type != svm_parameter.ONE_CLASS || model.param.kernel_type != svm_parameter.RBF) {
            throw new IllegalArgumentException("only one-class RBF models are supported");
        }
        this.supportVectors = model.l;
        this.gamma = model.param.gamma;
        this.rho = model.rho[0];
        this.coefficients = Arrays.copyOf(model.sv_coef[0], model.l);
        TreeSet<Integer> used = new TreeSet<>();
        for (svm_node[] sv : model.SV) {
            for (svm_node node : sv) {
                used.add(node.index - 1);
            }
        }
        int maxFeature = used.isEmpty() ? -1 : used.last();
        this.columnOfFeature = new int[maxFeature + 1];
        Arrays.fill(columnOfFeature, -1);
        int column = 0;
        for (int feature : used) {
            columnOfFeature[feature] = column++;
        }
        int[] perColumn = new int[used.size()];
        int nonZeros = 0;
        for (svm_node[] sv : model.SV) {
            for (svm_node node : sv) {
                perColumn[columnOfFeature[node.index - 1]]++;
                nonZeros++;
            }
        }
        this.columnStart = new int[used.size() + 1];
        for (int c = 0; c < used.size(); c++) {
            columnStart[c + 1] = columnStart[c] + perColumn[c];
        }
        this.rows = new int[nonZeros];
        this.entries = new double[nonZeros];
        int[] next = Arrays.copyOf(columnStart, used.size());
        this.squaredNorms = new double[supportVectors];
        for (int i = 0; i < supportVectors; i++) {
            double norm = 0.0;
            for (svm_node node : model.SV[i]) {
                int at = next[columnOfFeature[node.index - 1]]++;
                rows[at] = i;
                entries[at] = node.value;
                norm += node.value * node.value;
            }
            squaredNorms[i] = norm;
        }
    }

    /** The decision value for a sparse query (0-based feature indices, no duplicates). */
    public double decisionValue(int[] indices, double[] values) {
        double queryNorm = 0.0;
        double[] dots = new double[supportVectors];
        for (int q = 0; q < indices.length; q++) {
            double value = values[q];
            queryNorm += value * value;
            int feature = indices[q];
            int column = feature >= 0 && feature < columnOfFeature.length ? columnOfFeature[feature] : -1;
            if (column < 0) {
                continue;
            }
            for (int k = columnStart[column], end = columnStart[column + 1]; k < end; k++) {
                dots[rows[k]] += value * entries[k];
            }
        }
        double sum = 0.0;
        for (int i = 0; i < supportVectors; i++) {
            double distance = Math.max(0.0, queryNorm + squaredNorms[i] - 2.0 * dots[i]);
            sum += coefficients[i] * Math.exp(-gamma * distance);
        }
        return sum - rho;
    }

    public int supportVectors() {
        return supportVectors;
    }

    /** Σ|coef_i| + |rho|: the scale of decision values, for tolerances near zero. */
    public double magnitude() {
        double sum = Math.abs(rho);
        for (double coefficient : coefficients) {
            sum += Math.abs(coefficient);
        }
        return sum;
    }
}
