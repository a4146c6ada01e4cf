package io.habitus.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * A simulated cluster: a handful of images with the files, ports and children they really use,
 * and containers of them spread over nodes. Ingest cost depends on the shape of the data (how many
 * distinct images and containers a batch upserts into the catalogue, how long paths and argument
 * lists are), so the benchmark sends what a real node agent would, not one event repeated.
 */
final class Fleet {

    /** What a program in an image does; {@code %d} in a path stands for a pid or a counter. */
    record Image(String name, String digest, String namespace, String exe, List<String> args, long uid,
            List<String> reads, List<String> writes, List<Integer> listens, List<String> connects,
            List<String> children) {

        Image withDigest(String digest) {
            return new Image(name, digest, namespace, exe, args, uid, reads, writes, listens, connects, children);
        }
    }

    /** One running container; {@code pids} are its long-lived processes (host pid namespace). */
    record Container(String id, Image image, String node, String pod, List<Long> pids) {}

    static final String CLUSTER = "prod-eu";

    final List<String> nodes;
    final List<Image> images;
    final List<Container> containers;

    private Fleet(List<String> nodes, List<Image> images, List<Container> containers) {
        this.nodes = nodes;
        this.images = images;
        this.containers = containers;
    }

    List<Container> on(String node) {
        return containers.stream().filter(c -> c.node().equals(node)).toList();
    }

    /**
     * Eight nodes, seven images, five to seven containers per node. The images' digests depend on
     * {@code name}: two fleets of one run must not share images, or the one meant to be learning
     * is judged by the other's profiles.
     */
    static Fleet generate(String name, Random random) {
        return generate(name, 8, random);
    }

