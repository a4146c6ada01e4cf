package io.habitus.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.habitus.model.internal.Clusters;
import io.habitus.model.internal.InvalidModelException;
import io.habitus.model.internal.OneClassTrainer;
import io.habitus.model.internal.SparseVector;
import io.habitus.model.internal.TrainingOptions;
import io.habitus.shared.Sha256;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TransitionModelTests {

    private static TransitionModel model;

    @BeforeAll
    static void train() {
        model = new OneClassTrainer().train(Clusters.spec(), Clusters.normal(300, 3), TrainingOptions.defaults());
    }

    @Test
    void theTextRoundTripsExactlyAndScoresIdentically() {
        TransitionModel loaded = TransitionModel.fromText(model.toText(), model.checksum());

        assertThat(loaded.toText()).isEqualTo(model.toText());
        assertThat(loaded.checksum()).isEqualTo(model.checksum());
        assertThat(loaded.spec()).isEqualTo(model.spec());
        assertThat(loaded.hyperParameters()).isEqualTo(model.hyperParameters());
        assertThat(loaded.calibration()).isEqualTo(model.calibration());
        assertThat(loaded.statistics()).isEqualTo(model.statistics());
        Random random = new Random(4);
        for (int i = 0; i < 500; i++) {
            SparseVector x = i % 2 == 0 ? Clusters.normalPoint(random) : Clusters.outlier(random);
            assertThat(loaded.score(x)).isEqualTo(model.score(x));
        }
    }

    @Test
    void theTextStartsWithItsFormatAndEndsWithLibsvmsOwnModel() {
        assertThat(model.toText()).startsWith("habitus-transition-model 2\nspec.version 1\n")
                .contains("\nlibsvm\nsvm_type one_class\nkernel_type rbf\ngamma " + model.hyperParameters().gamma() + "\n");
        assertThat(model.checksum()).hasSize(64).isEqualTo(Sha256.hex(model.toText()));
    }

    @Test
    void aTamperedModelIsRefused() {
        String tampered = model.toText().replace("\nthreshold ", "\nthreshold -1");

        assertThatThrownBy(() -> TransitionModel.fromText(tampered, model.checksum()))
                .isInstanceOf(InvalidModelException.class).hasMessageContaining("checksum mismatch");
    }

    @Test
    void unreadableOrIncompleteTextsAreRefused() {
        String text = model.toText();
        assertThatThrownBy(() -> TransitionModel.fromText("hello")).isInstanceOf(InvalidModelException.class);
        assertThatThrownBy(() -> TransitionModel.fromText(text.replace("transition-model 2", "transition-model 3")))
                .isInstanceOf(InvalidModelException.class).hasMessageContaining("format 1 or 2");
        assertThatThrownBy(() -> TransitionModel.fromText(text.substring(0, text.indexOf("\nlibsvm\n"))))
                .isInstanceOf(InvalidModelException.class).hasMessageContaining("no libsvm section");
        assertThatThrownBy(() -> TransitionModel.fromText(text.replaceFirst("\nnu [^\n]*", "")))
                .isInstanceOf(InvalidModelException.class).hasMessageContaining("lacks nu");
        assertThatThrownBy(() -> TransitionModel.fromText(text.replace("kernel_type rbf", "kernel_type linear")))
                .isInstanceOf(InvalidModelException.class).hasMessageContaining("one-class RBF");
        int libsvm = text.indexOf("\nlibsvm\n");
        String otherGamma = text.substring(0, libsvm) + text.substring(libsvm).replace("\ngamma ", "\ngamma 1");
        assertThatThrownBy(() -> TransitionModel.fromText(otherGamma))
                .isInstanceOf(InvalidModelException.class).hasMessageContaining("differs from the stored");
    }

    @Test
    void theFastPathAgreesWithLibsvm() {
        Random random = new Random(6);
        for (int i = 0; i < 200; i++) {
            SparseVector x = i % 2 == 0 ? Clusters.normalPoint(random) : Clusters.outlier(random);
            assertThat(model.decisionValue(x)).isCloseTo(model.libsvmDecisionValue(x), org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void refusesVectorsOfAnotherDimension() {
        assertThatThrownBy(() -> model.score(new SparseVector(128, new int[] {1}, new double[] {1})))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
