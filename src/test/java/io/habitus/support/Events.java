package io.habitus.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Builds event batches as agents send them, with fresh digests and ids so tests never collide. */
public final class Events {

    private Events() {}

    public static String newDigest() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return "sha256:" + HexFormat.of().formatHex(bytes);
    }

    public static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    public static Map<String, Object> exec(String digest, String containerId, String node, String exe) {
        Map<String, Object> event = base("process.exec", digest, containerId, node, exe);
        return event;
    }

    public static Map<String, Object> fileRead(String digest, String containerId, String node, String path) {
        Map<String, Object> event = base("file.read", digest, containerId, node, "/usr/sbin/nginx");
        event.put("file", Map.of("path", path));
        return event;
    }

    public static Map<String, Object> connect(String digest, String containerId, String node, int port) {
        Map<String, Object> event = base("network.connect", digest, containerId, node, "/usr/sbin/nginx");
        event.put("network", Map.of("protocol", "tcp", "port", port, "address", "10.0.0.7"));
        return event;
    }

    public static Map<String, Object> syscall(String digest, String containerId, String node, String name) {
        Map<String, Object> event = base("syscall", digest, containerId, node, "/usr/sbin/nginx");
        event.put("syscall", Map.of("name", name));
        return event;
    }

    /** A realistic mix of event types, {@code count} of them, for one container. */
    public static List<Map<String, Object>> mixed(String digest, String containerId, String node, int count) {
        List<Map<String, Object>> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(switch (i % 4) {
                case 0 -> exec(digest, containerId, node, "/usr/sbin/nginx");
                case 1 -> fileRead(digest, containerId, node, "/proc/" + (1000 + i) + "/status");
                case 2 -> connect(digest, containerId, node, 5432);
                default -> syscall(digest, containerId, node, "openat");
            });
        }
        return events;
    }

    public static Map<String, Object> batch(String batchId, List<Map<String, Object>> events) {
        Map<String, Object> batch = new LinkedHashMap<>();
        batch.put("batchId", batchId);
        batch.put("agent", Map.of("id", "node-a", "version", "1.4.2", "sequence", 7, "dropped", 0));
        batch.put("events", events);
        return batch;
    }

    private static Map<String, Object> base(String type, String digest, String containerId, String node, String exe) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("time", Instant.now().toString());
        event.put("type", type);
        Map<String, Object> container = new LinkedHashMap<>();
        container.put("id", containerId);
        container.put("image", "nginx:1.27");
        container.put("imageDigest", digest);
        container.put("node", node);
        container.put("namespace", "web");
        container.put("pod", "nginx-7d9f");
        container.put("cluster", "prod-eu");
        event.put("container", container);
        Map<String, Object> process = new LinkedHashMap<>();
        process.put("pid", 42);
        process.put("ppid", 1);
        process.put("exe", exe);
        process.put("args", List.of(exe.substring(exe.lastIndexOf('/') + 1)));
        process.put("uid", 101);
        process.put("parentExe", "/usr/sbin/nginx");
        event.put("process", process);
        return event;
    }
}