    /** The same fleet on {@code nodeCount} nodes: eight are node-a … node-h, as {@link #generate(String, Random)} makes. */
    static Fleet generate(String name, int nodeCount, Random random) {
        List<String> nodes = new ArrayList<>();
        for (int n = 0; n < nodeCount; n++) {
            nodes.add(n < 26 ? "node-" + (char) ('a' + n) : "node-%04d".formatted(n));
        }
        List<Image> images = images(name);
        List<Container> containers = new ArrayList<>();
        for (String node : nodes) {
            int count = 5 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                Image image = images.get(random.nextInt(images.size()));
                String app = image.name().replaceAll("^.*/|:.*$", "");
                String pod = app + "-" + hex(random, 10) + "-" + hex(random, 5);
                long main = 2_000 + random.nextInt(60_000);
                List<Long> pids = List.of(main, main + 1 + random.nextInt(40), main + 41 + random.nextInt(40));
                containers.add(new Container(hex(random, 64), image, node, pod, pids));
            }
        }
        return new Fleet(nodes, images, containers);
    }

    /**
     * One image ({@code imageName}, one of {@link #generate}'s seven) with {@code containers}
     * containers, {@code perNode} to a node: a single deployment scaled out across a cluster. The
     * digest depends on {@code name}, so that every run and size learns an image of its own.
     */
    static Fleet ofOneImage(String name, String imageName, int containers, int perNode, Random random) {
        Image image = images(name).stream().filter(i -> i.name().equals(imageName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no image " + imageName + " in the fleet"));
        String app = image.name().replaceAll("^.*/|:.*$", "");
        List<String> nodes = new ArrayList<>();
        List<Container> running = new ArrayList<>();
        for (int i = 0; i < containers; i++) {
            if (i % perNode == 0) {
                nodes.add("node-%04d".formatted(nodes.size()));
            }
            long main = 2_000 + random.nextInt(60_000);
            List<Long> pids = List.of(main, main + 1 + random.nextInt(40), main + 41 + random.nextInt(40));
            running.add(new Container(hex(random, 64), image, nodes.getLast(),
                    app + "-" + hex(random, 10) + "-" + hex(random, 5), pids));
        }
        return new Fleet(List.copyOf(nodes), List.of(image), running);
    }

    private static List<Image> images(String fleet) {
        return List.of(
                image("nginx:1.27", "web", "/usr/sbin/nginx", List.of("nginx", "-g", "daemon off;"), 101,
                        List.of("/etc/nginx/nginx.conf", "/etc/nginx/conf.d/default.conf", "/usr/share/nginx/html/index.html",
                                "/usr/share/nginx/html/static/app.%d.js", "/proc/%d/stat", "/etc/ssl/certs/ca-certificates.crt"),
                        List.of("/var/log/nginx/access.log", "/var/cache/nginx/client_temp/%d"),
                        List.of(80, 443), List.of("tcp/8080/10.42.3.17", "tcp/8080/10.42.5.22", "udp/53/10.43.0.10"),
                        List.of("/bin/sh")),
                image("postgres:16.4", "data", "/usr/lib/postgresql/16/bin/postgres", List.of("postgres", "-D", "/var/lib/postgresql/data"), 999,
                        List.of("/var/lib/postgresql/data/base/16384/%d", "/var/lib/postgresql/data/global/pg_control",
                                "/proc/%d/stat", "/etc/localtime"),
                        List.of("/var/lib/postgresql/data/pg_wal/00000001000000000000%d", "/var/lib/postgresql/data/base/16384/%d"),
                        List.of(5432), List.of("udp/53/10.43.0.10"), List.of("/usr/lib/postgresql/16/bin/postgres")),
                image("redis:7.2", "data", "/usr/local/bin/redis-server", List.of("redis-server", "*:6379"), 999,
                        List.of("/data/appendonly.aof", "/proc/%d/stat", "/sys/kernel/mm/transparent_hugepage/enabled"),
                        List.of("/data/appendonly.aof", "/data/temp-%d.rdb"),
                        List.of(6379), List.of(), List.of()),
                image("registry.example.com/shop/checkout:3.4.1", "shop", "/usr/local/bin/python3.12",
                        List.of("python3", "-m", "gunicorn", "checkout.wsgi", "--workers", "4"), 1000,
                        List.of("/app/checkout/views.py", "/app/checkout/models.py", "/usr/local/lib/python3.12/json/decoder.py",
                                "/usr/local/lib/python3.12/site-packages/django/db/models/query.py", "/proc/%d/status",
                                "/tmp/tmp%dwheel/metadata.json", "/etc/hosts"),
                        List.of("/tmp/tmp%d.upload", "/app/logs/checkout.log"),
                        List.of(8000), List.of("tcp/5432/10.42.1.9", "tcp/6379/10.42.2.14", "tcp/443/52.28.14.201", "udp/53/10.43.0.10"),
                        List.of("/bin/sh", "/usr/bin/curl")),
                image("registry.example.com/shop/orders:2.8.0", "shop", "/opt/java/openjdk/bin/java",
                        List.of("java", "-XX:MaxRAMPercentage=75", "-jar", "/app/orders.jar"), 1000,
                        List.of("/app/orders.jar", "/opt/java/openjdk/lib/modules", "/sys/fs/cgroup/cpu.max",
                                "/proc/%d/stat", "/proc/self/mountinfo", "/app/config/application.yaml"),
                        List.of("/tmp/hsperfdata_app/%d", "/app/logs/orders.log"),
                        List.of(8080, 9090), List.of("tcp/5432/10.42.1.9", "tcp/9092/10.42.7.3", "tcp/9092/10.42.7.4"),
                        List.of("/bin/sh")),
                image("envoyproxy/envoy:v1.31.2", "mesh", "/usr/local/bin/envoy", List.of("envoy", "-c", "/etc/envoy/envoy.yaml"), 101,
                        List.of("/etc/envoy/envoy.yaml", "/etc/envoy/certs/tls.crt", "/proc/%d/stat"),
                        List.of("/dev/stdout"),
                        List.of(8443, 9901), List.of("tcp/8080/10.42.3.17", "tcp/8000/10.42.4.8", "tcp/15012/10.43.12.5"),
                        List.of()),
                image("fluent/fluent-bit:3.1", "logging", "/fluent-bit/bin/fluent-bit", List.of("fluent-bit", "-c", "/fluent-bit/etc/fluent-bit.conf"), 0,
                        List.of("/var/log/containers/app-%d_shop_app.log", "/var/log/pods/shop_app-%d/app/0.log", "/fluent-bit/etc/fluent-bit.conf"),
                        List.of("/fluent-bit/db/tail.db", "/fluent-bit/db/tail.db-wal"),
                        List.of(2020), List.of("tcp/24224/10.42.9.2"), List.of()))
                .stream().map(image -> image.withDigest(digest(fleet + "/" + image.name()))).toList();
    }

    private static Image image(String name, String namespace, String exe, List<String> args, long uid, List<String> reads,
            List<String> writes, List<Integer> listens, List<String> connects, List<String> children) {
        return new Image(name, digest(name), namespace, exe, args, uid, reads, writes, listens, connects, children);
    }

    /** A stable, valid-looking digest per image name. */
    private static String digest(String name) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static String hex(Random random, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(Character.forDigit(random.nextInt(16), 16));
        }
        return out.toString();
    }
}
