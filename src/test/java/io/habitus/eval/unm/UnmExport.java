package io.habitus.eval.unm;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the UNM/MIT data sets in the replay layout, one folder per data set named after it:
 * {@code train/} the learning split eval/unm.sh uses, {@code normal/} its held-out split,
 * {@code attack/<intrusion file>/} each intrusion file's processes, and the program in
 * {@code executable}. eval/replay.sh on such a folder replays what eval/unm.sh replays for that set,
 * under the same names, so it prints the same rows.
 *
 * <p>Usage: {@code UnmExport --data=FOLDER --out=DIR [--sets=sendmail,xlock] [--seed=20261128]
 * [--learning-fraction=0.7] [--max-learning=400] [--max-held-out=200]}
 */
public final class UnmExport {

    private UnmExport() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Path out = Path.of(options.required("out"));
        for (Corpus corpus : DataSets.corpora(Path.of(options.required("data")), options.set("sets"),
                options.longValue("seed", DataSets.SEED), options.decimal("learning-fraction", DataSets.LEARNING_FRACTION),
                options.integer("max-learning", DataSets.MAX_LEARNING), options.integer("max-held-out", DataSets.MAX_HELD_OUT))) {
            Path dir = out.resolve(corpus.name());
            Files.createDirectories(dir);
            CorpusFolder.write(dir, corpus);
            Replay.log("%s: wrote %d train, %d normal and %d attack traces (%d kinds) to %s", corpus.name(),
                    corpus.learning().size(), corpus.heldOut().size(), corpus.attackTraces(), corpus.attacks().size(), dir);
        }
    }
}
