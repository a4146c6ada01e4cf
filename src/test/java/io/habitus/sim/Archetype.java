package io.habitus.sim;

import java.util.List;
import java.util.function.Function;

/**
 * A kind of image the simulator knows: its name in reports, the image name agents see, the
 * namespace its pods run in, and how one of its containers lives.
 */
public record Archetype(String name, String image, String namespace, String summary,
        Function<ContainerRun, Workload> workload) {

    public static final List<Archetype> ALL = List.of(
            new Archetype("web", "httpd:2.4.62", "web", "httpd-like web server: master, workers, piped logs, proxy",
                    WebServer::new),
            new Archetype("database", "postgres:16.4", "data", "PostgreSQL-like: backends, WAL archiving, probes, backups",
                    Database::new),
            new Archetype("api", "registry.example.com/shop/orders-api:3.2.1", "shop",
                    "Python gunicorn API: workers, DB/Redis/HTTPS, uploads via sh+convert", ApiService::new),
            new Archetype("batch", "registry.example.com/ops/reports-batch:1.8.0", "ops",
                    "cron-driven exports: sh, psql, gzip, aws s3; cleanup, logrotate", BatchJob::new),
            new Archetype("jvm", "registry.example.com/pay/ledger-service:5.4.0", "payments",
                    "Spring Boot on Temurin: pooled DB/Kafka, actuator, jcmd dumps", JvmService::new));

    public static Archetype named(String name) {
        return ALL.stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown archetype '" + name + "', known: "
                        + ALL.stream().map(Archetype::name).toList()));
    }
}
