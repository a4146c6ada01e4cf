package io.habitus.model;

import io.habitus.model.encoding.FeatureBag;
import io.habitus.model.encoding.HashedVectorBuilder;
import java.util.List;
import java.util.Objects;

/**
 * Encodes a transition into the hashed vector its {@link FeatureSpec} describes (version 1; see
 * {@code docs/transition-model.md}). Stateless and thread-safe.
 */
public final class TransitionEncoder {

    static final String START = "^";
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
        return new SparseVector(spec.dimension(), builder.indices(), builder.values());
    }

    private void add(HashedVectorBuilder builder, FeatureGroup group, FeatureBag bag) {
        builder.addGroup(group.key(), bag, group.log1p(), spec.weight(group));
    }

    /** The token's verb (exec, read, connect, …): everything before the first space. */
    static String kind(String token) {
        int space = token.indexOf(' ');
        return space < 0 ? token : token.substring(0, space);
    }
}
