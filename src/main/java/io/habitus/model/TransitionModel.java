package io.habitus.model;

import io.habitus.model.libsvm.FastPredictor;
import io.habitus.model.libsvm.LibSvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import libsvm.svm_model;

/**
 * A trained one-class SVM over transitions with everything needed to score and to explain:
 * feature spec, hyper-parameters, calibration, statistics. Persisted as one text
 * ({@link #toText()}, {@link #fromText(String, String)}) with a SHA-256 checksum. Immutable;
 * scoring is thread-safe.
 */
public final class TransitionModel {

    public static final int FORMAT_VERSION = 1;

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

    private TransitionModel(FeatureSpec spec, HyperParameters hyperParameters, Calibration calibration,
            TrainingStatistics statistics, String libsvmText) {
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
        this.text = ModelText.write(spec, hyperParameters, calibration, statistics, libsvmText);
        this.checksum = sha256(text);
    }

    static TransitionModel of(FeatureSpec spec, HyperParameters hyperParameters, Calibration calibration,
            TrainingStatistics statistics, String libsvmText) {
        return new TransitionModel(spec, hyperParameters, calibration, statistics, libsvmText);
    }

    /** Reads a stored model after checking its SHA-256; a mismatch or unreadable text is refused. */
    public static TransitionModel fromText(String text, String expectedSha256) {
        String actual = sha256(text);
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

    static FastPredictor predictorOf(String libsvmText) {
        return new FastPredictor(parse(libsvmText));
    }

    /** The normalised score of a transition; below {@link #threshold()} is anomalous. */
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
        return FORMAT_VERSION;
    }

    String libsvmText() {
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

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static svm_model parse(String libsvmText) {
        try {
            return LibSvm.fromText(libsvmText);
        } catch (IOException e) {
            throw new InvalidModelException(e.getMessage(), e);
        }
    }
}
