package io.habitus.eval.unm;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays one corpus in the replay layout ({@link CorpusFolder}, eval/replay.sh) through Habitus and
 * STIDE: its train/ traces learn, its normal/ traces are the held-out normal ones, its attack kinds
 * are the rows' intrusion files.
 *
 * <p>Usage: {@code ReplayEvaluation --dir=DIR --url=URL --token=TOKEN [--corpus=<DIR's name>]
 * [--executable=<DIR/executable or /usr/local/bin/traced>] [--seed=20261128] [--max-learning=20000]
 * [--max-held-out=20000] [--out=target/replay] [--name=<corpus>-results]} and the options of {@link Replay}.
 */
public final class ReplayEvaluation {

    /**
     * A corpus is replayed whole by default: its train/ folder is what its image should learn from, and
     * every held-out normal trace sharpens the false-positive rate (200 traces measure 1 % to within
     * about ±1.4 points). The bounds only keep a very large corpus's run to a reasonable time.
     * (eval/unm.sh keeps its own split, at most 400 and 200 per UNM set, which --export-unm writes.)
     */
    static final int MAX_LEARNING = 20_000;
    static final int MAX_HELD_OUT = 20_000;

    private ReplayEvaluation() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Path dir = Path.of(options.required("dir")).toAbsolutePath().normalize();
        String name = options.get("corpus", dir.getFileName().toString());
        long seed = options.longValue("seed", DataSets.SEED);
        int maxLearning = options.integer("max-learning", MAX_LEARNING);
        int maxHeldOut = options.integer("max-held-out", MAX_HELD_OUT);
        Corpus corpus = CorpusFolder.read(dir, name, options.get("executable", null), seed, maxLearning, maxHeldOut);
        Replay.log("%s: %d normal traces; learning %d traces (%d calls), held-out %d traces (%d calls)%s; %d attack kinds, "
                + "%d traces; %d distinct system calls; executable %s", name, corpus.normalTraces(),
                corpus.learning().size(), corpus.learningCalls(), corpus.heldOut().size(), corpus.heldOutCalls(),
                corpus.learning().size() + corpus.heldOut().size() < corpus.normalTraces()
                        ? " (subsampled with seed " + seed + ")" : "",
                corpus.attacks().size(), corpus.attackTraces(), ((SyscallVocabulary) corpus.syscalls()).size(),
                corpus.executable());
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("dataFolder", dir.toString());
        run.put("seed", seed);
        run.put("maxLearningTraces", maxLearning);
        run.put("maxHeldOutTraces", maxHeldOut);
        Replay.evaluate(options, List.of(corpus), run, new ResultWriter.Heading(
                "System-call traces of " + name + ": STIDE against Habitus", "bash eval/replay.sh " + dir),
                "target/replay", name + "-results");
    }
}
