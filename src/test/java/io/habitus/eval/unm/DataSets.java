package io.habitus.eval.unm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The data sets of the UNM/MIT folder (see its README): which files are normal and which are
 * intrusions, paired only within one folder and one numbering, as UNM asks. Login and ps are two
 * programs and two data sets. The re-converted lpr files have no matching counterpart and are left out.
 */
final class DataSets {

    /** Name, executable, normal file globs, intrusion file globs (relative to the data folder). */
    record Definition(String name, String executable, List<String> normal, List<String> intrusion) {}

    static final List<Definition> ALL = List.of(
            new Definition("sendmail", "/usr/lib/sendmail",
                    List.of("synthetic-sendmail/normal/*.int"), List.of("synthetic-sendmail/intrusion/*.int")),
            new Definition("lpr-mit", "/usr/ucb/lpr",
                    List.of("mit-live-lpr/normal/traces.tar.gz"), List.of("mit-live-lpr/intrusion/*.int")),
            new Definition("lpr-unm", "/usr/ucb/lpr",
                    List.of("unm-live-lpr/normal/*.txt"), List.of("unm-live-lpr/intrusion/*.int")),
            new Definition("lpr-unm-synthetic", "/usr/ucb/lpr",
                    List.of("unm-synthetic-lpr/normal/*.int"), List.of("unm-synthetic-lpr/intrusion/*.int")),
            new Definition("xlock", "/usr/X11R6/bin/xlock",
                    List.of("xlock/normal/*.int"), List.of("xlock/intrusion/*.int")),
            new Definition("named", "/usr/sbin/named",
                    List.of("live-named/normal/*.txt"), List.of("live-named/intrusion/*.int")),
            new Definition("login", "/bin/login",
                    List.of("login-ps/normal/login.*.int"), List.of("login-ps/intrusion/login-*.int")),
            new Definition("ps", "/bin/ps",
                    List.of("login-ps/normal/ps.*.int"), List.of("login-ps/intrusion/ps-*.int")),
            new Definition("inetd", "/usr/sbin/inetd",
                    List.of("inetd/normal/*.int"), List.of("inetd/intrusion/*.int")),
            new Definition("stide", "/usr/local/bin/stide",
                    List.of("stide/normal/stidetraces.tar.gz"), List.of("stide/intrusion/stide-intrusion")));

    static final long SEED = 20261128L;
    static final double LEARNING_FRACTION = 0.7;
    static final int MAX_LEARNING = 400;
    static final int MAX_HELD_OUT = 200;

    private DataSets() {
    }

    /**
     * The data sets (all, or those named in {@code only}) as corpora to replay: the normal traces
     * split into learning and held-out ({@link TraceSplit}), the intrusion files as attack kinds.
     */
    static List<Corpus> corpora(Path folder, Set<String> only, long seed, double fraction, int maxLearning,
            int maxHeldOut) {
        List<Corpus> corpora = new ArrayList<>();
        for (Definition definition : ALL) {
            if (!only.isEmpty() && !only.contains(definition.name())) {
                continue;
            }
            DataSet data = load(folder, definition);
            TraceSplit split = TraceSplit.of(data.normal(), seed, fraction, maxLearning, maxHeldOut);
            Replay.log("%s: %d normal traces (%d calls); learning %d traces (%d calls), held-out %d traces (%d calls)%s; "
                    + "%d intrusion files, %d traces", data.name(), data.normal().size(), data.normalCalls(),
                    split.learning().size(), split.learningCalls(), split.heldOut().size(), split.heldOutCalls(),
                    split.learning().size() + split.heldOut().size() < split.available()
                            ? " (subsampled with seed " + seed + ")" : "",
                    data.intrusions().size(), data.intrusions().values().stream().mapToInt(List::size).sum());
            corpora.add(new Corpus(data.name(), data.executable(), Syscalls.NUMBERS, split.learning(), split.heldOut(),
                    data.intrusions(), data.normal().size()));
        }
        return corpora;
    }

    static DataSet load(Path folder, Definition definition) {
        List<Trace> normal = new ArrayList<>();
        for (Path file : files(folder, definition.normal())) {
            normal.addAll(read(folder, file));
        }
        Map<String, List<Trace>> intrusions = new LinkedHashMap<>();
        for (Path file : files(folder, definition.intrusion())) {
            intrusions.put(folder.relativize(file).toString(), read(folder, file));
        }
        if (normal.isEmpty() || intrusions.isEmpty()) {
            throw new IllegalArgumentException("data set " + definition.name() + " has no normal or no intrusion traces under "
                    + folder + " (looked for " + definition.normal() + " and " + definition.intrusion() + ")");
        }
        return new DataSet(definition.name(), definition.executable(), List.copyOf(normal), intrusions);
    }

    /** The files matching the globs, sorted by path so that every run reads them in the same order. */
    static List<Path> files(Path folder, List<String> globs) {
        List<Path> files = new ArrayList<>();
        for (String glob : globs) {
            Path directory = folder.resolve(glob).getParent();
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + folder.resolve(glob));
            if (!Files.isDirectory(directory)) {
                continue;
            }
            try (Stream<Path> listing = Files.list(directory)) {
                listing.filter(Files::isRegularFile).filter(matcher::matches).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    private static List<Trace> read(Path folder, Path file) {
        try {
            return TraceReader.read(file, folder.relativize(file).toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
