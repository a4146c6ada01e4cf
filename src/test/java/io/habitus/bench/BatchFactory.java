package io.habitus.bench;

import io.habitus.bench.Fleet.Container;
import io.habitus.bench.Fleet.Image;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the batches of a run. Each batch comes from one node's agent and mixes that node's
 * containers. The mix of event types follows what eBPF agents report on busy service pods: mostly
 * file reads and syscalls, some writes and connections, few process starts and exits. Paths carry
 * pids, counters and temp names, as real ones do.
 */
final class BatchFactory {

    private enum Kind { FILE_READ, SYSCALL, FILE_WRITE, NETWORK_CONNECT, NETWORK_ACCEPT, PROCESS_EXEC, PROCESS_EXIT, NETWORK_LISTEN }

    /** Percent of events per kind, in {@link Kind} order. */
    private static final int[] WEIGHTS = {35, 30, 10, 8, 7, 4, 4, 2};

    private record Syscall(String name, int nr) {}

    private static final List<Syscall> SYSCALLS = List.of(
            new Syscall("read", 0), new Syscall("write", 1), new Syscall("close", 3), new Syscall("mmap", 9),
            new Syscall("futex", 202), new Syscall("epoll_wait", 232), new Syscall("openat", 257),
            new Syscall("clone3", 435), new Syscall("accept4", 288), new Syscall("sendto", 44),
            new Syscall("recvfrom", 45), new Syscall("getdents64", 217), new Syscall("setsockopt", 54));

    /** What an intruder runs: binaries no image of the fleet ever starts, so each exec breaks its profile. */
    private static final List<String> INTRUDERS = List.of("ncat", "socat", "nmap", "xmrig", "chisel");

    private final Fleet fleet;
    private final Random random;
    private final double deviations;
    private final JsonMapper json = JsonMapper.builder().build();

    BatchFactory(Fleet fleet, Random random) {
        this(fleet, random, 0);
    }

    /** {@code deviations}: the share of events replaced by an intruder's exec (a VIOLATION once the image is judged). */
    BatchFactory(Fleet fleet, Random random, double deviations) {
        this.fleet = fleet;
        this.random = random;
        this.deviations = deviations;
    }

    /**
     * {@code count} batches of {@code size} events, nodes taking turns. Event times lie between 50
     * and 10 minutes ago: inside the service's clock-skew and retention checks for the whole run.
     */
    List<PreparedBatch> build(int count, int size, Instant now) {
        List<PreparedBatch> batches = new ArrayList<>(count);
        Instant first = now.minus(Duration.ofMinutes(50));
        long spanMillis = Duration.ofMinutes(40).toMillis();
        for (int b = 0; b < count; b++) {
            String node = fleet.nodes.get(b % fleet.nodes.size());
            Instant start = first.plusMillis(spanMillis * b / count);
            batches.add(batch(node, fleet.on(node), size, start));
        }
        return batches;
    }

    /** One batch of {@code size} events from {@code node}'s agent, starting now: for runs that send each batch once. */
    PreparedBatch batch(String node, int size) {
        return batch(node, fleet.on(node), size, Instant.now());
    }

    private PreparedBatch batch(String node, List<Container> containers, int size, Instant start) {
        java.io.ByteArrayOutputStream events = new java.io.ByteArrayOutputStream(size * 600);
        events.write('[');
        byte[][] heads = new byte[size][];
        byte[][] tails = new byte[size][];
        int[] jsonTimeAt = new int[size];
        int[] tailTimeAt = new int[size];
        long[] micros = new long[size];
        long rawBytes = 0;
        Instant time = start;
        for (int i = 0; i < size; i++) {
            time = time.plusMillis(random.nextInt(5)).plusNanos(random.nextInt(1_000) * 1_000L);
            micros[i] = Duration.between(start, time).toNanos() / 1_000;
            Container container = containers.get(random.nextInt(containers.size()));
            ObjectNode event = deviations > 0 && random.nextDouble() < deviations ? intruder(container, time)
                    : event(kind(), container, time);
            String payload = json.writeValueAsString(event);
            byte[] payloadBytes = payload.getBytes(StandardCharsets.UTF_8);
            if (i > 0) {
                events.write(',');
            }
            jsonTimeAt[i] = events.size() + PreparedBatch.timeAt(payloadBytes);
            events.writeBytes(payloadBytes);
            String eventTime = PreparedBatch.time(time);
            heads[i] = (eventTime + "\t").getBytes(StandardCharsets.UTF_8);
            tails[i] = ("\t" + i + "\t" + event.get("type").stringValue() + "\t" + container.image().digest() + "\t"
                    + container.id() + "\t" + PreparedBatch.escape(container.node()) + "\t"
                    + PreparedBatch.escape(payload) + "\n").getBytes(StandardCharsets.UTF_8);
            tailTimeAt[i] = PreparedBatch.timeAt(tails[i]);
            rawBytes += heads[i].length + tails[i].length;
        }
        events.write(']');
        return new PreparedBatch(node, size, events.toByteArray(), rawBytes, heads, tails, jsonTimeAt, tailTimeAt, micros);
    }

