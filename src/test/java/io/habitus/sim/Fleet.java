package io.habitus.sim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * The containers of one archetype in one phase (learning or held-out): pods spread over nodes,
 * each living for a number of steps, some restarted on the way (a restart is a new container of
 * the same pod, starting from scratch). Everything follows from the seed; the salt only changes
 * the digest and the ids, so that a run against a Habitus that has seen an earlier run still
 * meets fresh images, with the same behaviour and hence the same tokens.
 */
public final class Fleet {

    private static final String CLUSTER = "prod-eu";

    private Fleet() {}

    /** One container's events, in order. */
    public record ContainerEvents(ContainerInfo container, List<SimEvent> events) {}

    /** One attack instance: normal events of its container before the attack, and the attack's own events. */
    public record AttackCase(Archetype archetype, Scenario scenario, int instance, ContainerInfo container,
            List<SimEvent> prior, List<SimEvent> attack) {}

    public static String digest(Archetype archetype, String salt) {
        return "sha256:" + sha256("habitus-sim/" + archetype.name() + "/" + salt);
    }

    /**
     * @param phase "learn" or "heldout" (part of the ids and the seed)
     * @param nodes node names the pods are spread over
     * @param restartChance chance that a pod's container restarts once during the phase
     */
    public static List<ContainerEvents> simulate(Archetype archetype, String salt, String phase, int pods, int steps,
            List<String> nodes, double restartChance, long seed, Instant start) {
        Random random = new Random(seed ^ (archetype.name() + "/" + phase).hashCode());
        List<ContainerEvents> containers = new ArrayList<>();
        for (int p = 0; p < pods; p++) {
            String pod = podName(archetype, random);
            String node = nodes.get(p % nodes.size());
            int restartAt = random.nextDouble() < restartChance ? 1 + random.nextInt(steps - 1) : -1;
            Instant clock = start.plusMillis(random.nextInt(60_000));
            Random life = new Random(random.nextLong());
            int generation = 0;
            int step = 0;
            while (step < steps) {
                ContainerInfo container = new ContainerInfo(
                        sha256(salt + "/" + archetype.name() + "/" + phase + "/" + p + "/" + generation),
                        archetype.image(), digest(archetype, salt), node, archetype.namespace(), pod, CLUSTER);
                ContainerRun run = new ContainerRun(container, clock, life);
                Workload workload = archetype.workload().apply(run);
                workload.start();
                int end = restartAt > step ? restartAt : steps;
                for (; step < end; step++) {
                    workload.step();
                }
                containers.add(new ContainerEvents(container, run.events()));
                clock = run.clock().plusSeconds(5);
                generation++;
            }
        }
        return containers;
    }

    /**
     * {@code count} short normal lives, each a fresh container of its own pod on one of
     * {@code nodes}, living a random number of steps from {@code minSteps} to {@code maxSteps}: the
     * many containers a container-level false-positive rate needs, at the ages of attack containers.
     */
    public static List<ContainerEvents> shortLives(Archetype archetype, String salt, String phase, int count,
            int minSteps, int maxSteps, List<String> nodes, long seed, Instant start) {
        Random random = new Random(seed ^ (archetype.name() + "/" + phase).hashCode());
        List<ContainerEvents> containers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ContainerInfo container = new ContainerInfo(sha256(salt + "/" + archetype.name() + "/" + phase + "/" + i),
                    archetype.image(), digest(archetype, salt), nodes.get(i % nodes.size()), archetype.namespace(),
                    podName(archetype, random), CLUSTER);
            ContainerRun run = new ContainerRun(container, start.plusSeconds(random.nextInt(3600)), new Random(random.nextLong()));
            Workload workload = archetype.workload().apply(run);
            workload.start();
            int steps = minSteps + random.nextInt(maxSteps - minSteps + 1);
            for (int s = 0; s < steps; s++) {
                workload.step();
            }
            containers.add(new ContainerEvents(container, run.events()));
        }
        return containers;
    }

    /**
     * {@code instances} attacks of {@code scenario} on {@code archetype}, each in its own fresh
     * container that first lives normally for a random number of steps (10 to 50).
     */
    public static List<AttackCase> attacks(Archetype archetype, Scenario scenario, String salt, int instances,
            long seed, Instant start) {
        Random random = new Random(seed ^ (archetype.name() + "/attack/" + scenario.name()).hashCode());
        List<AttackCase> cases = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            ContainerInfo container = new ContainerInfo(
                    sha256(salt + "/" + archetype.name() + "/attack/" + scenario.name() + "/" + i),
                    archetype.image(), digest(archetype, salt), "node-" + (char) ('a' + random.nextInt(4)),
                    archetype.namespace(), podName(archetype, random), CLUSTER);
            ContainerRun run = new ContainerRun(container, start.plusSeconds(random.nextInt(600)), new Random(random.nextLong()));
            Workload workload = archetype.workload().apply(run);
            workload.start();
            int steps = 10 + random.nextInt(41);
            for (int s = 0; s < steps; s++) {
                workload.step();
            }
            workload.attackEntry();
            int mark = run.events().size();
            scenario.perform().accept(workload);
            List<SimEvent> events = run.events();
            cases.add(new AttackCase(archetype, scenario, i, container, List.copyOf(events.subList(0, mark)),
                    List.copyOf(events.subList(mark, events.size()))));
        }
        return cases;
    }

    private static String podName(Archetype archetype, Random random) {
        String alphabet = "bcdfghjklmnpqrstvwxz2456789";
        StringBuilder name = new StringBuilder(archetype.name()).append('-');
        for (int i = 0; i < 10; i++) {
            name.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        name.append('-');
        for (int i = 0; i < 5; i++) {
            name.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return name.toString();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
