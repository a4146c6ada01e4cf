package io.habitus.pipeline.web;

import io.habitus.ingest.IncomingBatch;
import io.habitus.pipeline.EventPipeline;
import io.habitus.security.Caller;
import io.habitus.security.TokenScope;
import io.habitus.shared.web.JsonBodies;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Events", description = "Ingest of runtime events from node agents")
@RestController
@RequestMapping("/api/v1/events")
class EventController {

    private static final String EXAMPLE = """
            {"batchId": "node-a-agent-000123",
             "agent": {"id": "node-a", "version": "1.4.2", "sequence": 123, "dropped": 0},
             "events": [{
               "time": "2026-11-28T10:00:00.123Z", "type": "process.exec",
               "container": {"id": "3f9c2a7d5e1b", "image": "nginx:1.27",
                             "imageDigest": "sha256:4c1e9d0b5f2a7e3c8d6b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d",
                             "node": "node-a", "namespace": "web", "pod": "nginx-7d9f", "cluster": "prod-eu"},
               "process": {"pid": 42, "ppid": 1, "exe": "/usr/sbin/nginx", "args": ["nginx", "-g", "daemon off;"],
                           "uid": 101, "parentExe": "/usr/sbin/nginx"}}]}""";

    private final EventPipeline pipeline;

    EventController(EventPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Operation(operationId = "ingestEvents", summary = "Ingest a batch of events",
            description = """
                    Validates each event on its own: valid events are stored, invalid ones are reported by \
                    index, field and reason. A 200 answer means every accepted event is durably committed. \
                    Retrying a batch with the same batchId is safe: it is acknowledged again (outcome DUPLICATE) \
                    and stored once. A batch with no valid event is answered 400 and leaves nothing behind. \
                    Bodies may be gzip-encoded. While the database is unreachable the answer is 503 with Retry-After. \
                    A scoped token's batch with any event outside its namespaces or clusters is answered 403 \
                    (the events listed) and nothing is stored.""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(description = """
            The batch. It may be sent gzip-compressed with `Content-Encoding: gzip` (see `x-content-encodings`); \
            the size limit applies on the wire and after decoding.""", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = EventBatchRequest.class),
            examples = @ExampleObject(name = "exec", value = EXAMPLE)))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    IngestResponse ingest(@Valid @RequestBody EventBatchRequest request, @AuthenticationPrincipal Caller caller,
            HttpServletRequest http) {
        EventScopes.allow(caller, TokenScope.Operation.INGEST);
        EventScopes.cover(caller, "events", request.events());
        return IngestResponse.of(pipeline.process(new IncomingBatch(request.batchId(), request.agent(), request.events(),
                JsonBodies.noEscapes(http))).receipt());
    }
}
