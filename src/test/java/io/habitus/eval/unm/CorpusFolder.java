package io.habitus.eval.unm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * A corpus of system-call traces in the replay layout (eval/replay.sh's header):
 * {@code DIR/train/*} learning traces, {@code DIR/normal/*} held-out normal traces,
 * {@code DIR/attack/<kind>/*} attack traces by kind, one file per process, the process's system
 * calls in order as whitespace-separated numbers or names (any mix, blank lines ignored, {@code .gz}
 * read as gzip); optionally {@code DIR/executable}, one line naming the program. Files are taken in
 * the order of their paths, hidden ones left out, empty ones skipped; a folder's subfolders are read
 * too (a corpus that keeps each attack run in a folder of its own), and files lying in {@code attack/}
 * itself are one kind. ADFA-LD's own folder names ({@code Training_Data_Master},
 * {@code Validation_Data_Master}, {@code Attack_Data_Master}) are read where the layout's are missing,
 * so that corpus replays as it is unpacked.
 */
final class CorpusFolder {

    static final String EXECUTABLE = "executable";
    static final String DEFAULT_EXECUTABLE = "/usr/local/bin/traced";

    private CorpusFolder() {
    }

    /**
     * Reads the corpus. More than {@code maxLearning} train or {@code maxHeldOut} normal traces are
     * subsampled uniformly with {@code seed}, keeping file order; fewer are all taken, in file order.
     */
    static Corpus read(Path dir, String name, String executable, long seed, int maxLearning, int maxHeldOut)
            throws IOException {
        SyscallVocabulary vocabulary = new SyscallVocabulary();
        List<Trace> train = traces(dir, part(dir, "train"), vocabulary);
        List<Trace> normal = traces(dir, part(dir, "normal"), vocabulary);
        Path attack = part(dir, "attack");
        Map<String, List<Trace>> attacks = new LinkedHashMap<>();
        for (Path kind : listing(attack, true)) {
            attacks.put(dir.relativize(kind).toString(), traces(dir, kind, vocabulary));
        }
        List<Trace> loose = new ArrayList<>();
        for (Path file : listing(attack, false)) {
            addParsed(loose, dir, file, vocabulary);
        }
        attacks.put(dir.relativize(attack).toString(), loose);
        attacks.values().removeIf(List::isEmpty);
        if (train.isEmpty() || normal.isEmpty() || attacks.isEmpty()) {
            throw new IllegalArgumentException(dir + ": needs traces in train/, normal/ and attack/<kind>/ (found "
                    + train.size() + ", " + normal.size() + " and " + attacks.size() + " kinds)");
        }
        Path named = dir.resolve(EXECUTABLE);
        String program = executable != null ? executable
                : Files.isRegularFile(named) ? Files.readString(named).strip() : DEFAULT_EXECUTABLE;
        return new Corpus(name, program, vocabulary, sample(train, maxLearning, seed), sample(normal, maxHeldOut, seed),
                attacks, train.size() + normal.size());
    }

    /**
     * Writes a corpus in the layout, into {@code dir} (which must not hold traces yet): file names
     * number the traces so that reading them back keeps their order.
     */
    static void write(Path dir, Corpus corpus) throws IOException {
        if (Files.exists(dir.resolve("train")) || Files.exists(dir.resolve("normal")) || Files.exists(dir.resolve("attack"))) {
            throw new IllegalArgumentException(dir + " already holds a corpus");
        }
        write(dir.resolve("train"), corpus.learning(), corpus.syscalls());
        write(dir.resolve("normal"), corpus.heldOut(), corpus.syscalls());
        for (Map.Entry<String, List<Trace>> kind : corpus.attacks().entrySet()) {
            write(dir.resolve("attack").resolve(baseName(kind.getKey())), kind.getValue(), corpus.syscalls());
        }
        Files.writeString(dir.resolve(EXECUTABLE), corpus.executable() + "\n");
    }

    private static void write(Path folder, List<Trace> traces, Syscalls syscalls) throws IOException {
        Files.createDirectories(folder);
        for (int i = 0; i < traces.size(); i++) {
            Trace trace = traces.get(i);
            String file = String.format("%05d-%s-pid%d.txt", i, baseName(trace.source()).replaceAll("[^A-Za-z0-9_-]", "_"),
                    trace.pid());
            try (Writer out = Files.newBufferedWriter(folder.resolve(file), StandardCharsets.US_ASCII)) {
                for (int call : trace.calls()) {
                    out.write(syscalls.token(call));
                    out.write('\n');
                }
            }
        }
    }

    /** The layout's folder, or ADFA-LD's name for it where the layout's is missing. */
    static Path part(Path dir, String name) {
        Path folder = dir.resolve(name);
        String adfa = ADFA_NAMES.get(name);
        return Files.isDirectory(folder) || !Files.isDirectory(dir.resolve(adfa)) ? folder : dir.resolve(adfa);
    }

    private static final Map<String, String> ADFA_NAMES = Map.of("train", "Training_Data_Master",
            "normal", "Validation_Data_Master", "attack", "Attack_Data_Master");

    /** Every trace under the folder, its subfolders' too, in the order of their paths. */
    private static List<Trace> traces(Path dir, Path folder, SyscallVocabulary vocabulary) throws IOException {
        List<Trace> traces = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return traces;
        }
        List<Path> files;
        try (Stream<Path> tree = Files.walk(folder)) {
            files = tree.filter(Files::isRegularFile)
                    .filter(p -> !hidden(folder.relativize(p)))
                    .sorted((a, b) -> folder.relativize(a).toString().compareTo(folder.relativize(b).toString()))
                    .toList();
        }
        for (Path file : files) {
            addParsed(traces, dir, file, vocabulary);
        }
        return traces;
    }

    private static void addParsed(List<Trace> traces, Path dir, Path file, SyscallVocabulary vocabulary)
            throws IOException {
        Trace trace = parse(file, dir.relativize(file).toString(), vocabulary);
        if (trace.length() > 0) {
            traces.add(trace);
        }
    }

    private static boolean hidden(Path relative) {
        for (Path name : relative) {
            if (name.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    static Trace parse(Path file, String source, SyscallVocabulary vocabulary) throws IOException {
        List<Integer> calls = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                for (String token : line.strip().split("\\s+")) {
                    if (token.isEmpty()) {
                        continue;
                    }
                    try {
                        calls.add(vocabulary.id(token));
                    } catch (IllegalArgumentException e) {
                        throw new IOException(source + ":" + lineNo + ": " + e.getMessage(), e);
                    }
                }
            }
        }
        return new Trace(source, 1, calls.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Regular files (or, with {@code folders}, directories) of a folder by name, hidden ones left out. */
    private static List<Path> listing(Path folder, boolean folders) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> folders ? Files.isDirectory(p) : Files.isRegularFile(p))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** At most {@code max} traces, chosen uniformly with {@code seed}, in their original order. */
    static List<Trace> sample(List<Trace> traces, int max, long seed) {
        if (traces.size() <= max) {
            return traces;
        }
        int[] order = new int[traces.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swapped = order[i];
            order[i] = order[j];
            order[j] = swapped;
        }
        int[] chosen = java.util.Arrays.copyOf(order, max);
        java.util.Arrays.sort(chosen);
        return java.util.Arrays.stream(chosen).mapToObj(traces::get).toList();
    }

    private static String baseName(String path) {
        return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('!')) + 1);
    }
}
