package io.habitus.eval.unm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads the UNM trace format: one {@code PID SYSCALL} pair of decimal integers per line, separated
 * by spaces or a tab, blank lines and trailing blanks allowed. One source may interleave several
 * processes; they are split by pid, each keeping its calls in file order, in order of first
 * appearance. Archives ({@code .tar}, {@code .tar.gz}) hold one gzip-compressed trace per member.
 */
final class TraceReader {

    private TraceReader() {
    }

    /** The traces of a plain, gzip or tar(.gz) file; {@code name} is how traces name their source. */
    static List<Trace> read(Path file, String name) throws IOException {
        String fileName = file.getFileName().toString();
        try (InputStream in = Files.newInputStream(file)) {
            if (fileName.endsWith(".tar.gz") || fileName.endsWith(".tgz")) {
                return readTar(new GZIPInputStream(in, 1 << 16), name);
            }
            if (fileName.endsWith(".tar")) {
                return readTar(in, name);
            }
            if (fileName.endsWith(".gz")) {
                return parse(new GZIPInputStream(in, 1 << 16), name);
            }
            return parse(in, name);
        }
    }

    private static List<Trace> readTar(InputStream in, String name) throws IOException {
        List<Trace> traces = new ArrayList<>();
        TarArchiveInputStream tar = new TarArchiveInputStream(in);
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
            String member = entry.getName();
            if (!entry.isFile() || !(member.endsWith(".int") || member.endsWith(".int.gz"))) {
                continue;   // directories and index files such as real/tot
            }
            InputStream body = member.endsWith(".gz") ? new GZIPInputStream(nonClosing(tar)) : nonClosing(tar);
            traces.addAll(parse(body, name + "!" + member));
        }
        return traces;
    }

    /** Parses trace text; processes in order of first appearance, empty ones left out. */
    static List<Trace> parse(InputStream in, String source) throws IOException {
        Map<Integer, IntList> byPid = new LinkedHashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII), 1 << 16);
        String line;
        int lineNo = 0;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] fields = trimmed.split("\\s+");
            if (fields.length != 2) {
                throw new IOException(source + ":" + lineNo + ": expected 'PID SYSCALL', got '" + line + "'");
            }
            try {
                int pid = Integer.parseInt(fields[0]);
                int call = Integer.parseInt(fields[1]);
                if (call < 0) {
                    throw new NumberFormatException("negative system call " + call);
                }
                byPid.computeIfAbsent(pid, p -> new IntList()).add(call);
            } catch (NumberFormatException e) {
                throw new IOException(source + ":" + lineNo + ": " + e.getMessage(), e);
            }
        }
        List<Trace> traces = new ArrayList<>(byPid.size());
        byPid.forEach((pid, calls) -> traces.add(new Trace(source, pid, calls.toArray())));
        return traces;
    }

    private static InputStream nonClosing(InputStream in) {
        return new java.io.FilterInputStream(in) {
            @Override
            public void close() {
                // the tar stream stays open for the next member
            }
        };
    }

    private static final class IntList {
        private int[] values = new int[256];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
