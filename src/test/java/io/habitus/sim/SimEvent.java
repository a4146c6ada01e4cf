package io.habitus.sim;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One runtime event as an agent reports it (the ingest schema of docs: PRODUCT.md), with the
 * sections its type needs. {@link #toJson()} gives the wire form.
 */
public record SimEvent(Instant time, String type, ContainerInfo container, int pid, int ppid, String exe,
        List<String> args, int uid, String parentExe, String filePath, String protocol, Integer port,
        String address, String syscall) {

    public Map<String, Object> toJson() {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("time", time.toString());
        event.put("type", type);
        event.put("container", container.toJson());
        Map<String, Object> process = new LinkedHashMap<>();
        process.put("pid", pid);
        process.put("ppid", ppid);
        process.put("exe", exe);
        if (args != null) {
            process.put("args", args);
        }
        process.put("uid", uid);
        if (parentExe != null) {
            process.put("parentExe", parentExe);
        }
        event.put("process", process);
        if (filePath != null) {
            event.put("file", Map.of("path", filePath));
        }
        if (protocol != null) {
            Map<String, Object> network = new LinkedHashMap<>();
            network.put("protocol", protocol);
            network.put("port", port);
            if (address != null) {
                network.put("address", address);
            }
            event.put("network", network);
        }
        if (syscall != null) {
            event.put("syscall", Map.of("name", syscall));
        }
        return event;
    }

    /** A short human-readable form, close to the token Habitus derives (before generalisation). */
    public String describe() {
        return switch (type) {
            case "process.exec" -> "exec " + exe + " <- " + (parentExe == null ? "?" : parentExe);
            case "process.exit" -> "exit " + exe;
            case "file.read" -> "read " + filePath;
            case "file.write" -> "write " + filePath;
            case "network.connect" -> "connect " + protocol + "/" + port + " " + address;
            case "network.listen" -> "listen " + protocol + "/" + port;
            case "network.accept" -> "accept " + protocol + "/" + port + " " + address;
            default -> "syscall " + syscall;
        };
    }
}
