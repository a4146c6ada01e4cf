package io.habitus.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An httpd-like web server (image {@code httpd:2.4.62}): an entrypoint shell that execs the
 * master, a master that forks workers (prefork/event), piped access logging through
 * {@code /bin/sh -c rotatelogs}, static files, a reverse proxy to the API on port 8000, kubelet
 * HTTP probes, worker recycling, daily log rotation and rare graceful restarts by an operator
 * ({@code kubectl exec … apachectl graceful}).
 */
final class WebServer extends Workload {

    static final String HTTPD = "/usr/local/apache2/bin/httpd";
    static final String ROTATELOGS = "/usr/local/apache2/bin/rotatelogs";
    static final String SH = "/bin/sh";
    private static final String ROOT = "/usr/local/apache2";
    private static final String[] PAGES = {"index.html", "about.html", "contact.html", "products.html", "cart.html",
        "checkout.html", "faq.html", "terms.html", "privacy.html", "search.html"};
    private static final String[] IMAGES = {"logo", "hero", "banner", "icon-cart", "icon-user", "product-1", "product-2",
        "product-3", "product-4", "product-5", "product-6", "sprite", "favicon-32", "avatar"};

    private final List<Integer> workers = new ArrayList<>();
    private final String appHash;
    private int master;
    private int logShell;
    private int rotatelogs;
    private int lastWorker;

    WebServer(ContainerRun run) {
        super(run);
        this.appHash = "3f9a1c2b7d4e";   // one build of the site: the same in every container of the image
    }

    @Override
    public void start() {
        int pid1 = run.init(SH, 0, "/bin/sh", "/usr/local/bin/httpd-foreground");
        int rm = run.spawn(pid1, "/bin/rm", 0, "rm", "-f", ROOT + "/logs/httpd.pid");
        run.exit(rm);
        run.replace(pid1, HTTPD, "httpd", "-DFOREGROUND");
        master = pid1;
        readConfiguration(master);
        run.read(master, ROOT + "/conf/server.key");
        run.read(master, ROOT + "/conf/server.crt");
        run.listen(master, 80);
        run.listen(master, 443);
        run.write(master, ROOT + "/logs/httpd.pid");
        startLogger();
        int count = 3 + run.random().nextInt(3);
        for (int i = 0; i < count; i++) {
            startWorker();
        }
    }

    private void readConfiguration(int pid) {
        run.read(pid, "/etc/passwd");
        run.read(pid, "/etc/group");
        run.read(pid, ROOT + "/conf/httpd.conf");
        run.read(pid, ROOT + "/conf/mime.types");
        run.read(pid, ROOT + "/conf/extra/httpd-default.conf");
        run.read(pid, ROOT + "/conf/extra/httpd-ssl.conf");
        run.read(pid, ROOT + "/conf/extra/proxy-api.conf");
    }

    private void startLogger() {
        logShell = run.spawn(master, SH, 0, "/bin/sh", "-c", ROTATELOGS + " " + ROOT + "/logs/access_log 86400");
        rotatelogs = run.spawn(logShell, ROTATELOGS, 0, "rotatelogs", ROOT + "/logs/access_log", "86400");
        run.write(rotatelogs, ROOT + "/logs/access_log." + dayEpoch());
    }

    private long dayEpoch() {
        long seconds = run.clock().getEpochSecond();
        return seconds - seconds % 86400;
    }

    private void startWorker() {
        int worker = run.fork(master, 33);
        workers.add(worker);
        run.syscall(worker, "setuid");
    }

    @Override
    public void step() {
        double dice = run.random().nextDouble();
        if (dice < 0.80) {
            request(randomWorker());
        } else if (dice < 0.93) {
            probe();
        } else if (dice < 0.995) {
            run.idle(Duration.ofSeconds(1 + run.random().nextInt(5)));
        } else if (dice < 0.9975) {
            recycleWorker();
        } else if (dice < 0.9990) {
            rotateLog();
        } else {
            gracefulRestart();
        }
        run.idleMillis(50, 1500);
    }

    private int randomWorker() {
        return workers.get(run.random().nextInt(workers.size()));
    }

