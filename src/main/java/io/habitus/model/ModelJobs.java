package io.habitus.model;

import io.habitus.image.Images;
import io.habitus.model.store.JobRow;
import io.habitus.model.store.JobStore;
import io.habitus.profile.Learning;
import io.habitus.profile.LearningFinished;
import io.habitus.shared.ImageDigest;
import io.habitus.shared.NotFoundException;
import java.time.Clock;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Training jobs: queued when a learning window ends (in that transaction) or on request, run by
 * {@link TrainingWorker} in the background, never on a request thread.
 */
@Service
public class ModelJobs {

    private final JobStore jobs;
    private final Images images;
    private final Learning learning;
    private final Clock clock;

    ModelJobs(JobStore jobs, Images images, Learning learning, Clock clock) {
        this.jobs = jobs;
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

    @EventListener
    void on(LearningFinished finished) {
        if (jobs.pending(finished.digest().value()).isEmpty()) {
            jobs.enqueue(finished.digest().value(), finished.window(), finished.by(), clock.instant());
        }
    }

    static TrainingJob view(JobRow j) {
        return new TrainingJob(j.id(), j.digest(), j.windowNo(), j.status(), j.attempts(), j.requestedBy(), j.createdAt(),
                j.startedAt(), j.finishedAt(), j.error(), j.modelVersion());
    }
}
