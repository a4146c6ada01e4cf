package io.habitus.sensor.web;

import io.habitus.ingest.IngestProperties;
import io.habitus.sensor.SensorIngestion;
import io.habitus.sensor.internal.Sensor;
import io.habitus.sensor.internal.SensorBatch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

@Tag(name = "Sensors", description = "Ingest of Tetragon's and Falco's exports, as their shippers send them")
@RestController
@RequestMapping("/api/v1/sensors")
class SensorController {

    private static final String COMMON = """
             Records Habitus does not use (host processes, images without a digest, other kinds) are skipped \
            and counted by reason, never an error. The events go through the same validation, storage, learning \
            and judging as POST /api/v1/events, in one transaction; a 200 answer means every accepted event is \
            durably committed. Idempotency: a retry with the same Idempotency-Key (or, without the header, the \
            same body) is stored once and answered DUPLICATE. A record that is not a JSON object makes the whole \
            body a 400 naming its line; more records than habitus.ingest.max-events-per-batch, or a body over \
            habitus.http.max-body-size (also after gzip decoding), a 413. Bodies may be gzip-encoded. While the \
            database is unreachable the answer is 503 with Retry-After.""";

    private static final String IDEMPOTENCY_KEY = """
            Names this delivery (1 to 128 printable ASCII characters): a retry with the same key is stored once. \
            Optional: without it the key is the SHA-256 of the decoded body, so a shipper's byte-for-byte retry \
            is recognised.""";

    private static final String TETRAGON_EXAMPLE = """
            {"process_exec":{"process":{"exec_id":"bWluaWt1YmU6MzM0OTc2NjQ2MjgyMjozODMxMw==","pid":38313,"uid":0,\
            "binary":"/usr/bin/cat","arguments":"/etc/hostname","pod":{"namespace":"web","name":"nginx-7d9f",\
            "container":{"id":"containerd://3f9c2a7d5e1b","image":{"id":"docker.io/library/nginx@sha256:4c1e9d0b5f2a7e3c8d6b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d",\
            "name":"docker.io/library/nginx:1.27"}}},"parent_exec_id":"bWluaWt1YmU6MzM0OTc2MDUxNjExMTozODMxMg=="},\
            "parent":{"pid":38312,"binary":"/bin/sh"}},"node_name":"node-a","time":"2026-11-28T10:00:00.123456789Z"}
            """;

    private static final String FALCO_EXAMPLE = """
            {"output":"habitus exec","priority":"Informational","rule":"Habitus exec","source":"syscall",\
            "time":"2026-11-28T10:00:00.123456789Z","hostname":"node-a","output_fields":{"evt.type":"execve",\
            "container.id":"3f9c2a7d5e1b","container.image.repository":"docker.io/library/nginx",\
            "container.image.digest":"sha256:4c1e9d0b5f2a7e3c8d6b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d",\
            "k8s.ns.name":"web","k8s.pod.name":"nginx-7d9f","proc.pid":38313,"proc.ppid":38312,\
            "proc.exepath":"/usr/bin/cat","proc.pexepath":"/bin/sh","proc.cmdline":"cat /etc/hostname"}}
            """;

    private final SensorIngestion ingestion;
    private final IngestProperties limits;
    private final JsonMapper json;

    SensorController(SensorIngestion ingestion, IngestProperties limits, JsonMapper json) {
        this.ingestion = ingestion;
        this.limits = limits;
        this.json = json;
    }

    @Operation(operationId = "ingestTetragonEvents", summary = "Ingest Tetragon's JSON events",
            description = """
                    Tetragon's export as written (one event per line, or a JSON array): process_exec, process_exit, \
                    process_kprobe (file: security_file_permission, fd_install, security_file_open, sys_read/sys_write \
                    with a file argument; network: tcp_connect, inet_csk_accept, inet_csk_listen(_start), \
                    security_socket_connect; other system-call kprobes as syscall events) and process_tracepoint \
                    (raw_syscalls/sys_enter, syscalls/sys_enter_*) become Habitus events.""" + COMMON)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
        @Content(mediaType = MediaType.APPLICATION_NDJSON_VALUE, schema = @Schema(type = "object",
                description = "Tetragon events, one JSON object per line"),
                examples = @ExampleObject(name = "exec", value = TETRAGON_EXAMPLE)),
        @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object",
                description = "Tetragon events as JSON objects one after another, or a JSON array of them"),
                examples = @ExampleObject(name = "exec", value = TETRAGON_EXAMPLE))})
    @PostMapping(path = "/tetragon", consumes = {MediaType.APPLICATION_NDJSON_VALUE, MediaType.APPLICATION_JSON_VALUE})
    SensorResponse tetragon(@RequestBody byte[] body, @Parameter(description = IDEMPOTENCY_KEY)
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        return ingest(Sensor.TETRAGON, body, idempotencyKey);
    }

    @Operation(operationId = "ingestFalcoAlerts", summary = "Ingest Falco's JSON alerts",
            description = """
                    Falco's JSON output (json_output: true; one alert per line, or a JSON array) or Falcosidekick's \
                    webhook post (one alert per request). Alerts of syscall rules whose output fields include what \
                    docker/falco/habitus-rules.yaml names become Habitus events by evt.type: execve/execveat, \
                    open/openat/openat2/creat (a write when evt.is_open_write), connect, accept/accept4, listen, procexit; \
                    alerts of other rules or sources are skipped with the reason.""" + COMMON)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
        @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object",
                description = "One Falco alert, several one after another (one per line), or a JSON array of them"),
                examples = @ExampleObject(name = "exec", value = FALCO_EXAMPLE)),
        @Content(mediaType = MediaType.APPLICATION_NDJSON_VALUE, schema = @Schema(type = "object",
                description = "Falco alerts, one JSON object per line"),
                examples = @ExampleObject(name = "exec", value = FALCO_EXAMPLE))})
    @PostMapping(path = "/falco", consumes = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_NDJSON_VALUE})
    SensorResponse falco(@RequestBody byte[] body, @Parameter(description = IDEMPOTENCY_KEY)
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        return ingest(Sensor.FALCO, body, idempotencyKey);
    }

    private SensorResponse ingest(Sensor sensor, byte[] body, @Nullable String idempotencyKey) {
        String key = IdempotencyKeys.of(idempotencyKey, body);
        return SensorResponse.of(ingestion.ingest(new SensorBatch(sensor, key,
                RecordReader.read(body, limits.maxEventsPerBatch(), json))));
    }
}
