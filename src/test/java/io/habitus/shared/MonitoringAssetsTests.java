package io.habitus.shared;

import static io.habitus.support.NginxTraffic.NGINX;
import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.sensor.SensorRecords;
import io.habitus.support.Api;
import io.habitus.support.Events;
import io.habitus.support.IntegrationTest;
import io.habitus.support.NginxTraffic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The chart's Grafana dashboard and PrometheusRule (helm/habitus/files) query only metrics the
 * service really exposes: after traffic of every kind, each metric their PromQL names is in
 * {@code /actuator/prometheus}. A renamed metric or a typo in a query fails here, not on a
 * dashboard that silently shows nothing.
 */
class MonitoringAssetsTests extends IntegrationTest {

    private static final Path CHART_FILES = Path.of("helm/habitus/files");

    /**
     * Series Prometheus makes itself, and the alert sinks' metrics, which exist per configured sink (this
     * context has none; AlertDeliveryTests reads both from a service with sinks).
     */
    private static final Set<String> NOT_FROM_THE_SERVICE = Set.of("up", "habitus_alerts_pending", "habitus_alerts_failed_total");

    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
            "ignoring", "group_left", "group_right", "inf", "nan");

    @Test
    void everyMetricTheDashboardAndTheAlertsQueryIsExposed() throws Exception {
        traffic();
        Set<String> exposed = exposedSeriesNames(api(null).get("/actuator/prometheus").raw().body());

        List<String> queries = new ArrayList<>(dashboardQueries());
        queries.addAll(alertExpressions());
        Set<String> queried = new TreeSet<>();
        queries.forEach(query -> queried.addAll(metricNames(query)));

        assertThat(queries).hasSizeGreaterThan(30);
        assertThat(queried).contains("habitus_ingest_events_total", "http_server_requests_seconds_count", "up");
        Set<String> missing = new TreeSet<>(queried);
        missing.removeAll(exposed);
        missing.removeAll(NOT_FROM_THE_SERVICE);
        assertThat(missing).as("metrics queried by the dashboard or the alerts that /actuator/prometheus does not expose")
                .isEmpty();
    }

    @Test
    void theQueryParserFindsMetricNamesAndNothingElse() {
        assertThat(metricNames("sum by (outcome, le) (rate(habitus_ingest_events_total{application=\"habitus\", "
                + "outcome=~\"rejected|x\"}[$__rate_interval])) / on (pod) group_left max(jvm_threads_live_threads) > 0.05"))
                .containsExactlyInAnyOrder("habitus_ingest_events_total", "jvm_threads_live_threads");
        assertThat(metricNames("absent(up{job=\"habitus\"} == 1)")).containsExactly("up");
    }

    /** Ingest, learning and training, judging with deviations, score calls, sensors, refusals. */
    private void traffic() throws InterruptedException {
        String digest = learnedNginxImage();
        String container = Events.newId("web");
        Instant t = Instant.now().minusSeconds(60);
        api().post("/api/v1/events", Api.json(Events.batch(Events.newId("mon"),
                List.of(NginxTraffic.exec(digest, container, "/usr/bin/wget", NGINX, 77, t)))));
        api().post("/api/v1/score", Api.json(Map.of("events", List.of(NginxTraffic.exec(digest, container, "/bin/sh", NGINX,
                78, t.plusSeconds(1))))));
        byte[] tetragon = SensorRecords.ndjson(SensorRecords.movedTo(SensorRecords.fixture("tetragon/pod-events.jsonl"),
                Instant.now())).getBytes(StandardCharsets.UTF_8);
        api().send("POST", "/api/v1/sensors/tetragon", "application/x-ndjson", tetragon, "Idempotency-Key", Events.newId("t"));
        api().get("/api/v1/images/" + Events.newDigest());
    }

    private static Set<String> exposedSeriesNames(String exposition) {
        Set<String> names = new TreeSet<>();
        exposition.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .forEach(line -> names.add(line.split("[{ ]", 2)[0]));
        return names;
    }

    private static List<String> dashboardQueries() throws IOException {
        JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(CHART_FILES.resolve("grafana-dashboard.json")));
        return dashboard.findValues("expr").stream().map(JsonNode::stringValue).toList();
    }

    private static List<String> alertExpressions() throws IOException {
        JsonNode rules = new YAMLMapper().readTree(Files.readString(CHART_FILES.resolve("prometheus-rules.yaml")));
        return rules.findValues("expr").stream().map(JsonNode::stringValue).toList();
    }

    /** The metric names of a PromQL expression: identifiers outside label matchers, ranges and clauses that are no functions or keywords. */
    static Set<String> metricNames(String promql) {
        String bare = promql.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher identifier = Pattern.compile("(?<![\\w$.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?").matcher(bare);
        while (identifier.find()) {
            if (identifier.group(2) == null && !KEYWORDS.contains(identifier.group(1))) {
                names.add(identifier.group(1));
            }
        }
        return names;
    }
}
