package io.habitus.model.internal;

import io.habitus.model.ModelActivated;
import io.habitus.model.TrainingSamples;
import io.habitus.model.TransitionModel;
import io.habitus.model.store.JobRow;
import io.habitus.model.store.JobStore;
import io.habitus.model.store.ModelStore;
import io.habitus.model.store.StoredModel;
import io.habitus.profile.ActiveProfile;
import io.habitus.profile.ActiveProfiles;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs queued training jobs, one at a time per replica: claim (own transaction), train (no
 * transaction, no lock held), then store the model, activate it and finish the job in one
 * transaction. A crash while training leaves the job RUNNING with an old heartbeat; it is claimed
 * again after {@link #STALE}, and no half model exists because nothing was stored.
 */
@Component
class TrainingWorker {

    static final Duration STALE = Duration.ofMinutes(10);
    private static final int MAX_ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(TrainingWorker.class);

    private final JobStore jobs;
    private final ModelStore models;
    private final TrainingSamples samples;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;
    private final ActiveProfiles activeProfiles;
    private final MeterRegistry meters;
    private final ModelProperties properties;
    private final String worker = ManagementFactory.getRuntimeMXBean().getName();

    TrainingWorker(JobStore jobs, ModelStore models, TrainingSamples samples, TransactionTemplate transaction,
            ApplicationEventPublisher events, JsonMapper json, Clock clock, ActiveProfiles activeProfiles,
            MeterRegistry meters, ModelProperties properties) {
        this.jobs = jobs;
        this.models = models;
        this.samples = samples;
        this.transaction = transaction;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.activeProfiles = activeProfiles;
        this.meters = meters;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${habitus.model.poll-interval:2s}", initialDelayString = "${habitus.model.poll-interval:2s}")
    void poll() {
        try {
            Optional<JobRow> job;
            while ((job = transaction.execute(status -> jobs.claim(worker, clock.instant(), STALE))).isPresent()) {
                run(job.get());
            }
        } catch (RuntimeException e) {
            log.warn("polling training jobs failed; trying again later: {}", e.getMessage());
        }
    }

    private void run(JobRow job) {
        long started = System.nanoTime();
        String outcome = "failed";
        try {
            List<TrainingSamples.Sampled> sample = samples.of(job.digest(), job.windowNo());
            FeatureSpec spec = FeatureSpec.defaults();
            TransitionEncoder encoder = new TransitionEncoder(spec);
            List<WeightedVector> vectors = sample.stream()
                    .map(s -> new WeightedVector(encoder.encode(s.transition()), s.count())).toList();
            TransitionModel model = new OneClassTrainer().train(spec, vectors,
                    TrainingOptions.defaults().withTargetFalsePositiveRate(properties.targetFalsePositiveRate()));
            long sampleEvents = sample.stream().mapToLong(TrainingSamples.Sampled::count).sum();
            transaction.executeWithoutResult(status -> {
                // Provenance: the profile judging next to this model when it was trained.
                ActiveProfile profile = activeProfiles.forDigests(List.of(job.digest())).get(job.digest());
                int version = models.nextVersion(job.digest());
                models.insert(new StoredModel(job.digest(), version, model.formatVersion(), model.toText(),
                        model.checksum(), json.writeValueAsString(spec.toMap()),
                        json.writeValueAsString(model.hyperParameters()), model.threshold(),
                        json.writeValueAsString(model.statistics()), profile == null ? null : profile.version(),
                        job.windowNo(), sample.size(), sampleEvents,
                        codeVersion(), clock.instant(), job.id(), false));
                models.activate(job.digest(), version, clock.instant(), "training job " + job.id());
                jobs.succeeded(job.id(), version, clock.instant());
                events.publishEvent(new ModelActivated(job.digest(), version));
                log.info("trained model version {} of {} from {} distinct transitions ({} events): {} support vectors, "
                        + "held-out false-positive rate {}", version, job.digest(), sample.size(), sampleEvents,
                        model.statistics().supportVectors(), model.statistics().heldOutFalsePositiveRate());
            });
            outcome = "succeeded";
        } catch (InsufficientTransitionsException e) {
            outcome = "insufficient";
            transaction.executeWithoutResult(status -> jobs.failed(job.id(), e.getMessage(), clock.instant(), false));
            log.info("training job {} of {} cannot run: {}", job.id(), job.digest(), e.getMessage());
        } catch (RuntimeException e) {
            boolean retry = job.attempts() < MAX_ATTEMPTS;
            transaction.executeWithoutResult(status -> jobs.failed(job.id(), e.toString(), clock.instant(), retry));
            log.error("training job {} of {} failed (attempt {}){}", job.id(), job.digest(), job.attempts(),
                    retry ? "; it will be retried" : "", e);
        } finally {
            Timer.builder("habitus.model.training")
                    .description("Training jobs run by this replica: duration by outcome (succeeded, insufficient "
                            + "transitions, failed)")
                    .tag("outcome", outcome)
                    .register(meters)
                    .record(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private static String codeVersion() {
        String version = TrainingWorker.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
