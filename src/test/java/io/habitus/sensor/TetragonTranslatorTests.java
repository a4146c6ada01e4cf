package io.habitus.sensor;

import static io.habitus.sensor.SensorRecords.outcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.habitus.sensor.internal.Translation;
import io.habitus.sensor.tetragon.TetragonTranslator;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Tetragon's records onto Habitus events: the project's fixture, then the real output when present. */
class TetragonTranslatorTests {

    private final TetragonTranslator translator = new TetragonTranslator();

    @Test
    void everyRecordOfTheFixtureBecomesItsTokenOrASkipWithItsReason() {
        List<String> outcomes = SensorRecords.fixture("tetragon/pod-events.jsonl").stream()
                .map(r -> outcome(translator.translate(r))).toList();

        assertThat(outcomes).containsExactly(
                "exec /docker-entrypoint.sh <- /usr/bin/containerd-shim-runc-v2",
                "exec /usr/sbin/nginx <- /usr/bin/containerd-shim-runc-v2",
                "read /etc/nginx/nginx.conf",
                "listen tcp/80",
                "accept tcp/80",
                "write /var/log/nginx/access.log",
                "read /usr/share/nginx/html/index.html",
                "connect tcp/5432",
                "connect ip/53",
                "syscall #101",
                "read /etc/passwd",
                "syscall setuid",
                "exit /usr/sbin/nginx",
                "skip host-process",
                "skip no-image-digest docker.io/library/busybox:1.36",
                "skip unsupported-kind process_lsm",
                "skip unsupported-function commit_creds",
                "skip unsupported-kind process_connect");
    }

    @Test
    void anExecCarriesTheContainerImageAndProcessAsTetragonReportedThem() {
        JsonNode event = mapped(SensorRecords.fixture("tetragon/pod-events.jsonl").get(1));

        assertThat(event.at("/container/id").stringValue())
                .as("without containerd://").isEqualTo("9b2f6c1d4e7a8b3c5d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7");
        assertThat(event.at("/container/imageDigest").stringValue())
                .isEqualTo("sha256:5f0c2a1e9b8d7c6f4e3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e");
        assertThat(event.at("/container/image").stringValue()).isEqualTo("docker.io/library/nginx:1.27");
        assertThat(event.at("/container/node").stringValue()).isEqualTo("worker-1");
        assertThat(event.at("/container/namespace").stringValue()).isEqualTo("shop");
        assertThat(event.at("/container/pod").stringValue()).isEqualTo("web-6d8f9c7b5-x2k4q");
        assertThat(event.at("/process/pid").longValue()).isEqualTo(2001);
        assertThat(event.at("/process/ppid").longValue()).isEqualTo(1000);
        assertThat(event.at("/process/exe").stringValue()).isEqualTo("/usr/sbin/nginx");
        assertThat(event.at("/process/parentExe").stringValue()).isEqualTo("/usr/bin/containerd-shim-runc-v2");
        assertThat(event.at("/process/args").valueStream().map(JsonNode::stringValue)).containsExactly("-g", "daemon off;");
        assertThat(event.at("/process/execId").stringValue()).isEqualTo("d29ya2VyLTE6MTIwMDAwMDAwOjIwMDE=");
        assertThat(event.at("/process/parentExecId").stringValue()).isEqualTo("d29ya2VyLTE6MTEwMDAwMDAwOjIwMDE=");
        assertThat(event.at("/time").stringValue()).isEqualTo("2026-01-10T09:00:02.123456789Z");
    }

    @Test
    void networkEventsNameTheServicePortAndThePeer() {
        List<JsonNode> records = SensorRecords.fixture("tetragon/pod-events.jsonl");

        assertThat(mapped(records.get(4)).at("/network/address").stringValue()).as("accept: the client").isEqualTo("10.244.2.9");
        assertThat(mapped(records.get(7)).at("/network/address").stringValue()).as("connect: the server").isEqualTo("10.96.14.2");
        assertThat(mapped(records.get(8)).at("/network/address").stringValue()).isEqualTo("10.96.0.10");
    }

