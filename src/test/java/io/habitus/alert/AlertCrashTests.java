package io.habitus.alert;

import static io.habitus.support.NginxTraffic.NGINX;
import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.support.AlertReceiver;
import io.habitus.support.Api;
import io.habitus.support.Events;
import io.habitus.support.NginxTraffic;
import io.habitus.support.ServiceProcess;
import io.habitus.support.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No alert is lost across a kill -9. The service runs as its own JVM with a webhook sink that
 * answers 503, so deviations wait in the outbox, and it is killed with SIGKILL while a client is
 * still posting deviations. At the kill every committed audit has its alert in the outbox (they are
 * written in one transaction); started again, the service delivers every one of them.
 */
class AlertCrashTests {

    private static final String TOKEN = "alert-crash-admin";
    private static final Pattern SUBJECT = Pattern.compile("\"subject\":\"(audits/\\d+)\"");

    @Test
    void deviationsCommittedBeforeAKillAreDeliveredAfterTheRestart() throws Exception {
        TestDatabase.Coordinates db = TestDatabase.coordinates();
        int port = ServiceProcess.freePort();
        try (AlertReceiver receiver = AlertReceiver.start()) {
            receiver.answer("/crash", n -> 503);
            Map<String, String> env = Map.of(
                    "HABITUS_ALERTS_POLL_INTERVAL", "200ms",
                    "HABITUS_ALERTS_SINKS_0_NAME", "crash-hook",
                    "HABITUS_ALERTS_SINKS_0_TYPE", "WEBHOOK",
                    "HABITUS_ALERTS_SINKS_0_URL", receiver.url("/crash"),
                    "HABITUS_ALERTS_SINKS_0_INITIAL_BACKOFF", "200ms",
                    "HABITUS_ALERTS_SINKS_0_MAX_BACKOFF", "1s",
                    "HABITUS_ALERTS_SINKS_0_MAX_ATTEMPTS", "100000");
            ServiceProcess service = ServiceProcess.start(db, port, TOKEN, env);
            Api api = new Api(port, TOKEN);
            String digest = Events.newDigest();
            post(api, Events.mixed(digest, Events.newId("learn"), "node-a", 12));
            assertThat(api.post("/api/v1/images/" + digest + "/learning", Api.json(Map.of("action", "FINISH"))).status())
                    .isEqualTo(200);

            for (int batch = 0; batch < 10; batch++) {
                post(api, violations(digest, 3));
            }
            awaitAtLeast(() -> count(db, "select count(*) from alert_delivery where sink = 'crash-hook' and state = 'PENDING'"
                    + " and attempts > 0"), 1);
            AtomicBoolean posting = new AtomicBoolean(true);
            Thread client = Thread.ofPlatform().start(() -> {
                while (posting.get()) {
                    try {
                        api.post("/api/v1/events", Api.json(Events.batch(Events.newId("crash"), violations(digest, 3))));
                    } catch (RuntimeException refused) {
                        // the service is gone: what it acknowledged before is what counts
                    }
                }
            });
            Thread.sleep(500);
            service.kill();
            posting.set(false);
            client.join();
            long audits = count(db, "select count(*) from audit where digest = '" + digest + "'");
            long queued = count(db, "select coalesce(sum(d.alert_count), 0) from alert_delivery d join audit a"
                    + " on d.alert_key = 'audits:' || a.id where a.digest = '" + digest + "' and d.state = 'PENDING'");
            System.out.printf("alert crash: at the kill, %d deviations committed, %d alerts waiting in the outbox; "
                    + "%d requests answered 503%n", audits, queued, receiver.received("/crash").size());
            assertThat(audits).isGreaterThanOrEqualTo(30);
            assertThat(queued).as("every committed audit has its alert queued").isEqualTo(audits);
            assertThat(receiver.received("/crash")).allMatch(r -> r.status() == 503);

            receiver.answer("/crash", n -> 200);
            ServiceProcess restarted = ServiceProcess.start(db, port, TOKEN, env);
            try {
                Set<String> recorded = new TreeSet<>();
                for (long id : ids(db, "select id from audit where digest = '" + digest + "'")) {
                    recorded.add("audits/" + id);
                }
                Set<String> delivered = awaitDelivered(receiver, recorded, Duration.ofSeconds(90));
                assertThat(delivered).containsAll(recorded);
            } finally {
                restarted.kill();
            }
        }
    }

    private static List<Map<String, Object>> violations(String digest, int containers) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (int c = 0; c < containers; c++) {
            events.add(NginxTraffic.exec(digest, Events.newId("web"), "/bin/sh", NGINX, 77, Instant.now()));
        }
        return events;
    }

    private static void post(Api api, List<Map<String, Object>> events) {
        Api.Reply reply = api.post("/api/v1/events", Api.json(Events.batch(Events.newId("crash"), events)));
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
    }

    private static Set<String> awaitDelivered(AlertReceiver receiver, Set<String> recorded, Duration patience)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        Set<String> delivered = new TreeSet<>();
        while (!delivered.containsAll(recorded) && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            for (AlertReceiver.Received r : receiver.received("/crash")) {
                Matcher m = SUBJECT.matcher(r.text());
                while (r.status() == 200 && m.find()) {
                    delivered.add(m.group(1));
                }
            }
        }
        return delivered;
    }

    private interface Count {
        long get() throws SQLException;
    }

    private static void awaitAtLeast(Count count, long least) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (count.get() < least) {
            assertThat(Instant.now()).as("waited 60 s for at least %d", least).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private static long count(TestDatabase.Coordinates db, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(db.url(), db.username(), db.password());
                PreparedStatement query = connection.prepareStatement(sql); ResultSet rs = query.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<Long> ids(TestDatabase.Coordinates db, String sql) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(db.url(), db.username(), db.password());
                PreparedStatement query = connection.prepareStatement(sql); ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }
}
