package io.habitus.sim;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A PostgreSQL-like database (image {@code postgres:16.4}): the entrypoint (bash, gosu) that
 * execs the postmaster, its background processes, pooled client connections (one backend process
 * each), sorts that spill to temp files, checkpoints, autovacuum workers, WAL archiving through
 * {@code archive_command = 'cp %p /var/lib/postgresql/archive/%f'}, hourly log rotation of the
 * logging collector, {@code pg_isready} exec probes and a nightly {@code pg_dumpall} backup run
 * by a CronJob through {@code kubectl exec}.
 */
final class Database extends Workload {

    static final String POSTGRES = "/usr/lib/postgresql/16/bin/postgres";
    static final String BASH = "/usr/bin/bash";
    static final String SH = "/bin/sh";
    private static final String DATA = "/var/lib/postgresql/data";
    private static final DateTimeFormatter LOG_NAME = DateTimeFormatter.ofPattern("yyyy-MM-dd_HHmmss").withZone(ZoneOffset.UTC);

    private final List<Integer> backends = new ArrayList<>();
    private int postmaster;
    private int logger;
    private int checkpointer;
    private int walwriter;
    private int archiver;
    private int autovacuum;
    private int lastBackend;
    private int walSegment = 1;

    Database(ContainerRun run) {
        super(run);
    }

    @Override
    public void start() {
        int pid1 = run.init(BASH, 0, "bash", "/usr/local/bin/docker-entrypoint.sh", "postgres");
        int id = run.spawn(pid1, "/usr/bin/id", 0, "id", "-u");
        run.exit(id);
        int find = run.spawn(pid1, "/usr/bin/find", 0, "find", DATA, "!", "-user", "postgres");
        run.read(find, DATA + "/PG_VERSION");
        run.exit(find);
        run.replace(pid1, "/usr/local/bin/gosu", "gosu", "postgres", "docker-entrypoint.sh", "postgres");
        run.read(pid1, "/etc/passwd");
        run.read(pid1, "/etc/group");
        run.replace(pid1, BASH, "bash", "/usr/local/bin/docker-entrypoint.sh", "postgres");
        run.replace(pid1, POSTGRES, "postgres");
        postmaster = pid1;
        for (String file : List.of("postgresql.conf", "pg_hba.conf", "pg_ident.conf", "PG_VERSION", "global/pg_control",
                "server.crt", "server.key")) {
            run.read(postmaster, DATA + "/" + file);
        }
        run.write(postmaster, DATA + "/postmaster.pid");
        run.listen(postmaster, 5432);
        logger = run.fork(postmaster);
        run.write(logger, DATA + "/log/postgresql-" + LOG_NAME.format(run.clock()) + ".log");
        checkpointer = run.fork(postmaster);
        int bgwriter = run.fork(postmaster);
        run.write(bgwriter, DATA + "/base/16384/" + relation());
        walwriter = run.fork(postmaster);
        run.write(walwriter, walFile());
        autovacuum = run.fork(postmaster);
        run.read(autovacuum, DATA + "/global/pg_filenode.map");
        archiver = run.fork(postmaster);
        int pool = 4 + run.random().nextInt(4);
        for (int i = 0; i < pool; i++) {
            connect();
        }
    }

    private String relation() {
        return Integer.toString(16385 + run.random().nextInt(60));
    }

    private String walFile() {
        return DATA + "/pg_wal/" + String.format("00000001%016X", walSegment);
    }

    private void connect() {
        run.accept(postmaster, 5432, "10.244." + run.random().nextInt(8) + "." + (2 + run.random().nextInt(250)));
        int backend = run.fork(postmaster);
        backends.add(backend);
        run.read(backend, DATA + "/global/pg_filenode.map");
        run.read(backend, DATA + "/base/16384/pg_filenode.map");
        run.read(backend, DATA + "/base/16384/PG_VERSION");
        lastBackend = backend;
    }

    @Override
    public void step() {
        double dice = run.random().nextDouble();
        if (dice < 0.78) {
            query(backends.get(run.random().nextInt(backends.size())));
        } else if (dice < 0.86) {
            probe();
        } else if (dice < 0.89) {
            checkpoint();
        } else if (dice < 0.92) {
            vacuum();
        } else if (dice < 0.93) {
            reconnect();
        } else if (dice < 0.945) {
            archive();
        } else if (dice < 0.948) {
            run.write(logger, DATA + "/log/postgresql-" + LOG_NAME.format(run.clock()) + ".log");
        } else if (dice < 0.9992) {
            run.idle(Duration.ofSeconds(1 + run.random().nextInt(4)));
        } else {
            backup();
        }
        run.idleMillis(50, 1500);
    }

    private void query(int backend) {
        lastBackend = backend;
        int reads = 1 + run.random().nextInt(3);
        for (int i = 0; i < reads; i++) {
            run.read(backend, DATA + "/base/16384/" + relation());
        }
        if (run.chance(0.35)) {
            run.write(backend, DATA + "/base/16384/" + relation());
            run.write(backend, walFile());
            if (run.chance(0.05)) {
                walSegment++;
            }
        }
        if (run.chance(0.004)) {
            String temp = DATA + "/base/pgsql_tmp/pgsql_tmp" + backend + "." + run.random().nextInt(3);
            run.write(backend, temp);
            run.read(backend, temp);
        }
    }