    private void request(int worker) {
        lastWorker = worker;
        boolean tls = run.chance(0.3);
        run.accept(worker, tls ? 443 : 80, run.podAddress());
        double kind = run.random().nextDouble();
        if (kind < 0.35) {
            run.read(worker, ROOT + "/htdocs/" + run.pick(PAGES));
        } else if (kind < 0.55) {
            run.read(worker, ROOT + "/htdocs/static/" + run.pick("app", "vendor", "style") + "." + appHash
                    + (run.chance(0.5) ? ".js" : ".css"));
        } else if (kind < 0.70) {
            run.read(worker, ROOT + "/htdocs/images/" + run.pick(IMAGES) + ".png");
        } else {
            run.connect(worker, 8000, "10.96.41.17");   // ProxyPass /api → orders-api service
        }
        if (run.chance(0.02)) {
            run.write(worker, ROOT + "/logs/error_log");
        }
    }

    private void probe() {
        int worker = randomWorker();
        run.accept(worker, 80, "10.244." + run.random().nextInt(8) + ".1");   // kubelet on the node
        run.read(worker, ROOT + "/htdocs/index.html");
    }

    private void recycleWorker() {
        int old = workers.remove(run.random().nextInt(workers.size()));
        run.exit(old);
        startWorker();
    }

    private void rotateLog() {
        run.write(rotatelogs, ROOT + "/logs/access_log." + (dayEpoch() + 86400));
    }

    /** {@code kubectl exec … apachectl graceful}: config test, signal, workers and logger replaced. */
    private void gracefulRestart() {
        int apachectl = run.execIn(SH, 0, "/bin/sh", "/usr/local/apache2/bin/apachectl", "graceful");
        int control = run.spawn(apachectl, HTTPD, 0, "httpd", "-k", "graceful");
        run.read(control, ROOT + "/conf/httpd.conf");
        run.read(control, ROOT + "/logs/httpd.pid");
        run.syscall(control, "kill");
        run.exit(control);
        run.exit(apachectl);
        readConfiguration(master);
        for (int worker : List.copyOf(workers)) {
            run.exit(worker);
        }
        workers.clear();
        run.exit(rotatelogs);
        run.exit(logShell);
        startLogger();
        int count = 3 + run.random().nextInt(3);
        for (int i = 0; i < count; i++) {
            startWorker();
        }
    }

    @Override
    public void attackEntry() {
        request(randomWorker());
    }

    @Override
    public int foothold() {
        return lastWorker;
    }

    /** Command injection in a worker: it runs the shell (as the master does for piped logs) and the entrypoint's rm. */
    @Override
    public void allowedShellAbuse() {
        int shell = run.spawn(lastWorker, SH, 33, "/bin/sh", "-c", "cat /etc/passwd; rm -f " + ROOT + "/logs/error_log");
        run.read(shell, "/etc/passwd");
        int rm = run.spawn(shell, "/bin/rm", 33, "rm", "-f", ROOT + "/logs/error_log");
        run.exit(rm);
        run.exit(shell);
    }

    /** The worker reads the TLS private key (read by the master at start) and sends it out over the proxy port. */
    @Override
    public void secretReadThenEgress() {
        run.read(lastWorker, ROOT + "/conf/server.key");
        run.read(lastWorker, ROOT + "/conf/extra/proxy-api.conf");
        run.connect(lastWorker, 8000, "10.244.7." + (2 + run.random().nextInt(250)));
    }

    /** Someone with exec access runs apachectl again and again, reading the key each time. */
    @Override
    public void maintenanceBurst() {
        for (int i = 0; i < 4; i++) {
            int apachectl = run.execIn(SH, 0, "/bin/sh", "/usr/local/apache2/bin/apachectl", "-t");
            int control = run.spawn(apachectl, HTTPD, 0, "httpd", "-t");
            run.read(control, ROOT + "/conf/server.key");
            run.read(control, "/etc/passwd");
            run.exit(control);
            run.exit(apachectl);
        }
    }

    /** A worker connects to port 8000 of many addresses: scanning for other API pods. */
    @Override
    public void allowedPortSweep() {
        for (int i = 0; i < 15; i++) {
            run.connect(lastWorker, 8000, "10.244." + run.random().nextInt(8) + "." + (2 + run.random().nextInt(250)));
        }
    }
}
