package io.habitus.behavior;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.ingest.ContainerRef;
import io.habitus.ingest.EventType;
import io.habitus.ingest.FileInfo;
import io.habitus.ingest.ProcessInfo;
import io.habitus.ingest.RuntimeEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveStateTests {

    private static final Tokenizer TOKENIZER = new Tokenizer(GeneralisationProperties.defaults());
    private static final String DIGEST = "sha256:" + "cd".repeat(32);

    @Test
    void theOldestProcessesAndTokensAreForgottenBeyondTheBounds() {
        LiveState state = LiveState.empty(2, 3);
        for (int pid = 1; pid <= 4; pid++) {
            RuntimeEvent event = event(EventType.PROCESS_EXEC, pid, "/usr/bin/p" + pid, null);
            state.advance(event, TOKENIZER.tokenize(event), TOKENIZER.executable(event));
        }
        assertThat(state.processes()).containsOnlyKeys("3", "4");
        assertThat(state.recent()).hasSize(3).last().asString().startsWith("exec /usr/bin/p4");
    }

    @Test
    void aTransitionShowsTheStateBeforeAndAfterItsEvent() {
        LiveState state = LiveState.empty(10, 10);
        RuntimeEvent exec = event(EventType.PROCESS_EXEC, 7, "/usr/sbin/nginx", null);
        state.advance(exec, TOKENIZER.tokenize(exec), TOKENIZER.executable(exec));
        RuntimeEvent read = event(EventType.FILE_READ, 7, "/usr/sbin/nginx", "/proc/1234/stat");

        ObservedTransition transition = state.advance(read, TOKENIZER.tokenize(read), TOKENIZER.executable(read));

        assertThat(transition.before().recentTokens()).containsExactly("exec /usr/sbin/nginx <- /usr/sbin/nginx");
        assertThat(transition.after().recentTokens()).containsExactly("exec /usr/sbin/nginx <- /usr/sbin/nginx",
                "read /proc/*/stat");
        assertThat(transition.after().processes()).containsExactly("/usr/sbin/nginx");
    }

    private static RuntimeEvent event(EventType type, long pid, String exe, String path) {
        return new RuntimeEvent(Instant.parse("2026-11-28T10:00:00Z"), type,
                new ContainerRef("c1", null, DIGEST, "node-a", null, null, null),
                new ProcessInfo(pid, 1L, exe, List.of(), 0L, "/usr/sbin/nginx"),
                path == null ? null : new FileInfo(path), null, null);
    }
}
