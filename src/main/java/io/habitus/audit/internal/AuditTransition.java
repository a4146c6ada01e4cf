package io.habitus.audit.internal;

import io.habitus.behavior.ObservedTransition;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The moment an audit judged: the container's state before, the event's token, the state after, and
 * the process that performed the event (null on audits recorded before it was kept).
 */
@Schema(description = "The transition judged: state before, event token, state after, and the acting process")
public record AuditTransition(State before, String event, State after, Actor actor) {

    @Schema(name = "AuditTransitionState",
            description = "Executables of the live processes and the last tokens, oldest first")
    public record State(List<String> processes, List<String> recentTokens) {}

    @Schema(name = "AuditTransitionActor",
            description = "The process that performed the event (its executable <- its parent's) and its own last "
                    + "tokens before it, oldest first")
    public record Actor(@Schema(example = "/usr/sbin/nginx <- /usr/sbin/nginx") String process,
            @Schema(example = "[\"accept tcp/80\", \"read /var/www/*\"]") List<String> recentTokens) {}

    public static AuditTransition of(ObservedTransition t) {
        return new AuditTransition(new State(t.before().processes(), t.before().recentTokens()), t.tokens().token().text(),
                new State(t.after().processes(), t.after().recentTokens()),
                new Actor(t.actor().process(), t.actor().recentTokens()));
    }
}
