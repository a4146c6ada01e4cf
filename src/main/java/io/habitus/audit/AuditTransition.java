package io.habitus.audit;

import io.habitus.behavior.ObservedTransition;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The moment an audit judged: the container's state before, the event's token, the state after. */
@Schema(description = "The transition judged: state before, event token, state after")
public record AuditTransition(State before, String event, State after) {

    @Schema(name = "AuditTransitionState",
            description = "Executables of the live processes and the last tokens, oldest first")
    public record State(List<String> processes, List<String> recentTokens) {}

    static AuditTransition of(ObservedTransition t) {
        return new AuditTransition(new State(t.before().processes(), t.before().recentTokens()), t.tokens().token().text(),
                new State(t.after().processes(), t.after().recentTokens()));
    }
}
