package io.habitus.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Events of a simulated nginx container for API-level tests: rounds of accept → read page → write
 * log, and every sixth round logrotate runs a shell (so {@code exec /bin/sh <- /usr/sbin/nginx} is
 * allowed, but normal only in that moment).
 */
public final class NginxTraffic {

    public static final String NGINX = "/usr/sbin/nginx";

    private NginxTraffic() {}

    public static List<Map<String, Object>> rounds(String digest, String container, Instant start, int rounds) {
        List<Map<String, Object>> events = new ArrayList<>();
        Instant t = start;
        events.add(exec(digest, container, NGINX, "/sbin/init", 1, t));
        for (int round = 0; round < rounds; round++) {
            events.add(network(digest, container, "network.accept", 80, t = t.plusSeconds(1)));
            events.add(file(digest, container, "file.read", "/var/www/index.html", t = t.plusSeconds(1)));
            events.add(file(digest, container, "file.write", "/var/log/nginx/access.log", t = t.plusSeconds(1)));
            if (round % 6 == 5) {
                events.add(exec(digest, container, "/usr/sbin/logrotate", NGINX, 50, t = t.plusSeconds(1)));
                events.add(file(digest, container, "file.read", "/etc/logrotate.conf", t = t.plusSeconds(1)));
                events.add(exec(digest, container, "/bin/sh", NGINX, 51, t = t.plusSeconds(1)));
                events.add(exit(digest, container, "/bin/sh", 51, t = t.plusSeconds(1)));
                events.add(exit(digest, container, "/usr/sbin/logrotate", 50, t = t.plusSeconds(1)));
            }
        }
        return events;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> exec(String digest, String container, String exe, String parent, long pid, Instant t) {
        Map<String, Object> event = Events.exec(digest, container, "node-a", exe);
        event.put("time", t.toString());
        Map<String, Object> process = new LinkedHashMap<>((Map<String, Object>) event.get("process"));
        process.put("pid", pid);
        process.put("parentExe", parent);
        event.put("process", process);
        return event;
    }

    public static Map<String, Object> exit(String digest, String container, String exe, long pid, Instant t) {
        Map<String, Object> event = exec(digest, container, exe, NGINX, pid, t);
        event.put("type", "process.exit");
        return event;
    }

    public static Map<String, Object> file(String digest, String container, String type, String path, Instant t) {
        Map<String, Object> event = Events.fileRead(digest, container, "node-a", path);
        event.put("type", type);
        event.put("time", t.toString());
        return event;
    }

    public static Map<String, Object> network(String digest, String container, String type, int port, Instant t) {
        Map<String, Object> event = Events.connect(digest, container, "node-a", port);
        event.put("type", type);
        event.put("time", t.toString());
        return event;
    }
}
