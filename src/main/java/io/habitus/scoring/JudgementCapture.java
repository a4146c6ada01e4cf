package io.habitus.scoring;

import io.habitus.ingest.RuntimeEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Hands the judgements made inside an ingest back to the score call that started it. Ingest runs
 * its listeners synchronously on the calling thread, so a thread-local is enough; everything
 * else ingested meanwhile (other threads) is not captured.
 */
@Component
class JudgementCapture {

    /** What one ingest judged, and its accepted events in request order. */
    static final class Captured {
        final List<Judgement> judgements = new ArrayList<>();
        final List<RuntimeEvent> accepted = new ArrayList<>();
    }

    private final ThreadLocal<Captured> current = new ThreadLocal<>();

    <T> T capture(Captured into, Supplier<T> work) {
        current.set(into);
        try {
            return work.get();
        } finally {
            current.remove();
        }
    }

    void judged(List<Judgement> judgements) {
        Captured captured = current.get();
        if (captured != null) {
            captured.judgements.addAll(judgements);
        }
    }

    void accepted(List<RuntimeEvent> events) {
        Captured captured = current.get();
        if (captured != null) {
            captured.accepted.addAll(events);
        }
    }
}