    private Kind kind() {
        int roll = random.nextInt(100);
        for (int k = 0; k < WEIGHTS.length; k++) {
            roll -= WEIGHTS[k];
            if (roll < 0) {
                return Kind.values()[k];
            }
        }
        return Kind.SYSCALL;
    }

    private ObjectNode event(Kind kind, Container container, Instant time) {
        Image image = container.image();
        ObjectNode event = json.createObjectNode();
        event.put("time", PreparedBatch.time(time));
        event.put("type", switch (kind) {
            case FILE_READ -> "file.read";
            case FILE_WRITE -> "file.write";
            case SYSCALL -> "syscall";
            case NETWORK_CONNECT -> "network.connect";
            case NETWORK_ACCEPT -> "network.accept";
            case NETWORK_LISTEN -> "network.listen";
            case PROCESS_EXEC -> "process.exec";
            case PROCESS_EXIT -> "process.exit";
        });
        ObjectNode c = event.putObject("container");
        c.put("id", container.id());
        c.put("image", image.name());
        c.put("imageDigest", image.digest());
        c.put("node", container.node());
        c.put("namespace", image.namespace());
        c.put("pod", container.pod());
        c.put("cluster", Fleet.CLUSTER);
        long pid = container.pids().get(random.nextInt(container.pids().size()));
        boolean child = (kind == Kind.PROCESS_EXEC || kind == Kind.PROCESS_EXIT) && !image.children().isEmpty();
        ObjectNode process = event.putObject("process");
        if (child) {
            String exe = image.children().get(random.nextInt(image.children().size()));
            process.put("pid", pid + 100 + random.nextInt(5_000));
            process.put("ppid", pid);
            process.put("exe", exe);
            ArrayNode args = process.putArray("args");
            args.add(exe.substring(exe.lastIndexOf('/') + 1));
            args.add(exe.endsWith("sh") ? "-c" : "-fsS");
            args.add(exe.endsWith("sh") ? "test -f /tmp/healthy-" + random.nextInt(100) : "http://127.0.0.1:8000/healthz");
            process.put("uid", image.uid());
            process.put("parentExe", image.exe());
        } else {
            process.put("pid", pid);
            process.put("ppid", pid == container.pids().getFirst() ? 1 : container.pids().getFirst());
            process.put("exe", image.exe());
            ArrayNode args = process.putArray("args");
            image.args().forEach(args::add);
            process.put("uid", image.uid());
            process.put("parentExe", pid == container.pids().getFirst() ? "/usr/bin/containerd-shim-runc-v2" : image.exe());
        }
        switch (kind) {
            case FILE_READ -> event.putObject("file").put("path", path(image.reads(), pid));
            case FILE_WRITE -> event.putObject("file").put("path", path(image.writes(), pid));
            case NETWORK_CONNECT -> network(event, image.connects().isEmpty() ? null
                    : image.connects().get(random.nextInt(image.connects().size())), image);
            case NETWORK_ACCEPT, NETWORK_LISTEN -> network(event, null, image);
            case SYSCALL -> syscall(event.putObject("syscall"));
            case PROCESS_EXEC, PROCESS_EXIT -> { }
        }
        return event;
    }

    private ObjectNode intruder(Container container, Instant time) {
        ObjectNode event = event(Kind.PROCESS_EXIT, container, time);
        event.put("type", "process.exec");
        String exe = "/tmp/.x/" + INTRUDERS.get(random.nextInt(INTRUDERS.size()));
        ObjectNode process = (ObjectNode) event.get("process");
        process.put("pid", 60_000 + random.nextInt(5_000));
        process.put("exe", exe);
        process.putArray("args").add(exe.substring(exe.lastIndexOf('/') + 1));
        process.put("parentExe", container.image().exe());
        return event;
    }

    private String path(List<String> patterns, long pid) {
        String pattern = patterns.get(random.nextInt(patterns.size()));
        // Half the numbered paths name the process itself (/proc/<pid>/stat), the rest a counter.
        return pattern.contains("%d") ? pattern.formatted(random.nextBoolean() ? pid : random.nextInt(90_000)) : pattern;
    }

    /** {@code target} is "protocol/port/address" for a connect; accepts and listens use the image's own ports. */
    private void network(ObjectNode event, String target, Image image) {
        ObjectNode network = event.putObject("network");
        if (target != null) {
            String[] parts = target.split("/");
            network.put("protocol", parts[0]);
            network.put("port", Integer.parseInt(parts[1]));
            network.put("address", parts[2]);
        } else {
            network.put("protocol", "tcp");
            network.put("port", image.listens().isEmpty() ? 8080 : image.listens().get(random.nextInt(image.listens().size())));
            network.put("address", "10.42." + random.nextInt(16) + "." + (2 + random.nextInt(250)));
        }
    }

    /** Mostly name and number; some tracers give only the number, a few only the name. */
    private void syscall(ObjectNode syscall) {
        Syscall s = SYSCALLS.get(random.nextInt(SYSCALLS.size()));
        int roll = random.nextInt(20);
        if (roll != 0) {
            syscall.put("name", s.name());
        }
        if (roll != 1) {
            syscall.put("nr", s.nr());
        }
    }
}
