package io.habitus.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An API service in Python (image {@code registry.example.com/shop/orders-api:3.2.1}): gunicorn
 * master and worker processes, module imports at start, a mounted database password, PostgreSQL
 * and Redis per request, a payment provider over HTTPS (after a DNS lookup), uploads in Python
 * temp files with thumbnails made by ImageMagick through {@code sh -c convert …}, kubelet HTTP
 * probes, worker recycling ({@code max_requests}) and rare {@code manage.py} commands run by
 * operators through {@code kubectl exec}.
 */
final class ApiService extends Workload {

    static final String PYTHON = "/usr/local/bin/python3.12";
    static final String SH = "/bin/sh";
    private static final String SITE = "/usr/local/lib/python3.12/site-packages/";
    private static final String[] MODULES = {"flask/__init__", "flask/app", "flask/json/__init__", "werkzeug/serving",
        "werkzeug/routing/map", "jinja2/environment", "sqlalchemy/engine/base", "sqlalchemy/orm/session",
        "psycopg2/__init__", "psycopg2/extensions", "redis/client", "redis/connection", "requests/api",
        "requests/sessions", "urllib3/connectionpool", "gunicorn/arbiter", "gunicorn/workers/sync", "PIL/Image",
        "pydantic/main", "yaml/__init__"};
    private static final String[] APP = {"__init__", "orders", "payments", "uploads", "models", "db", "cache"};
    private static final String[] TEMPLATES = {"invoice", "receipt", "order_confirmation", "refund"};

    private final List<Integer> workers = new ArrayList<>();
    private int master;
    private int lastWorker;

    ApiService(ContainerRun run) {
        super(run);
    }

    @Override
    public void start() {
        master = run.init(PYTHON, 1000, "python3.12", "/usr/local/bin/gunicorn", "-c", "/app/gunicorn.conf.py", "app:create_app()");
        run.read(master, "/app/gunicorn.conf.py");
        for (String module : MODULES) {
            String name = module.substring(module.lastIndexOf('/') + 1);
            String dir = module.substring(0, module.lastIndexOf('/') + 1);
            run.read(master, SITE + dir + "__pycache__/" + name + ".cpython-312.pyc");
        }
        for (String module : APP) {
            run.read(master, "/app/app/__pycache__/" + module + ".cpython-312.pyc");
        }
        run.read(master, "/app/config/settings.yaml");
        run.read(master, "/var/run/secrets/orders/db-password");
        run.read(master, "/etc/ssl/certs/ca-certificates.crt");
        run.listen(master, 8000);
        int count = 3 + run.random().nextInt(3);
        for (int i = 0; i < count; i++) {
            bootWorker();
        }
    }

    /** gunicorn's worker heartbeat file: {@code --worker-tmp-dir /dev/shm}, name from mkstemp. */
    private void bootWorker() {
        int worker = run.fork(master);
        workers.add(worker);
        run.write(worker, "/dev/shm/wgunicorn-" + run.pythonTempName().substring(3));
        run.connect(worker, 5432, "10.96.12.40");
        run.connect(worker, 6379, "10.96.12.41");
    }

    @Override
    public void step() {
        double dice = run.random().nextDouble();
        if (dice < 0.78) {
            request(workers.get(run.random().nextInt(workers.size())));
        } else if (dice < 0.92) {
            probe();
        } else if (dice < 0.997) {
            run.idle(Duration.ofSeconds(1 + run.random().nextInt(4)));
        } else if (dice < 0.9992) {
            recycleWorker();
        } else {
            manage("migrate");
        }
        run.idleMillis(50, 1200);
    }

