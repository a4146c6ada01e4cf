package io.habitus.sim;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * A JVM service (image {@code registry.example.com/pay/ledger-service:5.4.0}, Spring Boot on
 * Temurin): a {@code sh -c "exec java …"} entrypoint, class loading and container detection at
 * start, a keystore and application configuration, Tomcat's temp directories, pooled PostgreSQL
 * and Kafka connections (few events per request), an outbound fraud-check API over HTTPS,
 * actuator probes and Prometheus scrapes on the management port, log and GC-log writes with daily
 * rollover, and rare thread or heap dumps by an operator ({@code kubectl exec … jcmd}).
 */
final class JvmService extends Workload {

    static final String JAVA = "/opt/java/openjdk/bin/java";
    static final String JCMD = "/opt/java/openjdk/bin/jcmd";
    static final String SH = "/bin/sh";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private int java;
    private String tomcatDir;

    JvmService(ContainerRun run) {
        super(run);
    }

    @Override
    public void start() {
        int pid1 = run.init(SH, 1001, "/bin/sh", "-c", "exec java $JAVA_OPTS -jar /app/app.jar");
        run.replace(pid1, JAVA, "java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar");
        java = pid1;
        for (String file : new String[] {"/proc/self/mountinfo", "/proc/self/cgroup", "/sys/fs/cgroup/cpu.max",
                "/sys/fs/cgroup/memory.max", "/opt/java/openjdk/lib/modules", "/opt/java/openjdk/conf/security/java.security",
                "/app/app.jar", "/app/config/application.yaml", "/var/run/secrets/ledger/keystore.p12",
                "/opt/java/openjdk/lib/security/cacerts", "/etc/hosts", "/etc/resolv.conf"}) {
            run.read(java, file);
        }
        run.write(java, "/tmp/hsperfdata_app/1");
        tomcatDir = "/tmp/tomcat." + 8080 + "." + (1000000000000000000L + (run.random().nextLong() & 0xFFFFFFFFFFFFFFL));
        run.write(java, tomcatDir + "/work/Tomcat/localhost/ROOT");
        run.write(java, "/tmp/tomcat-docbase.8080." + (1000000000000000000L + (run.random().nextLong() & 0xFFFFFFFFFFFFFFL)));
        run.connect(java, 5432, "10.96.12.40");
        run.connect(java, 9092, "10.96.30.11");
        run.listen(java, 8080);
        run.listen(java, 8081);
        run.write(java, "/app/logs/ledger.log");
    }

    @Override
    public void step() {
        double dice = run.random().nextDouble();
        if (dice < 0.70) {
            request();
        } else if (dice < 0.84) {
            run.accept(java, 8081, "10.244." + run.random().nextInt(8) + ".1");   // liveness/readiness
        } else if (dice < 0.88) {
            scrape();
        } else if (dice < 0.90) {
            run.write(java, "/app/logs/gc.log");
        } else if (dice < 0.9985) {
            run.idle(Duration.ofSeconds(1 + run.random().nextInt(4)));
        } else if (dice < 0.9993) {
            run.write(java, "/app/logs/ledger-" + DAY.format(run.clock()) + "." + run.random().nextInt(3) + ".log.gz");
            run.write(java, "/app/logs/ledger.log");
        } else {
            dump();
        }
        run.idleMillis(30, 1000);
    }

    private void request() {
        run.accept(java, 8080, run.podAddress());
        double kind = run.random().nextDouble();
        if (kind < 0.05) {
            run.connect(java, 5432, "10.96.12.40");   // the pool opens a connection
        } else if (kind < 0.08) {
            run.connect(java, 9092, "10.96.30." + (11 + run.random().nextInt(3)));
        } else if (kind < 0.16) {
            run.connectUdp(java, 53, "10.96.0.10");
            run.connect(java, 443, "34.117." + run.random().nextInt(255) + "." + run.random().nextInt(255));
        } else if (kind < 0.18) {
            run.write(java, tomcatDir + "/work/Tomcat/localhost/ROOT/upload_" + UUID.nameUUIDFromBytes(
                    run.hex(16).getBytes()).toString().replace('-', '_') + "_00000001.tmp");
        }
        if (run.chance(0.03)) {
            run.write(java, "/app/logs/ledger.log");
        }
    }

    private void scrape() {
        run.accept(java, 8081, "10.244." + run.random().nextInt(8) + "." + (2 + run.random().nextInt(250)));
        run.read(java, "/proc/self/stat");
        run.read(java, "/sys/fs/cgroup/cpu.stat");
        run.read(java, "/sys/fs/cgroup/memory.current");
    }

    /** {@code kubectl exec … jcmd 1 Thread.print} (or {@code GC.heap_dump}, rarely). */
    private void dump() {
        int jcmd = run.execIn(JCMD, 1001, "jcmd", "1", "Thread.print");
        run.read(jcmd, "/tmp/hsperfdata_app/1");
        run.write(jcmd, "/proc/1/cwd/.attach_pid1");
        run.syscall(jcmd, "kill");
        run.read(java, "/proc/1/cwd/.attach_pid1");
        if (run.chance(0.5)) {
            run.write(java, "/tmp/heap-" + DAY.format(run.clock()) + ".hprof");
        }
        run.exit(jcmd);
    }

    @Override
    public void attackEntry() {
        run.accept(java, 8080, run.podAddress());
    }

    @Override
    public int foothold() {
        return java;
    }

    /** An attacker with a stolen kubeconfig execs the image's shell (the entrypoint's) into the running service. */
    @Override
    public void allowedShellAbuse() {
        int shell = run.execIn(SH, 1001, "/bin/sh");
        run.read(shell, "/app/config/application.yaml");
        run.read(shell, "/etc/hosts");
        run.exit(shell);
    }

    /** A deserialisation gadget: the JVM reads its keystore and configuration again and posts them out on 443. */
    @Override
    public void secretReadThenEgress() {
        run.read(java, "/var/run/secrets/ledger/keystore.p12");
        run.read(java, "/app/config/application.yaml");
        run.connectUdp(java, 53, "10.96.0.10");
        run.connect(java, 443, "34.117." + run.random().nextInt(255) + "." + run.random().nextInt(255));
    }

    /** Heap dumps (full of secrets) taken again and again by someone with exec access. */
    @Override
    public void maintenanceBurst() {
        for (int i = 0; i < 3; i++) {
            int jcmd = run.execIn(JCMD, 1001, "jcmd", "1", "GC.heap_dump", "/tmp/heap.hprof");
            run.read(jcmd, "/tmp/hsperfdata_app/1");
            run.write(jcmd, "/proc/1/cwd/.attach_pid1");
            run.syscall(jcmd, "kill");
            run.read(java, "/proc/1/cwd/.attach_pid1");
            run.write(java, "/tmp/heap-" + DAY.format(run.clock()) + ".hprof");
            run.exit(jcmd);
        }
    }

    /** The JVM (a gadget chain) tries the database port on many addresses. */
    @Override
    public void allowedPortSweep() {
        for (int i = 0; i < 15; i++) {
            run.connect(java, 5432, "10.244." + run.random().nextInt(8) + "." + (2 + run.random().nextInt(250)));
        }
    }
}
