package io.habitus.behavior;

import io.habitus.ingest.ContainerRef;
import io.habitus.ingest.EventType;
import io.habitus.ingest.FileInfo;
import io.habitus.ingest.NetworkInfo;
import io.habitus.ingest.ProcessInfo;
import io.habitus.ingest.RuntimeEvent;
import io.habitus.ingest.SyscallInfo;
import java.time.Instant;
import java.util.List;

/** Runtime events for tests, from one nginx container unless said otherwise. */
public final class Events {

    public static final String CONTAINER_ID = "3f9c2a7d5e1b" + "0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b";
    public static final String POD = "nginx-7d9f8b6c5-x2k9p";
    private static final ContainerRef CONTAINER = new ContainerRef(CONTAINER_ID, "nginx:1.27",
            "sha256:" + "ab".repeat(32), "node-a", "web", POD, "prod-eu");
    private static final Instant TIME = Instant.parse("2026-11-28T10:00:00Z");

    private Events() {}

    public static RuntimeEvent exec(String exe, String parentExe) {
        return event(EventType.PROCESS_EXEC, new ProcessInfo(42L, 1L, exe, List.of(exe), 101L, parentExe), null, null, null);
    }

    public static RuntimeEvent exit(String exe) {
        return event(EventType.PROCESS_EXIT, new ProcessInfo(42L, 1L, exe, List.of(), 101L, null), null, null, null);
    }

    public static RuntimeEvent read(String path) {
        return event(EventType.FILE_READ, nginx(), new FileInfo(path), null, null);
    }

    public static RuntimeEvent write(String path) {
        return event(EventType.FILE_WRITE, nginx(), new FileInfo(path), null, null);
    }

    public static RuntimeEvent network(EventType type, String protocol, int port) {
        return event(type, nginx(), null, new NetworkInfo(protocol, port, "10.0.0.7"), null);
    }

    public static RuntimeEvent syscall(String name, Integer nr) {
        return event(EventType.SYSCALL, nginx(), null, null, new SyscallInfo(name, nr));
    }

    public static RuntimeEvent event(EventType type, ProcessInfo process, FileInfo file, NetworkInfo network, SyscallInfo syscall) {
        return new RuntimeEvent(TIME, type, CONTAINER, process, file, network, syscall);
    }

    private static ProcessInfo nginx() {
        return new ProcessInfo(42L, 1L, "/usr/sbin/nginx", List.of("nginx"), 101L, "/usr/sbin/nginx");
    }
}
