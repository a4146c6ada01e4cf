package io.habitus.bench.training;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The MIT live lpr normal traces (UNM Computer Immune Systems data, see the data folder's
 * README): one tar member per lpr process, each a gzip of {@code pid syscall-number} lines in
 * execution order. These are the largest normal set of one program with one numbering, which is
 * what one image's model sees.
 */
final class LprTraces {

    static final String DEFAULT_DATA = "/work/shared/data/unm-syscall-traces";
    static final String ARCHIVE = "mit-live-lpr/normal/traces.tar.gz";
    /** SunOS 4.1 path of the program the traces are of. */
    static final String EXECUTABLE = "/usr/ucb/lpr";

    private LprTraces() {
    }

    /** The data folder: {@code $HABITUS_TRACES} or the shared default. */
    static Path dataFolder() {
        return Path.of(System.getenv().getOrDefault("HABITUS_TRACES", DEFAULT_DATA));
    }

    /** Every non-empty trace of the archive, in archive order, as syscall numbers. */
    static List<int[]> read(Path dataFolder) throws IOException {
        Path archive = dataFolder.resolve(ARCHIVE);
        List<int[]> traces = new ArrayList<>();
        try (InputStream file = Files.newInputStream(archive);
                TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(file, 1 << 16))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (entry.isFile() && entry.getName().endsWith(".int.gz")) {
                    int[] calls = calls(new GZIPInputStream(tar));
                    if (calls.length > 0) {
                        traces.add(calls);
                    }
                }
            }
        }
        return traces;
    }

    /** Reads one member; the member stream is not closed, as that would close the archive. */
    private static int[] calls(InputStream member) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(member, StandardCharsets.US_ASCII));
        int[] calls = new int[1024];
        int size = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length < 2) {
                continue;
            }
            if (size == calls.length) {
                calls = java.util.Arrays.copyOf(calls, size * 2);
            }
            calls[size++] = Integer.parseInt(fields[1]);
        }
        return java.util.Arrays.copyOf(calls, size);
    }
}
