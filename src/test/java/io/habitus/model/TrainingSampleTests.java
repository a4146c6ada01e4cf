package io.habitus.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.model.internal.FeatureSpec;
import io.habitus.model.internal.OneClassTrainer;
import io.habitus.model.internal.TrainingOptions;
import io.habitus.model.internal.TransitionEncoder;
import io.habitus.model.internal.WeightedVector;
import io.habitus.support.Api;
import io.habitus.support.Events;
import io.habitus.support.IntegrationTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Ingested events of a learning image become its training sample, which trains a model. */
class TrainingSampleTests extends IntegrationTest {

    @Autowired
    TrainingSamples samples;

    @Test
    void repeatedBehaviourCollapsesIntoDistinctTransitionsWithCounts() {
        String digest = Events.newDigest();
        Instant t0 = Instant.now().minusSeconds(900);
        List<Map<String, Object>> events = new ArrayList<>();
        for (int container = 0; container < 3; container++) {
            String id = Events.newId("c");
            int second = 0;
            for (int round = 0; round < 40; round++) {
                for (Map<String, Object> event : List.of(
                        Events.connect(digest, id, "node-a", 80),
                        Events.fileRead(digest, id, "node-a", "/var/www/index-" + round % 4 + ".html"),
                        Events.syscall(digest, id, "node-a", round % 5 == 0 ? "fsync" : "writev"))) {
                    event.put("time", t0.plusSeconds(second++).toString());
                    events.add(event);
                }
            }
        }
        assertThat(api().post("/api/v1/events", Api.json(Events.batch(Events.newId("s"), events))).status()).isEqualTo(200);

        List<TrainingSamples.Sampled> sample = samples.of(digest, 1);

        assertThat(sample.stream().mapToLong(TrainingSamples.Sampled::count).sum()).isEqualTo(events.size());
        assertThat(sample.size()).isLessThan(events.size() / 2);
        assertThat(sample).allSatisfy(s -> assertThat(s.transition().event()).isNotBlank());

        TransitionEncoder encoder = new TransitionEncoder(FeatureSpec.defaults());
        List<WeightedVector> vectors = sample.stream()
                .map(s -> new WeightedVector(encoder.encode(s.transition()), s.count())).toList();
        TransitionModel model = new OneClassTrainer().train(FeatureSpec.defaults(), vectors, TrainingOptions.defaults());
        long normal = sample.stream().filter(s -> !model.isAnomalous(model.score(s.transition())))
                .mapToLong(TrainingSamples.Sampled::count).sum();
        assertThat((double) normal / events.size()).as("share of the learned events the model finds normal")
                .isGreaterThan(0.9);
    }
}
