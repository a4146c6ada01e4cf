package io.habitus.behavior;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.habitus.behavior.internal.TrackedState;
import io.habitus.ingest.ContainerRef;
import io.habitus.ingest.EventType;
import io.habitus.ingest.FileInfo;
import io.habitus.ingest.ProcessInfo;
import io.habitus.ingest.RuntimeEvent;
import io.habitus.shared.NotFoundException;
import io.habitus.support.Events;
import io.habitus.support.ModuleIntegrationTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Container state bootstrapped with the modules it depends on (ingest, image) against PostgreSQL:
 * states advance across transactions, what-if previews leave them untouched.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "shared")
class BehaviorModuleTests extends ModuleIntegrationTest {

    private static final Instant T0 = Instant.now().minusSeconds(60);

    @Autowired
    ContainerStates states;

    @Autowired
    TransitionPreview preview;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void aContainersStateAdvancesEventByEventAndIsKeptAcrossBatches() {
        Container c = new Container();
        List<ObservedTransition> first = advance(c.exec(100, 1, "/usr/sbin/nginx", null, 0), c.read(100, "/etc/nginx/nginx.conf", 1));
        List<ObservedTransition> second = advance(c.exec(200, 100, "/bin/sh", "/usr/sbin/nginx", 2));

        assertThat(first.getFirst().before().processes()).isEmpty();
        assertThat(first.getLast().tokens().token().text()).isEqualTo("read /etc/nginx/nginx.conf");
        ObservedTransition shell = second.getFirst();
        assertThat(shell.before().processes()).containsExactly("/usr/sbin/nginx");
        assertThat(shell.before().recentTokens()).endsWith("read /etc/nginx/nginx.conf");
        assertThat(shell.after().processes()).containsExactlyInAnyOrder("/usr/sbin/nginx", "/bin/sh");
        assertThat(shell.actor().process()).isEqualTo("/bin/sh <- /usr/sbin/nginx");

        TrackedState tracked = states.find(c.id);
        assertThat(tracked.events()).isEqualTo(3);
        assertThat(tracked.processes()).containsEntry("100", "/usr/sbin/nginx").containsEntry("200", "/bin/sh");
        assertThat(tracked.recentTokens()).last().isEqualTo("exec /bin/sh <- /usr/sbin/nginx");
    }

    @Test
    void aPreviewJudgesFromTheTrackedStateWithoutChangingIt() {
        Container c = new Container();
        advance(c.exec(100, 1, "/usr/sbin/nginx", null, 0));

        List<ObservedTransition> whatIf = preview.fromTrackedStates(new ArrayList<>(List.of(c.exec(300, 100, "/bin/sh", "/usr/sbin/nginx", 5))));

        assertThat(whatIf).singleElement().satisfies(t -> assertThat(t.before().processes()).containsExactly("/usr/sbin/nginx"));
        assertThat(states.find(c.id).events()).isEqualTo(1);
        assertThat(states.find(c.id).processes()).doesNotContainKey("300");
    }

    @Test
    void anUnknownContainerHasNoTrackedState() {
        assertThatThrownBy(() -> states.find(Events.newId("never-seen"))).isInstanceOf(NotFoundException.class);
    }

    private List<ObservedTransition> advance(RuntimeEvent... events) {
        return transaction.execute(status -> states.advance(new ArrayList<>(List.of(events))));
    }

    /** One container's events, each a second after the container's first. */
    private static final class Container {
        final String id = Events.newId("c");
        final String digest = Events.newDigest();

        RuntimeEvent exec(long pid, long ppid, String exe, String parentExe, int second) {
            return event(EventType.PROCESS_EXEC, new ProcessInfo(pid, ppid, exe, List.of(exe), 0L, parentExe), null, second);
        }

        RuntimeEvent read(long pid, String path, int second) {
            return event(EventType.FILE_READ, new ProcessInfo(pid, 1L, "/usr/sbin/nginx", null, 0L, null), new FileInfo(path),
                    second);
        }

        private RuntimeEvent event(EventType type, ProcessInfo process, FileInfo file, int second) {
            return new RuntimeEvent(T0.plusSeconds(second), type,
                    new ContainerRef(id, "nginx:1.27", digest, "node-a", "web", "nginx-7d9f", "prod-eu"), process, file, null, null);
        }
    }
}
