package io.habitus.pipeline.web;

import io.habitus.behavior.PriorState;
import io.habitus.ingest.AgentInfo;
import io.habitus.pipeline.Scoring;
import io.habitus.pipeline.internal.ScoreCall;
import io.habitus.security.Caller;
import io.habitus.security.Role;
import io.habitus.security.TokenScope;
import io.habitus.shared.HabitusProblem;
import io.habitus.shared.ProblemType;
import io.habitus.shared.web.JsonBodies;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Scoring", description = "Synchronous verdicts on events, explained")
@RestController
@RequestMapping("/api/v1/score")
class ScoreController {

    private static final String EXAMPLE = """
            {"events": [{
               "time": "2026-11-28T10:00:01.500Z", "type": "process.exec",
               "container": {"id": "3f9c2a7d5e1b",
                             "imageDigest": "sha256:4c1e9d0b5f2a7e3c8d6b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d"},
               "process": {"pid": 77, "ppid": 43, "exe": "/bin/sh", "args": ["sh", "-c", "id"],
                           "parentExe": "/usr/sbin/nginx"}}],
             "priorState": {"processes": ["/usr/sbin/nginx"],
                            "recentTokens": ["exec /usr/sbin/nginx <- /usr/sbin/nginx", "accept tcp/80"]}}""";

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final Scoring scoring;

    ScoreController(Scoring scoring) {
        this.scoring = scoring;
    }

    @Operation(operationId = "scoreEvents", summary = "Score events synchronously",
            description = """
                    Judges each event's transition against its image's active profile and model and explains the \
                    verdict: NORMAL, ANOMALOUS (model score below threshold), VIOLATION (outside the profile), \
                    LEARNING (no profile yet) or UNKNOWN_IMAGE. With commit=false (the default; analysts may only \
                    do this) nothing changes: the tracked container state, or the given priorState/priorEvents, \
                    is advanced in memory only. With commit=true (agents, admins) the call is an ingest: events are \
                    stored, container states advance, deviations become audits and an unknown image starts learning. \
                    All events must be valid: any invalid one answers 400 naming its field, and nothing is scored. \
                    A scoped token's call with an event (or prior event) outside its scope is answered 403. Answers \
                    to AGENT tokens carry verdicts, not container state: transition.before, after and actor are null, \
                    and the explanation names no state.""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = ScoreRequest.class),
            examples = @ExampleObject(name = "what-if", value = EXAMPLE)))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ScoreResponse score(
            @Parameter(description = "Advance states, store the events and audit deviations (agents and admins)")
            @RequestParam(defaultValue = "false") boolean commit,
            @Valid @RequestBody ScoreRequest request, @AuthenticationPrincipal Caller caller, HttpServletRequest http) {
        if (commit && caller.role() == Role.ANALYST) {
            throw new HabitusProblem(HttpStatus.FORBIDDEN, ProblemType.FORBIDDEN,
                    "An analyst token may only score with commit=false");
        }
        EventScopes.allow(caller, TokenScope.Operation.SCORE);
        if (commit) {
            EventScopes.allow(caller, TokenScope.Operation.INGEST);
        }
        EventScopes.cover(caller, "events", request.events());
        EventScopes.cover(caller, "priorEvents", request.priorEvents());
        PriorState.Given prior = request.priorState() == null ? null : given(request.priorState());
        AgentInfo agent = request.agent() != null ? request.agent()
                : new AgentInfo(WHITESPACE.matcher(caller.name()).replaceAll("-"), null, null, null);
        return ScoreResponse.of(scoring.score(new ScoreCall(request.events(), commit, prior, request.priorEvents(),
                request.batchId(), agent, JsonBodies.noEscapes(http))), caller.role() != Role.AGENT);
    }

    private static PriorState.Given given(PriorStateRequest state) {
        List<PriorState.GivenProcess> pids = state.pids() == null ? List.of() : state.pids().stream()
                .map(p -> new PriorState.GivenProcess(p.pid(), p.executable(), p.parent(), p.recentTokens())).toList();
        return new PriorState.Given(state.processes(), state.recentTokens(), pids);
    }
}
