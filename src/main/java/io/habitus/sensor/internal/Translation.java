package io.habitus.sensor.internal;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** What one sensor record became: a Habitus event (JSON, still to be validated) or a skip. */
public sealed interface Translation {

    /** @param event the event in the ingest contract's JSON, validated later like any agent's event */
    record Mapped(JsonNode event, @Nullable String node) implements Translation {
        public Mapped {
            Objects.requireNonNull(event, "event");
        }
    }

    /** @param what the kind, function, rule or image that was skipped, for people reading the answer; may be null */
    record Skipped(SkipReason reason, @Nullable String what) implements Translation {
        public Skipped {
            Objects.requireNonNull(reason, "reason");
        }
    }

    static Translation skip(SkipReason reason, @Nullable String what) {
        return new Skipped(reason, what);
    }
}
