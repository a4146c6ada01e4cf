package io.habitus.model;

import io.habitus.model.internal.SparseVector;
import io.habitus.model.internal.TransitionEncoder;
import io.habitus.model.internal.WeightedVector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * A simulated nginx container. Requests are {@code accept tcp/80 → read /var/www/* → write
 * access.log} with some variety; now and then cron runs logrotate, after which nginx runs
 * {@code /bin/sh} to reopen its logs. {@code /bin/sh <- /usr/sbin/nginx} is therefore normal, but
 * only in that moment.
 */
final class WebServer {

    static final String NGINX = "/usr/sbin/nginx";
    static final String SHELL_FROM_NGINX = "exec /bin/sh <- /usr/sbin/nginx";

    private final Random random;
    private final TreeSet<String> processes = new TreeSet<>(List.of("/usr/sbin/cron", NGINX));
    private final List<String> recent = new ArrayList<>();
    private final List<Transition> transitions = new ArrayList<>();

    WebServer(long seed) {
        this.random = new Random(seed);
    }

    List<Transition> run(int requests) {
        for (int i = 0; i < requests; i++) {
            request();
            if (random.nextInt(40) == 0) {
                rotateLogs();
            }
            if (random.nextInt(150) == 0) {
                event("exec /usr/sbin/nginx <- /usr/sbin/nginx", null, null);
            }
        }
        return transitions;
    }

    /** Normal traffic for a while, then the attack: right after accepting a connection, nginx starts a shell. */
    Transition attackAfter(int requests) {
        return afterAccept(requests, SHELL_FROM_NGINX, "/bin/sh");
    }

    /** Normal traffic for a while, then {@code token} right after accepting a connection. */
    Transition afterAccept(int requests, String token, String started) {
        run(requests);
        request();
        request();
        event("accept tcp/80", null, null);
        return event(token, started, null);
    }

    private void request() {
        event("accept tcp/80", null, null);
        int kind = random.nextInt(10);
        if (kind < 6) {
            event("read /var/www/*", null, null);
        } else if (kind < 8) {
            event("connect tcp/5432", null, null);
            event("read /var/www/*", null, null);
        } else if (kind < 9) {
            event("read /etc/nginx/*", null, null);
            event("read /var/www/*", null, null);
        } else {
            event("read /var/www/*", null, null);
            event("write /var/log/nginx/error.log", null, null);
        }
        event("write /var/log/nginx/access.log", null, null);
    }

    private void rotateLogs() {
        event("exec /usr/sbin/logrotate <- /usr/sbin/cron", "/usr/sbin/logrotate", null);
        event("read /etc/logrotate.conf", null, null);
        event("write /var/log/nginx/access.log.1", null, null);
        event(SHELL_FROM_NGINX, "/bin/sh", null);
        event("syscall kill", null, null);
        event("exit /bin/sh", null, "/bin/sh");
        event("exit /usr/sbin/logrotate", null, "/usr/sbin/logrotate");
    }

    private Transition event(String token, String started, String ended) {
        ContainerState before = ContainerState.of(processes, recent);
        if (started != null) {
            processes.add(started);
        }
        if (ended != null) {
            processes.remove(ended);
        }
        recent.add(token);
        if (recent.size() > 16) {
            recent.removeFirst();
        }
        Transition transition = new Transition(before, token, ContainerState.of(processes, recent));
        transitions.add(transition);
        return transition;
    }

    /** Encodes and collapses transitions into a training sample, counting duplicates. */
    static List<WeightedVector> sample(TransitionEncoder encoder, List<Transition> transitions) {
        Map<SparseVector, Long> counts = new LinkedHashMap<>();
        for (Transition transition : transitions) {
            counts.merge(encoder.encode(transition), 1L, Long::sum);
        }
        return counts.entrySet().stream().map(e -> new WeightedVector(e.getKey(), e.getValue())).toList();
    }
}
