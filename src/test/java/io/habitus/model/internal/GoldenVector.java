package io.habitus.model.internal;

/** The encoding of TransitionEncoderTests' golden transition under FeatureSpec.version1(). */
final class GoldenVector {

    static final int[] INDICES = {1, 737, 1573, 1993, 1999, 2128, 2257, 2336, 2376, 2987, 3387, 3768, 3770};
    static final double[] VALUES = {1.0, 0.7602639486407321, -0.28867513459481287, -1.0, -0.5321847640485124,
        -0.18626466741697933, 0.37252933483395867, -0.75, -0.28867513459481287, -0.5, -0.28867513459481287,
        -0.38013197432036605, 0.2660923820242562};

    private GoldenVector() {
    }
}
