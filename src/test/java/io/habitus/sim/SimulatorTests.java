package io.habitus.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.behavior.GeneralisationProperties;
import io.habitus.behavior.PathPattern;
import io.habitus.behavior.Token;
import io.habitus.behavior.Tokenizer;
import io.habitus.ingest.ContainerRef;
import io.habitus.ingest.EventType;
import io.habitus.ingest.FileInfo;
import io.habitus.ingest.NetworkInfo;
import io.habitus.ingest.ProcessInfo;
import io.habitus.ingest.RuntimeEvent;
import io.habitus.ingest.SyscallInfo;
import io.habitus.sim.Fleet.AttackCase;
import io.habitus.sim.Scenario.Category;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The simulator's promises: fixed seeds give fixed events, and in-allowlist attacks stay in the allowlist. */
class SimulatorTests {

    private static final Instant START = Instant.parse("2026-11-28T00:00:00Z");
    private static final List<String> NODES = List.of("node-a", "node-b", "node-c");
    private final Tokenizer tokenizer = new Tokenizer(GeneralisationProperties.defaults());

    @Test
    void theSameSeedGivesTheSameEvents() {
        for (Archetype archetype : Archetype.ALL) {
            assertThat(Fleet.simulate(archetype, "t", "learn", 2, 200, NODES, 0.5, 7, START))
                    .isEqualTo(Fleet.simulate(archetype, "t", "learn", 2, 200, NODES, 0.5, 7, START));
        }
    }

    @Test
    void theSaltChangesIdsButNoToken() {
        Archetype web = Archetype.named("web");
        List<String> one = tokens(Fleet.simulate(web, "one", "learn", 2, 200, NODES, 0.5, 7, START));
        List<String> two = tokens(Fleet.simulate(web, "two", "learn", 2, 200, NODES, 0.5, 7, START));
        assertThat(one).isEqualTo(two);
        assertThat(Fleet.digest(web, "one")).isNotEqualTo(Fleet.digest(web, "two"));
    }

    @Test
    void shortLivesAreFreshContainersOfTheirSeed() {
        Archetype api = Archetype.named("api");
        List<Fleet.ContainerEvents> lives = Fleet.shortLives(api, "t", "short", 30, 10, 50, NODES, 7, START);
        assertThat(lives).hasSize(30).isEqualTo(Fleet.shortLives(api, "t", "short", 30, 10, 50, NODES, 7, START));
        assertThat(lives.stream().map(c -> c.container().id()).distinct()).hasSize(30);
        assertThat(lives).allSatisfy(c -> assertThat(c.events()).isNotEmpty()
                .allSatisfy(e -> assertThat(e.container()).isEqualTo(c.container())));
    }

    @Test
    void inAllowlistAttacksUseOnlyWhatLearningTrafficShows() {
        for (Archetype archetype : Archetype.ALL) {
            Set<String> learned = Set.copyOf(tokens(Fleet.simulate(archetype, "t", "learn", 6, 1500, NODES, 0.5, 42, START)));
            for (Scenario scenario : Scenario.ALL) {
                if (scenario.category() != Category.IN_ALLOWLIST) {
                    continue;
                }
                for (AttackCase attack : Fleet.attacks(archetype, scenario, "t", 5, 44, START)) {
                    for (SimEvent event : attack.attack()) {
                        Token token = tokenizer.tokenize(runtimeEvent(event)).token();
                        if (token.kind().inProfile()) {
                            assertThat(covered(learned, token)).as("%s %s: %s", archetype.name(), scenario.name(), token.text())
                                    .isTrue();
                        }
                    }
                }
            }
        }
    }

    @Test
    void everyClassicAttackDoesSomethingLearningTrafficNeverShows() {
        for (Archetype archetype : Archetype.ALL) {
            Set<String> learned = Set.copyOf(tokens(Fleet.simulate(archetype, "t", "learn", 6, 1500, NODES, 0.5, 42, START)));
            for (Scenario scenario : Scenario.ALL) {
                if (scenario.category() == Category.CLASSIC) {
                    AttackCase attack = Fleet.attacks(archetype, scenario, "t", 1, 44, START).getFirst();
                    assertThat(attack.attack().stream().map(e -> tokenizer.tokenize(runtimeEvent(e)).token())
                            .filter(t -> t.kind().inProfile()).anyMatch(t -> !covered(learned, t)))
                            .as("%s %s", archetype.name(), scenario.name()).isTrue();
                }
            }
        }
    }

    /** Exactly learned, or (paths) matched by a learned generalised path, as a profile entry would. */
    private static boolean covered(Set<String> learned, Token token) {
        if (learned.contains(token.text())) {
            return true;
        }
        String verb = token.kind().verb() + " ";
        return token.kind().isPath() && learned.stream().filter(l -> l.startsWith(verb))
                .anyMatch(l -> PathPattern.isPattern(l.substring(verb.length()))
                        && PathPattern.matches(l.substring(verb.length()), token.value()));
    }

    private List<String> tokens(List<Fleet.ContainerEvents> containers) {
        return containers.stream().flatMap(c -> c.events().stream())
                .map(e -> tokenizer.tokenize(runtimeEvent(e)).token().text()).collect(Collectors.toList());
    }

    static RuntimeEvent runtimeEvent(SimEvent e) {
        ContainerInfo c = e.container();
        return new RuntimeEvent(e.time(), EventType.fromWireName(e.type()),
                new ContainerRef(c.id(), c.image(), c.imageDigest(), c.node(), c.namespace(), c.pod(), c.cluster()),
                new ProcessInfo((long) e.pid(), (long) e.ppid(), e.exe(), e.args(), (long) e.uid(), e.parentExe()),
                e.filePath() == null ? null : new FileInfo(e.filePath()),
                e.protocol() == null ? null : new NetworkInfo(e.protocol(), e.port(), e.address()),
                e.syscall() == null ? null : new SyscallInfo(e.syscall(), null));
    }
}
