package io.habitus.model.libsvm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import libsvm.svm;
import libsvm.svm_model;
import libsvm.svm_node;
import libsvm.svm_parameter;
import libsvm.svm_problem;
import org.jspecify.annotations.Nullable;

/**
 * libsvm behind a small, safe surface. Feature index {@code i} of a Habitus vector is libsvm
 * index {@code i + 1} (libsvm's files are 1-based). Arrays handed to libsvm are fresh copies that
 * nobody keeps, because the trained model aliases them.
 */
public final class LibSvm {

    static {
        // Global in libsvm: set once, here, before any training can print.
        svm.svm_set_print_string_function(message -> { });
    }

    private LibSvm() {
    }

    /** Trains a one-class SVM with an RBF kernel; gamma is always explicit. */
    public static svm_model trainOneClass(int[][] indices, double[][] values, double nu, double gamma) {
        if (!(gamma > 0.0) || !(nu > 0.0 && nu <= 1.0)) {
            throw new IllegalArgumentException("need 0 < nu <= 1 and gamma > 0, got nu=" + nu + " gamma=" + gamma);
        }
        svm_problem problem = new svm_problem();
        problem.l = indices.length;
        problem.y = new double[indices.length];
        problem.x = new svm_node[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            problem.y[i] = 1.0;
            problem.x[i] = nodes(indices[i], values[i]);
        }
        svm_parameter parameter = new svm_parameter();
        parameter.svm_type = svm_parameter.ONE_CLASS;
        parameter.kernel_type = svm_parameter.RBF;
        parameter.gamma = gamma;
        parameter.nu = nu;
        parameter.cache_size = 100;
        parameter.eps = 1e-3;
        parameter.shrinking = 1;
        parameter.probability = 0;
        parameter.C = 1;
        parameter.nr_weight = 0;
        parameter.weight_label = new int[0];
        parameter.weight = new double[0];
        String problemWithParameters = svm.svm_check_parameter(problem, parameter);
        if (problemWithParameters != null) {
            throw new IllegalArgumentException("libsvm refused the parameters: " + problemWithParameters);
        }
        return svm.svm_train(problem, parameter);
    }

    /** libsvm's own decision value (the slow reference path). */
    public static double decisionValue(svm_model model, int[] indices, double[] values) {
        double[] decision = new double[1];
        svm.svm_predict_values(model, nodes(indices, values), decision);
        return decision[0];
    }

    /** The model in libsvm's text format, written by libsvm itself (it only writes to files). */
    public static String toText(svm_model model) {
        Path file = null;
        try {
            file = Files.createTempFile("habitus-svm-", ".model");
            svm.svm_save_model(file.toString(), model);
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the libsvm model", e);
        } finally {
            deleteQuietly(file);
        }
    }

    /** Parses libsvm's text format; a model that is not a one-class RBF model is refused. */
    public static svm_model fromText(String text) throws IOException {
        svm_model model;
        try {
            model = svm.svm_load_model(new BufferedReader(new StringReader(text)));
        } catch (RuntimeException e) {
            throw new IOException("unreadable libsvm model: " + e, e);
        }
        if (model == null || model.param == null || model.param.svm_type != svm_parameter.ONE_CLASS
                || model.param.kernel_type != svm_parameter.RBF || model.SV == null || model.sv_coef == null
                || model.rho == null || model.l != model.SV.length) {
            throw new IOException("not a one-class RBF libsvm model");
        }
        return model;
    }

    static svm_node[] nodes(int[] indices, double[] values) {
        svm_node[] nodes = new svm_node[indices.length];
        for (int i = 0; i < indices.length; i++) {
            nodes[i] = new svm_node();
            nodes[i].index = indices[i] + 1;
            nodes[i].value = values[i];
        }
        return nodes;
    }

    private static void deleteQuietly(@Nullable Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // A leftover temp file is harmless; the model text was already read or the error reported.
            }
        }
    }
}
