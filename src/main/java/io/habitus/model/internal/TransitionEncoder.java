package io.habitus.model.internal;

import io.habitus.model.ActorState;
import io.habitus.model.Transition;
import io.habitus.model.encoding.FeatureBag;
import io.habitus.model.encoding.HashedVectorBuilder;
import java.util.List;
import java.util.Objects;

/**
 * Encodes a transition into the hashed vector its {@link FeatureSpec} describes (versions 1 to 3; see
 * {@code docs/transition-model.md}). Stateless and thread-safe.
 */
public final class TransitionEncoder {

    static final String START = "^";
    /** Version 2: tokens in the {@code sequence} feature, the event included (STIDE's classic 6). */
    static final int SEQUENCE_LENGTH = 6;
    /** Version 3: tokens in the {@code actorSequence} feature, the event included (the actor's last two and the event). */
    static final int ACTOR_SEQUENCE_LENGTH = 3;
    private static final String THEN = " \u2192 ";
    private static final String CROSS = " \u00d7 ";

    private final FeatureSpec spec;

    public TransitionEncoder(FeatureSpec spec) {
        this.spec = Objects.requireNonNull(spec);
    }

    public FeatureSpec spec() {
        return spec;
    }

    public SparseVector encode(Transition transition) {
        String event = transition.event();
        List<String> all = transition.before().recentTokens();
        List<String> window = all.subList(Math.max(0, all.size() - spec.window()), all.size());
        HashedVectorBuilder builder = new HashedVectorBuilder(spec.dimension(), spec.hashSeed());

        add(builder, FeatureGroup.EVENT, new FeatureBag().add(event, 1.0));
        String previous = window.isEmpty() ? START : window.getLast();
        add(builder, FeatureGroup.BIGRAM, new FeatureBag().add(previous + CROSS + event, 1.0));

        FeatureBag context = new FeatureBag();
        FeatureBag recent = new FeatureBag();
        FeatureBag kinds = new FeatureBag();
        double weight = 1.0;
        for (int position = window.size() - 1; position >= 0; position--) {
            String token = window.get(position);
            context.add(event + CROSS + token, weight);
            recent.add(token, weight);
            kinds.add(kind(token), 1.0);
            weight *= spec.decay();
        }
        add(builder, FeatureGroup.CONTEXT, context);
        add(builder, FeatureGroup.RECENT, recent);
        add(builder, FeatureGroup.KINDS, kinds);

        FeatureBag processes = new FeatureBag();
        FeatureBag eventProcesses = new FeatureBag();
        FeatureBag delta = new FeatureBag();
        for (String process : transition.before().processes()) {
            processes.add(process, 1.0);
            eventProcesses.add(event + CROSS + process, 1.0);
            if (!transition.after().processes().contains(process)) {
                delta.add("- " + process, 1.0);
            }
        }
        for (String process : transition.after().processes()) {
            if (!transition.before().processes().contains(process)) {
                delta.add("+ " + process, 1.0);
            }
        }
        add(builder, FeatureGroup.PROCESSES, processes);
        add(builder, FeatureGroup.EVENT_PROCESSES, eventProcesses);
        add(builder, FeatureGroup.DELTA, delta);
        if (spec.version() >= 2) {
            add(builder, FeatureGroup.SEQUENCE, new FeatureBag().add(sequence(all, event), 1.0));
        }
        ActorState actor = transition.actor();
        if (spec.version() >= 3 && actor != null) {
            List<String> own = actor.recentTokens();
            add(builder, FeatureGroup.ACTOR, new FeatureBag().add(event + CROSS + actor.process(), 1.0));
            add(builder, FeatureGroup.ACTOR_BIGRAM,
                    new FeatureBag().add((own.isEmpty() ? START : own.getLast()) + CROSS + event, 1.0));
            add(builder, FeatureGroup.ACTOR_SEQUENCE, new FeatureBag().add(sequence(own, event, ACTOR_SEQUENCE_LENGTH), 1.0));
        }
        return new SparseVector(spec.dimension(), builder.indices(), builder.values());
    }

    private void add(HashedVectorBuilder builder, FeatureGroup group, FeatureBag bag) {
        builder.addGroup(group.key(), bag, group.log1p(), spec.weight(group));
    }

    /** The last SEQUENCE_LENGTH − 1 tokens and the event, oldest first; {@code ^} marks a container's start. */
    static String sequence(List<String> recent, String event) {
        return sequence(recent, event, SEQUENCE_LENGTH);
    }

    /** The last {@code length} − 1 tokens and the event, oldest first; {@code ^} marks a start when there are fewer. */
    static String sequence(List<String> recent, String event, int length) {
        int from = Math.max(0, recent.size() - (length - 1));
        StringBuilder sequence = new StringBuilder();
        if (recent.size() < length - 1) {
            sequence.append(START).append(THEN);
        }
        for (String token : recent.subList(from, recent.size())) {
            sequence.append(token).append(THEN);
        }
        return sequence.append(event).toString();
    }

    /** The token's verb (exec, read, connect, …): everything before the first space. */
    static String kind(String token) {
        int space = token.indexOf(' ');
        return space < 0 ? token : token.substring(0, space);
    }
}
