package io.habitus.model.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.habitus.model.TransitionModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A model remembers the transitions it learned from, and never calls one of them anomalous. */
class LearnedTransitionsTests {

    @Test
    void anIsolatedLearnedTransitionBelowTheThresholdIsNotAnomalousButAFreshOneIs() {
        Random random = new Random(11);
        List<WeightedVector> sample = new ArrayList<>(Clusters.normal(300, 3));
        // rare but normal: seen once each while learning, far from everything else
        List<SparseVector> rare = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rare.add(new SparseVector(Clusters.DIMENSION, new int[] {40 + 3 * i, 41 + 3 * i, 42 + 3 * i},
                    new double[] {1.0, 1.0, 1.0}));
            sample.add(new WeightedVector(rare.getLast(), 1));
        }
        TransitionModel model = new OneClassTrainer().train(Clusters.spec(), sample, TrainingOptions.defaults());

        assertThat(model.learned().size()).isEqualTo(303);
        assertThat(sample).allSatisfy(w -> assertThat(model.isLearned(w.vector())).isTrue());
        List<TransitionModel.Assessment> rareAssessed = rare.stream().map(model::assess).toList();
        assertThat(rareAssessed).anySatisfy(a -> assertThat(a.score()).isLessThan(a.threshold()));
        assertThat(rareAssessed).allSatisfy(a -> assertThat(a.anomalous()).isFalse());
        int freshOutliersFlagged = 0;
        for (int i = 0; i < 200; i++) {
            int[] indices = {50, 51, 52, 53, 54, 55, 56, 57};
            double[] values = new double[8];
            for (int j = 0; j < 8; j++) {
                values[j] = 1.0 + 0.08 * random.nextGaussian();
            }
            TransitionModel.Assessment fresh = model.assess(new SparseVector(Clusters.DIMENSION, indices, values));
            assertThat(fresh.learned()).isFalse();
            freshOutliersFlagged += fresh.anomalous() ? 1 : 0;
        }
        assertThat(freshOutliersFlagged).isEqualTo(200);
    }

    @Test
    void theLearnedTransitionsRoundTripThroughTheTextInAscendingOrder() {
        TransitionModel model = new OneClassTrainer().train(Clusters.spec(), Clusters.normal(100, 5), TrainingOptions.defaults());
        String text = model.toText();
        TransitionModel loaded = TransitionModel.fromText(text, model.checksum());

        assertThat(loaded.formatVersion()).isEqualTo(2);
        assertThat(loaded.learned()).isEqualTo(model.learned());
        assertThat(text).containsPattern("\nlearned( [0-9a-f]{16}){8}\n");
        // swap two fingerprints: not canonical, refused
        String line = text.substring(text.indexOf("\nlearned ") + 1, text.indexOf('\n', text.indexOf("\nlearned ") + 1));
        String[] parts = line.split(" ");
        String swapped = "learned " + parts[2] + " " + parts[1] + line.substring(("learned " + parts[1] + " " + parts[2]).length());
        assertThatThrownBy(() -> TransitionModel.fromText(text.replace(line, swapped)))
                .isInstanceOf(InvalidModelException.class).hasMessageContaining("canonical");
    }

    @Test
    void theFingerprintIsTheExactVectorsAndStable() {
        SparseVector a = new SparseVector(64, new int[] {1, 5}, new double[] {0.5, -1.25});
        SparseVector same = new SparseVector(64, new int[] {1, 5}, new double[] {0.5, -1.25});
        SparseVector otherValue = new SparseVector(64, new int[] {1, 5}, new double[] {0.5, -1.2500000000000002});
        SparseVector otherIndex = new SparseVector(64, new int[] {1, 6}, new double[] {0.5, -1.25});
        SparseVector otherDimension = new SparseVector(128, new int[] {1, 5}, new double[] {0.5, -1.25});

        assertThat(a.fingerprint()).isEqualTo(same.fingerprint())
                .isNotEqualTo(otherValue.fingerprint()).isNotEqualTo(otherIndex.fingerprint())
                .isNotEqualTo(otherDimension.fingerprint());
        // pinned: stored models keep recognising their transitions across releases
        assertThat(a.fingerprint()).isEqualTo(PINNED);
    }

    private static final long PINNED = 6671644559935374050L;
}
