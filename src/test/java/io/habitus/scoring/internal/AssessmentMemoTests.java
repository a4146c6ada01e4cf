package io.habitus.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.model.ActiveModels;
import io.habitus.model.ActorState;
import io.habitus.model.ContainerState;
import io.habitus.model.Transition;
import io.habitus.model.TransitionModel;
import io.habitus.model.internal.FeatureSpec;
import io.habitus.model.internal.OneClassTrainer;
import io.habitus.model.internal.TrainingOptions;
import io.habitus.model.internal.TransitionEncoder;
import io.habitus.model.internal.WeightedVector;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A remembered assessment is exactly the model's, per model version and transition. */
class AssessmentMemoTests {

    private static TransitionModel model;

    @BeforeAll
    static void train() {
        TransitionEncoder encoder = new TransitionEncoder(FeatureSpec.defaults());
        List<WeightedVector> sample = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            sample.add(new WeightedVector(encoder.encode(request(i % 30)), 1 + i % 3));
        }
        model = new OneClassTrainer().train(FeatureSpec.defaults(), sample, TrainingOptions.defaults());
    }

    private static Transition request(int page) {
        List<String> workers = List.of("/usr/sbin/nginx");
        List<String> before = List.of("accept tcp/80", "read /var/www/" + (page % 7) + ".html");
        String event = "read /var/www/" + page + ".html";
        List<String> after = List.of("read /var/www/" + (page % 7) + ".html", event);
        return new Transition(ContainerState.of(workers, before), event, ContainerState.of(workers, after),
                new ActorState("/usr/sbin/nginx <- /usr/sbin/nginx", List.of("accept tcp/80")));
    }

    @Test
    void rememberedAssessmentsAreTheModelsAndRepeatsAreServedFromMemory() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        AssessmentMemo memo = new AssessmentMemo(meters);
        ActiveModels.Active v1 = new ActiveModels.Active("sha256:" + "a".repeat(64), 1, model);
        Transition attack = new Transition(ContainerState.of(List.of("/usr/sbin/nginx"), List.of("accept tcp/80")),
                "exec /bin/sh <- /usr/sbin/nginx", ContainerState.of(List.of("/usr/sbin/nginx", "/bin/sh"),
                        List.of("accept tcp/80", "exec /bin/sh <- /usr/sbin/nginx")),
                new ActorState("/bin/sh <- /usr/sbin/nginx", List.of("accept tcp/80")));

        for (Transition t : List.of(request(3), request(40), attack)) {
            assertThat(memo.assess(v1, t)).isEqualTo(model.assess(t));
            assertThat(memo.assess(v1, t)).isEqualTo(model.assess(t));
        }
        assertThat(meters.get("cache.gets").tag("cache", "habitus.scoring.assessments").tag("result", "hit")
                .functionCounter().count()).isEqualTo(3.0);
        assertThat(memo.assess(v1, attack).anomalous()).isTrue();
        assertThat(memo.assess(v1, request(3)).learned()).isTrue();
    }

    @Test
    void transitionsThatDifferAnywhereHaveDifferentKeys() {
        Transition t = request(3);
        List<Transition> others = List.of(
                new Transition(t.before(), t.event(), t.after()),
                new Transition(t.before(), t.event(), t.after(), new ActorState("/usr/sbin/nginx <- ?", List.of("accept tcp/80"))),
                new Transition(ContainerState.of(List.of(), t.before().recentTokens()), t.event(), t.after(), t.actor()),
                new Transition(t.after(), t.event(), t.before(), t.actor()),
                // token texts that would spell the same characters if parts were merely concatenated
                new Transition(ContainerState.of(List.of("/usr/sbin/nginx"), List.of("accept tcp/80read /var/www/3.html")),
                        t.event(), t.after(), t.actor()),
                new Transition(ContainerState.of(List.of("/usr/sbin/nginx"), List.of("accept tcp/80", "read /var/www/3.html", "")),
                        t.event(), t.after(), t.actor()));
        assertThat(request(3).key()).isEqualTo(t.key());
        assertThat(others).extracting(Transition::key).doesNotContain(t.key()).doesNotHaveDuplicates();
    }
}
