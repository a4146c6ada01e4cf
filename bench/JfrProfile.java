import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a recorded service spends its CPU in a time window: the share of execution samples whose
 * stack contains a method (inclusive) and the share whose top frame is the method (self), and the
 * shares of named pipeline steps. A source-file program (JEP 330), so that no build is needed:
 *
 * <pre>
 * java bench/JfrProfile.java target/bench/scoring-service.jfr [--from=ISO] [--to=ISO] [--threads=tomcat] [--top=40]
 *     [--step="event validation"]   (the frame lists only for samples of that step; shares still of all samples)
 * java bench/JfrProfile.java target/bench/scoring-service.jfr --timeline=Scoring.whatIf   (samples per 5 s in it: find a phase)
 * </pre>
 *
 * Record with {@code -XX:FlightRecorderOptions:stackdepth=512} (bench/lib.sh does with BENCH_JFR=1):
 * at JFR's default depth of 64 frames, a request's stack is cut before its outer steps.
 */
public final class JfrProfile {

    /**
     * Steps of a request, outermost first; a sample belongs to the innermost step whose frame is on
     * its stack, so the shares add up to 100 % (the first, Tomcat, takes what no other step claims).
     * A frame matches when its "class.method" starts with one of the step's prefixes.
     */
    private static final String[][] STEPS = {
            {"Tomcat, servlet container", "org.apache.", "java.lang.VirtualThread.", "jdk.internal.vm."},
            {"servlet filters (request id, body, metrics)", "org.springframework.web.filter.", "io.habitus.shared.web.RequestIdFilter.", "io.habitus.shared.web.RequestBodyFilter."},
            {"Spring Security filter chain", "org.springframework.security."},
            {"token verification", "io.habitus.security.ApiTokens.authenticate"},
            {"Spring MVC dispatch", "org.springframework.web.servlet.", "org.springframework.web.method."},
            {"request JSON read", "org.springframework.web.servlet.mvc.method.annotation.AbstractMessageConverterMethodArgumentResolver.readWithMessageConverters"},
            {"bean validation (@Valid)", "org.springframework.validation.", "org.hibernate.validator.", "org.springframework.web.servlet.mvc.method.annotation.RequestResponseBodyMethodProcessor.validateIfApplicable"},
            {"answer JSON write", "org.springframework.web.servlet.mvc.method.annotation.AbstractMessageConverterMethodProcessor.writeWithMessageConverters"},
            {"controller, answer mapping", "io.habitus.pipeline.web."},
            {"scoring call (validation, ordering)", "io.habitus.pipeline.Scoring.", "io.habitus.pipeline.EventPipeline."},
            {"event validation", "io.habitus.ingest.EventIngestion.validateAll", "io.habitus.ingest.EventIngestion.prepare", "io.habitus.ingest.EventValidator."},
            {"ledger lookup (retry?)", "io.habitus.ingest.EventIngestion.earlierDelivery"},
            {"store: ledger, COPY, catalogue", "io.habitus.ingest.EventIngestion.store"},
            {"container state", "io.habitus.behavior.ContainerStates.advance", "io.habitus.behavior.TransitionPreview."},
            {"learning", "io.habitus.profile.ObservationRecorder.", "io.habitus.model.TrainingSamples.", "io.habitus.incident.LearningSequences.record"},
            {"judge (profile, model)", "io.habitus.scoring.TransitionJudge."},
            {"audits", "io.habitus.audit.AuditRecorder."},
            {"container evidence", "io.habitus.incident.Incidents.assess", "io.habitus.incident.Incidents.preview"},
            {"alert outbox", "io.habitus.alert.AlertOutbox."},
            {"transaction begin/commit", "org.springframework.transaction.", "org.springframework.jdbc.datasource.DataSourceTransactionManager"},
            {"Micrometer (timers, observations)", "io.micrometer."},
            {"logging", "ch.qos.logback.", "org.slf4j."},
    };

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Instant from = Instant.MIN;
        Instant to = Instant.MAX;
        String threads = "";
        int top = 40;
        String timeline = null;
        String only = null;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--from=")) from = Instant.parse(a.substring(7));
            else if (a.startsWith("--to=")) to = Instant.parse(a.substring(5));
            else if (a.startsWith("--threads=")) threads = a.substring(10);
            else if (a.startsWith("--top=")) top = Integer.parseInt(a.substring(6));
            else if (a.startsWith("--timeline=")) timeline = a.substring(11);
            else if (a.startsWith("--step=")) only = a.substring(7);
        }
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> steps = new HashMap<>();
        Map<String, Integer> threadCounts = new HashMap<>();
        java.util.TreeMap<Long, Integer> buckets = new java.util.TreeMap<>();
        int total = 0;
        int all = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent e = recording.readEvent();
                if (!e.getEventType().getName().equals("jdk.ExecutionSample")) continue;
                Instant t = e.getStartTime();
                if (t.isBefore(from) || t.isAfter(to)) continue;
                all++;
                var thread = e.getThread("sampledThread");
                String name = thread == null ? "?" : thread.getJavaName();
                threadCounts.merge(name == null ? "?" : name.replaceAll("\\d+", "N"), 1, Integer::sum);
                if (!threads.isEmpty() && (name == null || !name.contains(threads))) continue;
                if (e.getStackTrace() == null) continue;
                if (timeline != null) {
                    String needle = timeline;
                    boolean hit = e.getStackTrace().getFrames().stream()
                            .anyMatch(f -> (f.getMethod().getType().getName() + "." + f.getMethod().getName()).contains(needle));
                    buckets.merge(t.getEpochSecond() / 5 * 5, hit ? 1 : 0, Integer::sum);
                    continue;
                }
                total++;
                List<RecordedFrame> frames = e.getStackTrace().getFrames();
                List<String> methods = frames.stream().map(f -> f.getMethod().getType().getName() + "." + f.getMethod().getName()).toList();
                String step = null;
                boolean jdbc = false;
                for (String m : methods) {
                    jdbc |= m.startsWith("org.postgresql.") || m.startsWith("com.zaxxer.hikari.");
                    if (step == null) step = stepOf(m);
                }
                String key = (step == null ? "unattributed (stack cut short)" : step);
                steps.merge(key, 1, Integer::sum);
                if (jdbc) steps.merge(key + " [JDBC]", 1, Integer::sum);
                // --step: the frame lists count only the samples of that step (what is hot inside it).
                if (only != null && !key.contains(only)) continue;
                Set<String> seen = new HashSet<>();
                if (!methods.isEmpty()) self.merge(methods.get(0), 1, Integer::sum);
                for (String m : methods) {
                    if (seen.add(m)) inclusive.merge(m, 1, Integer::sum);
                }
            }
        }
        if (timeline != null) {
            buckets.forEach((second, hits) -> System.out.printf("%s  %d%n", Instant.ofEpochSecond(second), hits));
            return;
        }
        System.out.printf("%d samples in the window, %d of threads matching '%s'%n%n", all, total, threads);
        System.out.println("threads (all samples in the window):");
        print(threadCounts, all, 12);
        System.out.println("\nsteps (each sample in its innermost step; [JDBC]: of which in the driver or pool):");
        List<String> names = new ArrayList<>();
        for (String[] step : STEPS) names.add(step[0]);
        names.add("unattributed (stack cut short)");
        for (String name : names) {
            int n = steps.getOrDefault(name, 0);
            int j = steps.getOrDefault(name + " [JDBC]", 0);
            if (n > 0) System.out.printf("  %5.1f %%  %-48s %s%n", 100.0 * n / Math.max(1, total), name,
                    j == 0 ? "" : String.format("[JDBC %.1f %%]", 100.0 * j / Math.max(1, total)));
        }
        System.out.println("\nself (top frame):");
        print(self, total, top);
        System.out.println("\ninclusive:");
        print(inclusive, total, top * 2);
    }

    /** The step a frame belongs to, the most specific (latest in STEPS) when several prefixes match. */
    private static String stepOf(String method) {
        for (int i = STEPS.length - 1; i >= 0; i--) {
            for (int p = 1; p < STEPS[i].length; p++) {
                if (method.startsWith(STEPS[i][p])) return STEPS[i][0];
            }
        }
        return null;
    }

    private static void print(Map<String, Integer> counts, int total, int limit) {
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        for (var entry : sorted.subList(0, Math.min(limit, sorted.size()))) {
            System.out.printf("  %5.1f %%  %s%n", 100.0 * entry.getValue() / Math.max(1, total), entry.getKey());
        }
    }
}
