package io.habitus.behavior.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.behavior.Actor;
import io.habitus.behavior.GeneralisationProperties;
import io.habitus.behavior.ObservedTransition;
import io.habitus.behavior.Tokenizer;
import io.habitus.ingest.ContainerRef;
import io.habitus.ingest.EventType;
import io.habitus.ingest.FileInfo;
import io.habitus.ingest.NetworkInfo;
import io.habitus.ingest.ProcessInfo;
import io.habitus.ingest.RuntimeEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveStateTests {

    private static final Tokenizer TOKENIZER = new Tokenizer(GeneralisationProperties.defaults());
    private static final String DIGEST = "sha256:" + "cd".repeat(32);
    private static final String HTTPD = "/usr/local/apache2/bin/httpd";

    @Test
    void theOldestProcessesAndTokensAreForgottenBeyondTheBounds() {
        LiveState state = LiveState.empty(2, 3, 2);
        for (int pid = 1; pid <= 4; pid++) {
            advance(state, event(EventType.PROCESS_EXEC, pid, "/usr/bin/p" + pid, null));
        }
        assertThat(state.processes()).containsOnlyKeys("3", "4");
        assertThat(state.histories()).containsOnlyKeys("3", "4");
        assertThat(state.recent()).hasSize(3).last().asString().startsWith("exec /usr/bin/p4");
    }

    @Test
    void aTransitionShowsTheStateBeforeAndAfterItsEvent() {
        LiveState state = LiveState.empty(10, 10, 2);
        advance(state, event(EventType.PROCESS_EXEC, 7, "/usr/sbin/nginx", null));

        ObservedTransition transition = advance(state, event(EventType.FILE_READ, 7, "/usr/sbin/nginx", "/proc/1234/stat"));

        assertThat(transition.before().recentTokens()).containsExactly("exec /usr/sbin/nginx <- /usr/sbin/nginx");
        assertThat(transition.after().recentTokens()).containsExactly("exec /usr/sbin/nginx <- /usr/sbin/nginx",
                "read /proc/*/stat");
        assertThat(transition.after().processes()).containsExactly("/usr/sbin/nginx");
        assertThat(transition.actor()).isEqualTo(new Actor("/usr/sbin/nginx <- /usr/sbin/nginx",
                List.of("exec /usr/sbin/nginx <- /usr/sbin/nginx")));
    }

    @Test
    void theActorIsTheProcessWithItsParentAndItsOwnTokensNotTheContainers() {
        LiveState state = LiveState.empty(10, 10, 2);
        advance(state, process(EventType.PROCESS_EXEC, 1, 0, HTTPD, null, null));
        advance(state, process(EventType.FILE_READ, 1, 0, HTTPD, null, "/usr/local/apache2/conf/server.key"));
        // A worker forked by the master (no exec), seen first through its own events.
        advance(state, network(EventType.NETWORK_ACCEPT, 12, 1, HTTPD, HTTPD, 80));
        advance(state, process(EventType.FILE_READ, 1, 0, HTTPD, null, "/usr/local/apache2/conf/httpd.conf"));

        ObservedTransition worker = advance(state,
                process(EventType.FILE_READ, 12, 1, HTTPD, HTTPD, "/usr/local/apache2/conf/server.key"));

        assertThat(worker.actor().process()).isEqualTo(HTTPD + " <- " + HTTPD);
        // Its own history: inherited from the master when first seen, then its accept, not the master's later read.
        assertThat(worker.actor().recentTokens()).containsExactly("read /usr/local/apache2/conf/server.key",
                "accept tcp/80");
        ObservedTransition master = advance(state, process(EventType.FILE_READ, 1, 0, HTTPD, null, "/etc/passwd"));
        assertThat(master.actor().process()).isEqualTo(HTTPD + " <- ?");
        assertThat(master.actor().recentTokens()).containsExactly("read /usr/local/apache2/conf/server.key",
                "read /usr/local/apache2/conf/httpd.conf");
    }

    @Test
    void aProcessKeepsTheParentItStartedWithAndAnExecInPlaceKeepsItsTokens() {
        LiveState state = LiveState.empty(10, 10, 2);
        advance(state, process(EventType.PROCESS_EXEC, 1, 0, "/bin/sh", null, null));
        advance(state, process(EventType.PROCESS_EXEC, 1, 0, HTTPD, null, null));
        // No parentExe on the event: the parent is the live process of its ppid.
        ObservedTransition forked = advance(state, process(EventType.FILE_READ, 9, 1, HTTPD, null, "/etc/group"));
        // Later events naming another parent (reparented to init) do not change who it is.
        ObservedTransition later = advance(state, process(EventType.FILE_READ, 9, 1, HTTPD, "/sbin/tini", "/etc/group"));

        assertThat(forked.actor().process()).isEqualTo(HTTPD + " <- " + HTTPD);
        assertThat(forked.actor().recentTokens()).containsExactly("exec /bin/sh <- ?", "exec " + HTTPD + " <- ?");
        assertThat(later.actor().process()).isEqualTo(HTTPD + " <- " + HTTPD);
        assertThat(later.actor().recentTokens()).containsExactly("exec " + HTTPD + " <- ?", "read /etc/group");
    }

    @Test
    void anExitEndsTheProcessHistoryAndAStateWithoutHistoriesStillResumes() {
        LiveState state = new LiveState(Map.of("1", HTTPD), Map.of(), List.of("listen tcp/80"), 1, null, 10, 10, 2);
        ObservedTransition read = advance(state, process(EventType.FILE_READ, 1, 0, HTTPD, null, "/etc/passwd"));
        assertThat(read.actor()).isEqualTo(new Actor(HTTPD + " <- ?", List.of()));

        ObservedTransition exit = advance(state, process(EventType.PROCESS_EXIT, 1, 0, HTTPD, null, null));

        assertThat(exit.actor().recentTokens()).containsExactly("read /etc/passwd");
        assertThat(state.histories()).isEmpty();
        assertThat(state.processes()).isEmpty();
    }

    private static ObservedTransition advance(LiveState state, RuntimeEvent event) {
        return state.advance(event, TOKENIZER.tokenize(event), TOKENIZER.executable(event),
                TOKENIZER.parentExecutable(event));
    }

    private static RuntimeEvent event(EventType type, long pid, String exe, String path) {
        return new RuntimeEvent(Instant.parse("2026-11-28T10:00:00Z"), type,
                new ContainerRef("c1", null, DIGEST, "node-a", null, null, null),
                new ProcessInfo(pid, 1L, exe, List.of(), 0L, "/usr/sbin/nginx"),
                path == null ? null : new FileInfo(path), null, null);
    }

    private static RuntimeEvent process(EventType type, long pid, long ppid, String exe, String parentExe, String path) {
        return new RuntimeEvent(Instant.parse("2026-11-28T10:00:00Z"), type,
                new ContainerRef("c1", null, DIGEST, "node-a", null, null, null),
                new ProcessInfo(pid, ppid, exe, List.of(), 0L, parentExe),
                path == null ? null : new FileInfo(path), null, null);
    }

    private static RuntimeEvent network(EventType type, long pid, long ppid, String exe, String parentExe, int port) {
        return new RuntimeEvent(Instant.parse("2026-11-28T10:00:00Z"), type,
                new ContainerRef("c1", null, DIGEST, "node-a", null, null, null),
                new ProcessInfo(pid, ppid, exe, List.of(), 0L, parentExe), null,
                new NetworkInfo("tcp", port, "10.0.0.1"), null);
    }
}
