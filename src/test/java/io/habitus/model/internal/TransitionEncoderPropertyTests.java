package io.habitus.model.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.model.ContainerState;
import io.habitus.model.Transition;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class TransitionEncoderPropertyTests {

    private static final TransitionEncoder ENCODER = new TransitionEncoder(FeatureSpec.defaults());
    private static final double MAX_SQUARED_NORM = FeatureSpec.defaults().groupWeights().values().stream()
            .mapToDouble(w -> w * w).sum();

    @Property(tries = 300)
    void everyTransitionEncodesToAValidBoundedVectorAndAlwaysTheSameOne(@ForAll("transitions") Transition transition) {
        SparseVector vector = ENCODER.encode(transition);

        assertThat(vector).isEqualTo(new TransitionEncoder(FeatureSpec.fromMap(FeatureSpec.defaults().toMap())).encode(transition));
        assertThat(vector.nonZeros()).isPositive();
        // Signed hashing may cancel within a bucket, never add beyond the sum of squared weights by much.
        assertThat(vector.squaredNorm()).isLessThan(MAX_SQUARED_NORM * 2);
    }

    @Provide
    Arbitrary<Transition> transitions() {
        Arbitrary<String> token = Arbitraries.of("exec", "read", "write", "connect", "accept", "syscall", "exit")
                .flatMap(verb -> Arbitraries.strings().withCharRange('!', '~').withChars('/', ' ', 'é', '中')
                        .ofMinLength(1).ofMaxLength(30).map(rest -> verb + " " + rest));
        Arbitrary<Set<String>> processes = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(10)
                .map(name -> "/usr/bin/" + name).set().ofMaxSize(6);
        Arbitrary<List<String>> recent = token.list().ofMaxSize(12);
        Arbitrary<ContainerState> state = Combinators.combine(processes, recent).as(ContainerState::of);
        return Combinators.combine(state, token, state).as(Transition::new);
    }
}