    private void probe() {
        int probe = run.execIn("/usr/lib/postgresql/16/bin/pg_isready", 999, "pg_isready", "-U", "postgres");
        run.connect(probe, 5432, "127.0.0.1");
        run.accept(postmaster, 5432, "127.0.0.1");
        int backend = run.fork(postmaster);
        run.read(backend, DATA + "/global/pg_filenode.map");
        run.exit(backend);
        run.exit(probe);
    }

    private void checkpoint() {
        int pages = 2 + run.random().nextInt(5);
        for (int i = 0; i < pages; i++) {
            run.write(checkpointer, DATA + "/base/16384/" + relation());
        }
        run.write(checkpointer, DATA + "/global/pg_control");
    }

    private void vacuum() {
        int worker = run.fork(autovacuum);
        String relation = relation();
        run.read(worker, DATA + "/base/16384/" + relation);
        run.write(worker, DATA + "/base/16384/" + relation + "_vm");
        run.write(worker, DATA + "/base/16384/" + relation + "_fsm");
        run.exit(worker);
    }

    private void reconnect() {
        int old = backends.remove(run.random().nextInt(backends.size()));
        run.exit(old);
        connect();
    }

    /** archive_command for a completed WAL segment. */
    private void archive() {
        String segment = String.format("00000001%016X", walSegment);
        int shell = run.spawn(archiver, SH, 999, "sh", "-c", "cp pg_wal/" + segment + " /var/lib/postgresql/archive/" + segment);
        int cp = run.spawn(shell, "/usr/bin/cp", 999, "cp", "pg_wal/" + segment, "/var/lib/postgresql/archive/" + segment);
        run.read(cp, DATA + "/pg_wal/" + segment);
        run.write(cp, "/var/lib/postgresql/archive/" + segment);
        run.exit(cp);
        run.exit(shell);
        walSegment++;
        run.write(walwriter, walFile());
    }

    /** The nightly CronJob: {@code kubectl exec db -- bash -c 'pg_dumpall | gzip > /backup/…'}. */
    private void backup() {
        int bash = run.execIn(BASH, 999, "bash", "-c", "pg_dumpall -U postgres | gzip > /var/lib/postgresql/backup/dump.sql.gz");
        dumpAll(bash);
        run.exit(bash);
    }

    private void dumpAll(int bash) {
        int dump = run.spawn(bash, "/usr/lib/postgresql/16/bin/pg_dumpall", 999, "pg_dumpall", "-U", "postgres");
        int gzip = run.spawn(bash, "/usr/bin/gzip", 999, "gzip");
        run.connect(dump, 5432, "127.0.0.1");
        run.accept(postmaster, 5432, "127.0.0.1");
        int backend = run.fork(postmaster);
        for (int i = 0; i < 6; i++) {
            run.read(backend, DATA + "/base/16384/" + relation());
        }
        run.exit(backend);
        run.write(gzip, "/var/lib/postgresql/backup/dump.sql.gz");
        run.exit(dump);
        run.exit(gzip);
    }

    @Override
    public void attackEntry() {
        query(backends.get(run.random().nextInt(backends.size())));
    }

    @Override
    public int foothold() {
        return lastBackend;
    }

    /** {@code COPY … FROM PROGRAM} in a client session: the backend runs sh and cp, as the archiver does. */
    @Override
    public void allowedShellAbuse() {
        int shell = run.spawn(lastBackend, SH, 999, "sh", "-c", "cp " + DATA + "/pg_hba.conf /var/lib/postgresql/archive/x");
        int cp = run.spawn(shell, "/usr/bin/cp", 999, "cp", DATA + "/pg_hba.conf", "/var/lib/postgresql/archive/x");
        run.read(cp, DATA + "/pg_hba.conf");
        run.write(cp, "/var/lib/postgresql/archive/000000010000000000000099");
        run.exit(cp);
        run.exit(shell);
    }

    /** {@code pg_read_file('server.key')}, then dblink to an outside host on the allowed port 5432. */
    @Override
    public void secretReadThenEgress() {
        run.read(lastBackend, DATA + "/server.key");
        run.read(lastBackend, DATA + "/pg_hba.conf");
        run.connect(lastBackend, 5432, "10.244.7." + (2 + run.random().nextInt(250)));
    }

    /** Someone with exec access dumps the whole cluster again and again, in the middle of the day. */
    @Override
    public void maintenanceBurst() {
        for (int i = 0; i < 3; i++) {
            backup();
        }
    }

    /** A backend (dblink) tries port 5432 on many addresses: looking for other databases. */
    @Override
    public void allowedPortSweep() {
        for (int i = 0; i < 15; i++) {
            run.connect(lastBackend, 5432, "10.244." + run.random().nextInt(8) + "." + (2 + run.random().nextInt(250)));
        }
    }
}
