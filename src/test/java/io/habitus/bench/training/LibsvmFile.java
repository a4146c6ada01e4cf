package io.habitus.bench.training;

import io.habitus.model.internal.SparseVector;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * libsvm's sparse text format ({@code label index:value ...}, 1-based indices, as
 * {@code io.habitus.model.libsvm.LibSvm} hands features to libsvm). Values are written with
 * {@link Double#toString}, which reads back to the same double, so both trainers see identical data.
 */
final class LibsvmFile {

    private LibsvmFile() {
    }

    static void write(Path file, List<SparseVector> vectors) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            StringBuilder line = new StringBuilder(1024);
            for (SparseVector vector : vectors) {
                line.setLength(0);
                line.append("1");
                for (int i = 0; i < vector.nonZeros(); i++) {
                    line.append(' ').append(vector.indexAt(i) + 1).append(':').append(vector.valueAt(i));
                }
                out.append(line).append('\n');
            }
        }
    }

    static double[] readValues(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.US_ASCII).stream().filter(l -> !l.isBlank())
                .mapToDouble(Double::parseDouble).toArray();
    }
}
