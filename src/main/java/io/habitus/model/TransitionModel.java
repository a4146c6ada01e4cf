package io.habitus.model;

import io.habitus.model.internal.Calibration;
import io.habitus.model.internal.FeatureSpec;
import io.habitus.model.internal.HyperParameters;
import io.habitus.model.internal.InvalidModelException;
import io.habitus.model.internal.LearnedTransitions;
import io.habitus.model.internal.ModelText;
import io.habitus.model.internal.SparseVector;
import io.habitus.model.internal.TrainingStatistics;
import io.habitus.model.internal.TransitionEncoder;
import io.habitus.model.libsvm.FastPredictor;
import io.habitus.model.libsvm.LibSvm;
import io.habitus.shared.Sha256;
import java.io.IOException;
import java.util.Objects;
import libsvm.svm_model;

/**
 * A trained one-class SVM over transitions with everything needed to score and to explain:
 * feature spec, hyper-parameters, calibration, statistics, and (format 2) the transitions it
 * learned from, which are never anomalous ({@link #assess(Transition)}). Persisted as one text
 * ({@link #toText()}, {@link #fromText(String, String)}) with a SHA-256 checksum. Immutable;
 * scoring is thread-safe.
 */
public final class TransitionModel {

    /** The format new models are written in; format 1 (no learned transitions) is still read and kept. */
    public static final int FORMAT_VERSION = 2;

    private final FeatureSpec spec;
    private final HyperParameters hyperParameters;
    private final Calibration calibration;
    private final TrainingStatistics statistics;
    private final String libsvmText;
    private final String text;
    private final String checksum;
    private final svm_model libsvmModel;
    private final FastPredictor predictor;
    private final TransitionEncoder encoder;
    private final int formatVersion;
    private final LearnedTransitions learned;

    /**
     * How the model judges one transition.
     *
     * @param score   the normalised score, higher is more normal
     * @param learned whether the transition was in the model's training sample
     */
    public record Assessment(double score, double threshold, boolean learned) {

        /** Below the threshold and never seen while learning. */
        public boolean anomalous() {
            return score < threshold && !learned;
        }
    }

    private TransitionModel(FeatureSpec spec, HyperParameters hyperParameters, Calibration calibration,
            TrainingStatistics statistics, String libsvmText, int formatVersion, LearnedTransitions learned) {
        if (formatVersion != 1 && formatVersion != FORMAT_VERSION) {
            throw new InvalidModelException("unknown model format " + formatVersion);
        }
        if (formatVersion == 1 && learned.size() > 0) {
            throw new InvalidModelException("format 1 has no learned transitions");
        }
        this.formatVersion = formatVersion;
        this.learned = Objects.requireNonNull(learned);
        this.spec = Objects.requireNonNull(spec);
        this.hyperParameters = Objects.requireNonNull(hyperParameters);
        this.calibration = Objects.requireNonNull(calibration);
        this.statistics = Objects.requireNonNull(statistics);
        this.libsvmText = libsvmText;
        this.libsvmModel = parse(libsvmText);
        if (Double.compare(libsvmModel.param.gamma, hyperParameters.gamma()) != 0) {
            throw new InvalidModelException("libsvm gamma " + libsvmModel.param.gamma
                    + " differs from the stored hyper-parameter " + hyperParameters.gamma());
        }
        this.predictor = new FastPredictor(libsvmModel);
        this.encoder = new TransitionEncoder(spec);
        this.text = ModelText.write(formatVersion, spec, hyperParameters, calibration, statistics, learned, libsvmText);
        this.checksum = Sha256.hex(text);
    }

    /** A model in the current format. */
    public static TransitionModel of(FeatureSpec spec, HyperParameters hyperParameters, Calibration calibration,
            TrainingStatistics statistics, String libsvmText, LearnedTransitions learned) {
        return new TransitionModel(spec, hyperParameters, calibration, statistics, libsvmText, FORMAT_VERSION, learned);
    }

    public static TransitionModel of(int formatVersion, FeatureSpec spec, HyperParameters hyperParameters,
            Calibration calibration, TrainingStatistics statistics, String libsvmText, LearnedTransitions learned) {
        return new TransitionModel(spec, hyperParameters, calibration, statistics, libsvmText, formatVersion, learned);
    }

    /** Reads a stored model after checking its SHA-256; a mismatch or unreadable text is refused. */
    public static TransitionModel fromText(String text, String expectedSha256) {
        String actual = Sha256.hex(text);
        if (!actual.equalsIgnoreCase(expectedSha256)) {
            throw new InvalidModelException("model checksum mismatch: stored " + expectedSha256 + ", computed " + actual);
        }
        return fromText(text);
    }

    /** Reads a model text written by {@link #toText()}. */
    public static TransitionModel fromText(String text) {
        TransitionModel model = ModelText.read(text);
        if (!model.text.equals(text)) {
            throw new InvalidModelException("model text is not in canonical form");
        }
        return model;
    }

    public static FastPredictor predictorOf(String libsvmText) {
        return new FastPredictor(parse(libsvmText));
    }

    /**
     * Scores a transition and says whether it was learned: anomalous is a score below the threshold
     * of a transition the model did not learn from. This is how the service judges.
     */
    public Assessment assess(Transition transition) {
        return assess(encoder.encode(transition));
    }

    public Assessment assess(SparseVector vector) {
        return new Assessment(score(vector), calibration.threshold(), learned.contains(vector));
    }

    /** The normalised score of a transition, the SVM's view alone (see {@link #assess(Transition)}). */
    public double score(Transition transition) {
        return score(encoder.encode(transition));
    }

    public double score(SparseVector vector) {
        return calibration.score(decisionValue(vector));
    }

    /** libsvm's raw decision value (scales with nu × training size; not comparable across models). */
    public double decisionValue(SparseVector vector) {
        if (vector.dimension() != spec.dimension()) {
            throw new IllegalArgumentException("vector dimension " + vector.dimension() + " is not the model's " + spec.dimension());
        }
        return predictor.decisionValue(vector.indices(), vector.values());
    }

    /** The same decision value through libsvm's own {@code svm_predict_values}: slow, for checks. */
    double libsvmDecisionValue(SparseVector vector) {
        return LibSvm.decisionValue(libsvmModel, vector.indices(), vector.values());
    }

    /** Whether the vector was in the training sample (format 1 models remember none). */
    public boolean isLearned(SparseVector vector) {
        return learned.contains(vector);
    }

    public LearnedTransitions learned() {
        return learned;
    }

    /** By the score alone: below the threshold. The service also spares learned transitions ({@link #assess}). */
    public boolean isAnomalous(double score) {
        return score < calibration.threshold();
    }

    public double threshold() {
        return calibration.threshold();
    }

    public TransitionEncoder encoder() {
        return encoder;
    }

    public FeatureSpec spec() {
        return spec;
    }

    public HyperParameters hyperParameters() {
        return hyperParameters;
    }

    public Calibration calibration() {
        return calibration;
    }

    public TrainingStatistics statistics() {
        return statistics;
    }

    public int formatVersion() {
        return formatVersion;
    }

    public String libsvmText() {
        return libsvmText;
    }

    /** The whole model as text: a header of named values, then libsvm's own model text. */
    public String toText() {
        return text;
    }

    /** SHA-256 of {@link #toText()} in lower-case hex. */
    public String checksum() {
        return checksum;
    }

    private static svm_model parse(String libsvmText) {
        try {
            return LibSvm.fromText(libsvmText);
        } catch (IOException e) {
            throw new InvalidModelException(e.getMessage(), e);
        }
    }
}
