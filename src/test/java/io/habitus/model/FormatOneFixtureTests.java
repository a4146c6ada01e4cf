package io.habitus.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.habitus.model.internal.InvalidModelException;
import io.habitus.model.internal.SparseVector;
import org.junit.jupiter.api.Test;

/**
 * A model stored in format 1, kept verbatim: it must keep loading and scoring to the same bits
 * whatever changes in the code. Format 2 added the learned transitions; a format-1 model remembers
 * none, so it judges by its score alone, as it did when it was trained.
 */
class FormatOneFixtureTests {

    static final String CHECKSUM = "4f58d9edb20761e2fe3a3bbbda565fe03c3869b377a514a66cb8da9b45659679";

    static final String TEXT = """
            habitus-transition-model 1
            spec.version 1
            spec.dimension 64
            spec.window 8
            spec.decay 0.7
            spec.hashSeed 1
            spec.weight.bigram 1.0
            spec.weight.context 1.0
            spec.weight.delta 0.75
            spec.weight.event 1.0
            spec.weight.eventProcesses 0.75
            spec.weight.kinds 0.5
            spec.weight.processes 0.5
            spec.weight.recent 0.5
            nu 0.01
            gamma 0.09709635462921384
            gammaFactor 0.5
            gammaBase 0.1941927092584277
            targetFalsePositiveRate 0.005
            rawThreshold -5.509911915989596E-4
            centre -1.7004512683396061E-4
            spread 5.647906356205874E-4
            threshold -0.6744907594765952
            transitions 119
            distinct 12
            trainingVectors 10
            heldOutVectors 2
            unusedVectors 0
            supportVectors 3
            trainingMillis 39
            heldOutFalsePositiveRate 0.0
            heldOutEventFalsePositiveRate 0.0
            grid 0.01 0.5 0.09709635462921384 0.5 3 7
            grid 0.01 1.0 0.1941927092584277 0.5 4 0
            grid 0.01 2.0 0.3883854185168554 1.0 5 0
            grid 0.01 4.0 0.7767708370337107 0.5 7 0
            grid 0.02 0.5 0.09709635462921384 0.5 4 0
            grid 0.02 1.0 0.1941927092584277 0.5 4 0
            grid 0.02 2.0 0.3883854185168554 1.0 7 0
            grid 0.02 4.0 0.7767708370337107 0.5 7 0
            grid 0.05 0.5 0.09709635462921384 0.5 5 0
            grid 0.05 1.0 0.1941927092584277 0.5 6 0
            grid 0.05 2.0 0.3883854185168554 0.5 8 0
            grid 0.05 4.0 0.7767708370337107 0.5 8 0
            grid 0.1 0.5 0.09709635462921384 0.5 6 0
            grid 0.1 1.0 0.1941927092584277 0.5 6 0
            grid 0.1 2.0 0.3883854185168554 1.0 8 0
            grid 0.1 4.0 0.7767708370337107 0.5 8 0
            libsvm
            svm_type one_class
            kernel_type rbf
            gamma 0.09709635462921384
            nr_class 2
            total_sv 3
            rho 0.0661730273271723
            SV
            0.016742251481916923 11:0.629867795845932 12:0.6771886952368686 13:0.6149220435270301 14:0.7471672471043984 15:0.6524336299454665 16:0.488683022441812 17:0.45789149236998666 18:0.4722048989817891\s
            0.03325774851808308 11:0.6680229078582625 12:0.5657874969796929 13:0.5757812834191587 14:0.5541674806605426 15:0.5759291529366452 16:0.7162773735107784 17:0.6242157446085781 18:0.6454922247799261\s
            0.05 1:0.8899594702418763 2:1.03509882710916 3:1.028187815369709 4:1.0876807370158 5:1.00166388306542 6:1.0355965872760138 7:1.1458555161990291 8:0.9900755881630923\s
            """;

    @Test
    void theStoredModelStillLoadsAndScoresToTheSameBits() {
        TransitionModel model = TransitionModel.fromText(TEXT, CHECKSUM);

        SparseVector normal = new SparseVector(64, new int[] {0, 1, 2, 3, 4, 5, 6, 7}, new double[] {0.9488053144047922,
            0.9871746837993289, 0.9136182201842198, 1.0071976359018597, 1.0955046647200428, 1.0537080301195807,
            1.0283444719378447, 1.0977432002993506});
        SparseVector outlier = new SparseVector(64, new int[] {30, 31, 32, 33, 34, 35, 36, 37}, new double[] {
            0.8747121691868683, 1.0401197606963777, 1.0969828374792987, 0.9076898097466721, 0.981870822875825,
            1.0209779570800706, 1.0316704159042267, 0.9379366178646299});

        assertThat(model.toText()).isEqualTo(TEXT);
        assertThat(model.decisionValue(normal)).isEqualTo(2.3292704829705468E-4);
        assertThat(model.score(normal)).isEqualTo(0.7134894768363726);
        assertThat(model.decisionValue(outlier)).isEqualTo(-0.03842022027104114);
        assertThat(model.score(outlier)).isEqualTo(-67.72452079021848);
        assertThat(model.isAnomalous(model.score(normal))).isFalse();
        assertThat(model.isAnomalous(model.score(outlier))).isTrue();
        assertThat(model.statistics().supportVectors()).isEqualTo(3);
        assertThat(model.statistics().grid()).hasSize(16);
        assertThat(model.formatVersion()).isEqualTo(1);
        assertThat(model.learned().size()).isZero();
        assertThat(model.assess(outlier).anomalous()).isTrue();
    }

    @Test
    void aFormatOneTextWithLearnedTransitionsIsRefused() {
        String withLearned = TEXT.replace("\nlibsvm\n", "\nlearned 0123456789abcdef\nlibsvm\n");

        assertThatThrownBy(() -> TransitionModel.fromText(withLearned)).isInstanceOf(InvalidModelException.class);
    }
}