    @Test
    void theRealExportsExecEventsBecomeExecsOfTheirPods() {
        assumeThat(SensorRecords.SHARED_TETRAGON.resolve("testdata-events.jsonl")).exists();
        List<JsonNode> records = SensorRecords.sharedLines("testdata-events.jsonl");

        assertThat(records.stream().map(r -> outcome(translator.translate(r)))).containsExactly(
                "exec /usr/bin/netserver <- /usr/bin/containerd-shim-runc-v2",
                "exec /starwars-docker <- /usr/bin/containerd-shim-runc-v2",
                "exec /starwars-docker <- /usr/bin/containerd-shim-runc-v2");
        JsonNode first = mapped(records.getFirst());
        assertThat(first.at("/container/id").stringValue()).isEqualTo("19a02291e106ce6227b684197be232ea57c4e1a5ab2604a12608c325d701c7f4");
        assertThat(first.at("/container/imageDigest").stringValue())
                .isEqualTo("sha256:8e86f744bfea165fd4ce68caa05abc96500f40130b857773186401926af7e9e6");
        assertThat(first.at("/container/node").stringValue()).isEqualTo("my-node");
        assertThat(first.at("/time").stringValue()).as("no time in the export: the process's start").isEqualTo("2022-10-18T03:16:18.273546829Z");
    }

    @Test
    void eachEventOfTheBookBecomesTheEventItShouldOrIsSkippedWithItsReason() {
        assumeThat(SensorRecords.SHARED_TETRAGON.resolve("docs-2022")).isDirectory();

        for (var expected : DocsTwentyTwentyTwo.EXPECTED.entrySet()) {
            JsonNode record = SensorRecords.shared("docs-2022/" + expected.getKey());
            assertThat(outcome(translator.translate(record))).as(expected.getKey()).isEqualTo(expected.getValue());
        }
        assertThat(DocsTwentyTwentyTwo.files()).as("every file is named in the table").isEqualTo(DocsTwentyTwentyTwo.EXPECTED.keySet());
    }

    @Test
    void theBooksEventsKeepDigestNodeAndAbsolutePaths() {
        assumeThat(SensorRecords.SHARED_TETRAGON.resolve("docs-2022")).isDirectory();
        JsonNode read = mapped(SensorRecords.shared("docs-2022/03_chapter__00_process_lifecycle__cat_process_kprobe.json"));

        assertThat(read.at("/file/path").stringValue()).isEqualTo("/usr/share/elasticsearch/config/elasticsearch.keystore");
        assertThat(read.at("/container/id").stringValue()).isEqualTo("e6af4dff4ea3b8d50313c59fbaa442e377da35671e79f43b8dc53c5efcc9b659");
        assertThat(read.at("/container/imageDigest").stringValue())
                .isEqualTo("sha256:ff3aa5862fd17f8695984609743f4523188984adbcd25cf5ac4224b71084558c");
        assertThat(read.at("/container/node").stringValue()).isEqualTo("minikube");
        assertThat(read.at("/container/namespace").stringValue()).isEqualTo("tenant-jobs");
    }

    @Test
    void recordsWithoutAKindOrWithBrokenPartsAreSkippedNotThrown() {
        for (String json : List.of("{}", "{\"node_name\":\"n\"}", "{\"process_exec\":{}}", "{\"process_exec\":{\"process\":5}}",
                "{\"process_kprobe\":{\"process\":{\"pod\":{\"container\":{\"id\":\"docker://abc\",\"image\":{\"id\":\"x@sha256:"
                        + "a".repeat(64) + "\"}}}}}}",
                "{\"process_exec\":{\"process\":{\"pod\":{\"name\":\"p\"}}}}")) {
            assertThat(translator.translate(SensorRecords.JSON.readTree(json))).as(json).isInstanceOf(Translation.Skipped.class);
        }
    }

    private JsonNode mapped(JsonNode record) {
        Translation translation = translator.translate(record);
        assertThat(translation).isInstanceOf(Translation.Mapped.class);
        return ((Translation.Mapped) translation).event();
    }
}
