package io.habitus.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateBoundTests {

    private static final double TWO_THIRDS_OF_ONE_PERCENT = 2 * 0.01 / 3;

    @Test
    void theCertifiedCountIsTheLargestWhoseWilsonBoundStaysWithinTheTarget() {
        for (long n : new long[] {100, 400, 833, 1000, 5000, 100_000}) {
            long k = RateBound.certifiedPast(n, TWO_THIRDS_OF_ONE_PERCENT);
            if (k > 0) {
                assertThat(RateBound.wilsonUpper(k, n)).as("n = %d", n).isLessThanOrEqualTo(TWO_THIRDS_OF_ONE_PERCENT);
            }
            assertThat(RateBound.wilsonUpper(k + 1, n)).as("n = %d", n).isGreaterThan(TWO_THIRDS_OF_ONE_PERCENT);
        }
        assertThat(RateBound.certifiedPast(400, TWO_THIRDS_OF_ONE_PERCENT)).as("not even none certified").isZero();
        assertThat(RateBound.certifiedPast(833, TWO_THIRDS_OF_ONE_PERCENT)).isEqualTo(1);
        assertThat(RateBound.certifiedPast(1000, TWO_THIRDS_OF_ONE_PERCENT)).isEqualTo(2);
    }

    @Test
    void theAllowanceForEventThresholdsNeverFallsBelowHalfTheTarget() {
        assertThat(RateBound.allowedPast(400, TWO_THIRDS_OF_ONE_PERCENT)).as("half the target of 400").isEqualTo(1);
        assertThat(RateBound.allowedPast(1000, TWO_THIRDS_OF_ONE_PERCENT)).isEqualTo(3);
        assertThat(RateBound.allowedPast(100, 0.01)).isZero();
        assertThat(RateBound.allowedPast(100_000, 0.01)).isEqualTo(RateBound.certifiedPast(100_000, 0.01)).isGreaterThan(500);
    }
}