    private void request(int worker) {
        lastWorker = worker;
        run.accept(worker, 8000, run.podAddress());
        double kind = run.random().nextDouble();
        if (kind < 0.30) {
            run.connect(worker, 6379, "10.96.12.41");
        } else if (kind < 0.75) {
            run.connect(worker, 5432, "10.96.12.40");
            if (run.chance(0.3)) {
                run.connect(worker, 6379, "10.96.12.41");
            }
        } else if (kind < 0.87) {
            run.connect(worker, 5432, "10.96.12.40");
            run.read(worker, "/app/templates/" + run.pick(TEMPLATES) + ".html");
        } else if (kind < 0.95) {
            run.connectUdp(worker, 53, "10.96.0.10");
            run.connect(worker, 443, "104.18." + run.random().nextInt(255) + "." + run.random().nextInt(255));
            run.connect(worker, 5432, "10.96.12.40");
        } else {
            upload(worker);
        }
    }

    /** An image upload: spooled to a temp file, thumbnailed by ImageMagick through a shell. */
    private void upload(int worker) {
        String temp = "/tmp/" + run.pythonTempName();
        run.write(worker, temp);
        int shell = run.spawn(worker, SH, 1000, "/bin/sh", "-c", "convert " + temp + " -resize 256x256 " + temp + ".png");
        int convert = run.spawn(shell, "/usr/bin/convert", 1000, "convert", temp, "-resize", "256x256", temp + ".png");
        run.read(convert, "/etc/ImageMagick-6/policy.xml");
        run.read(convert, temp);
        run.write(convert, temp + ".png");
        run.exit(convert);
        run.exit(shell);
        run.read(worker, temp + ".png");
        run.connect(worker, 5432, "10.96.12.40");
    }

    private void probe() {
        int worker = workers.get(run.random().nextInt(workers.size()));
        run.accept(worker, 8000, "10.244." + run.random().nextInt(8) + ".1");
        if (run.chance(0.5)) {
            run.connect(worker, 5432, "10.96.12.40");   // readiness checks the database
        }
    }

    private void recycleWorker() {
        int old = workers.remove(run.random().nextInt(workers.size()));
        run.exit(old);
        bootWorker();
    }

    /** {@code kubectl exec … python manage.py <command>}. */
    private void manage(String command) {
        int manage = run.execIn(PYTHON, 1000, "python3.12", "/app/manage.py", command);
        run.read(manage, "/app/config/settings.yaml");
        run.read(manage, "/var/run/secrets/orders/db-password");
        run.connect(manage, 5432, "10.96.12.40");
        run.exit(manage);
    }

    @Override
    public void attackEntry() {
        lastWorker = workers.get(run.random().nextInt(workers.size()));
        run.accept(lastWorker, 8000, run.podAddress());
    }

    @Override
    public int foothold() {
        return lastWorker;
    }

    /** Template injection: the worker runs sh (as it does for thumbnails), and the shell reads the mounted password. */
    @Override
    public void allowedShellAbuse() {
        int shell = run.spawn(lastWorker, SH, 1000, "/bin/sh", "-c", "cat /var/run/secrets/orders/db-password > /tmp/x");
        run.read(shell, "/var/run/secrets/orders/db-password");
        run.write(shell, "/tmp/" + run.pythonTempName());
        run.exit(shell);
    }

    /** SSRF-like exfiltration: the worker reads the password file (read by the master at start) and calls out on 443. */
    @Override
    public void secretReadThenEgress() {
        run.read(lastWorker, "/var/run/secrets/orders/db-password");
        run.read(lastWorker, "/app/config/settings.yaml");
        run.connectUdp(lastWorker, 53, "10.96.0.10");
        run.connect(lastWorker, 443, "104.18." + run.random().nextInt(255) + "." + run.random().nextInt(255));
    }

    /** Someone with exec access runs manage.py again and again (e.g. to dump data). */
    @Override
    public void maintenanceBurst() {
        for (int i = 0; i < 4; i++) {
            manage("dumpdata");
        }
    }

    /** A worker tries the Redis port on many addresses: looking for unprotected caches. */
    @Override
    public void allowedPortSweep() {
        for (int i = 0; i < 15; i++) {
            run.connect(lastWorker, 6379, "10.244." + run.random().nextInt(8) + "." + (2 + run.random().nextInt(250)));
        }
    }
}
