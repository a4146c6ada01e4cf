package io.habitus.model;

import io.habitus.image.Images;
import io.habitus.model.sample.SampleRow;
import io.habitus.model.sample.SampleStore;
import io.habitus.model.sample.SampledTransition;
import io.habitus.model.store.JobRow;
import io.habitus.model.store.JobStore;
import io.habitus.profile.Learning;
import io.habitus.profile.LearningFinished;
import io.habitus.shared.ImageDigest;
import io.habitus.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Training jobs: queued when a learning window ends (right after it commits) or on request, run by
 * {@code internal.TrainingWorker} in the background, never on a request thread.
 */
@Service
public class ModelJobs {

    private final JobStore jobs;
    private final SampleStore samples;
    private final Images images;
    private final Learning learning;
    private final Clock clock;

    ModelJobs(JobStore jobs, SampleStore samples, Images images, Learning learning, Clock clock) {
        this.jobs = jobs;
        this.samples = samples;
        this.images = images;
        this.learning = learning;
        this.clock = clock;
    }

    /** Queues training on the image's current (or last) learning window; an unfinished job is returned instead. */
    @Transactional
    public TrainingJob request(ImageDigest digest, String by) {
        images.requireKnown(digest);
        int window = learning.progress(digest).windowNo();
        return view(jobs.pending(digest.value()).orElseGet(() -> jobs.enqueue(digest.value(), window, by, clock.instant())));
    }

    /**
     * A person said this transition is normal (an allowed audit): it joins the training sample of
     * the image's current (or last) learning window with its occurrences, and a training job is
     * queued so that the next model knows it. Without this the model would keep flagging what the
     * profile now allows.
     */
    @Transactional
    public TrainingJob learnAllowed(ImageDigest digest, Transition transition, Instant seen, long occurrences, String by) {
        int window = learning.progress(digest).windowNo();
        ActorState actor = transition.actor();
        SampledTransition sampled = SampledTransition.of(List.copyOf(transition.before().processes()),
                transition.before().recentTokens(), transition.event(), List.copyOf(transition.after().processes()),
                transition.after().recentTokens(), actor == null ? null : actor.process(),
                actor == null ? null : actor.recentTokens(), seen);
        samples.append(digest.value(), window, List.of(new SampleRow(sampled, occurrences)));
        return request(digest, by);
    }

    @Transactional(readOnly = true)
    public TrainingJob find(ImageDigest digest, long id) {
        return jobs.find(id).filter(j -> j.digest().equals(digest.value())).map(ModelJobs::view)
                .orElseThrow(() -> new NotFoundException("Image " + digest + " has no training job " + id));
    }

    @Transactional(readOnly = true)
    public List<TrainingJob> recent(ImageDigest digest) {
        images.requireKnown(digest);
        return jobs.recent(digest.value(), 20).stream().map(ModelJobs::view).toList();
    }

    /**
     * After the window's end committed, in a transaction of its own; the event publication registry
     * runs this again if it did not complete (a crash), so a job queued for this very end (at or after
     * it) means it already ran.
     */
    @ApplicationModuleListener(id = "model.learning-finished")
    void on(LearningFinished finished) {
        String digest = finished.digest().value();
        if (jobs.pending(digest).isEmpty() && !jobs.queuedSince(digest, finished.window(), finished.at())) {
            jobs.enqueue(digest, finished.window(), finished.by(), clock.instant());
        }
    }

    static TrainingJob view(JobRow j) {
        return new TrainingJob(j.id(), j.digest(), j.windowNo(), j.status(), j.attempts(), j.requestedBy(), j.createdAt(),
                j.startedAt(), j.finishedAt(), j.error(), j.modelVersion());
    }
}
