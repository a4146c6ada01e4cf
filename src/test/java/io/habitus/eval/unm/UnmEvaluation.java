package io.habitus.eval.unm;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays the UNM/MIT system-call data sets through Habitus and STIDE on the same split (eval/unm.sh,
 * docs/unm-evaluation.md): per data set, the normal traces split into learning and held-out
 * ({@link TraceSplit}), the intrusion files as the attack kinds.
 *
 * <p>Usage: {@code UnmEvaluation --data=FOLDER --url=URL --token=TOKEN [--out=docs] [--name=unm-results]
 * [--seed=20261128] [--learning-fraction=0.7] [--max-learning=400] [--max-held-out=200] [--sets=sendmail,xlock]}
 * and the options of {@link Replay}.
 */
public final class UnmEvaluation {

    private UnmEvaluation() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Path folder = Path.of(options.required("data"));
        long seed = options.longValue("seed", DataSets.SEED);
        double fraction = options.decimal("learning-fraction", DataSets.LEARNING_FRACTION);
        int maxLearning = options.integer("max-learning", DataSets.MAX_LEARNING);
        int maxHeldOut = options.integer("max-held-out", DataSets.MAX_HELD_OUT);
        List<Corpus> corpora = DataSets.corpora(folder, options.set("sets"), seed, fraction, maxLearning, maxHeldOut);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("dataFolder", folder.toString());
        run.put("seed", seed);
        run.put("learningFraction", fraction);
        run.put("maxLearningTraces", maxLearning);
        run.put("maxHeldOutTraces", maxHeldOut);
        Replay.evaluate(options, corpora, run, new ResultWriter.Heading("UNM/MIT system-call traces: STIDE against Habitus",
                "bash eval/unm.sh " + folder), "docs", "unm-results");
    }
}
