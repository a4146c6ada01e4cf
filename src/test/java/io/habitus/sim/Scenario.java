package io.habitus.sim;

import java.util.List;
import java.util.function.Consumer;

/**
 * An attack: a short sequence of events in one container, performed from the moment
 * {@link Workload#attackEntry()} leaves it in. {@code IN_ALLOWLIST} scenarios use only binaries
 * (with their usual parents), files and ports the image uses in normal life; {@code CLASSIC} ones
 * are the well-known container attacks, which mostly leave the allowlist.
 */
public record Scenario(String name, Category category, String summary, Consumer<Workload> perform) {

    public enum Category { CLASSIC, IN_ALLOWLIST }

    public static final List<Scenario> ALL = List.of(
            new Scenario("reverse-shell", Category.CLASSIC,
                    "foothold starts bash -i, connects out to tcp/4444, runs id", ClassicAttacks::reverseShell),
            new Scenario("crypto-miner", Category.CLASSIC,
                    "downloads a miner with curl to /tmp, runs it, reads cpuinfo, connects to a pool on tcp/3333",
                    ClassicAttacks::cryptoMiner),
            new Scenario("credential-read", Category.CLASSIC,
                    "reads /etc/shadow, SSH keys and the service-account token, calls the Kubernetes API",
                    ClassicAttacks::credentialRead),
            new Scenario("package-manager", Category.CLASSIC,
                    "apt-get install at runtime: sources, archives, dpkg", ClassicAttacks::packageManager),
            new Scenario("lateral-scan", Category.CLASSIC,
                    "connects to SSH, kubelet, etcd, Docker, MySQL, Redis, Mongo ports of neighbours",
                    ClassicAttacks::lateralScan),
            new Scenario("dropped-binary", Category.CLASSIC,
                    "writes a binary to /dev/shm and executes it; it calls home on tcp/8443", ClassicAttacks::droppedBinary),
            new Scenario("container-escape", Category.CLASSIC,
                    "shell, then unshare/mount/ptrace syscalls and a read of the host's files through /proc/1/root",
                    ClassicAttacks::containerEscape),
            new Scenario("allowed-shell-abuse", Category.IN_ALLOWLIST,
                    "a shell or tool the image runs normally, started at the wrong moment, doing allowed things",
                    Workload::allowedShellAbuse),
            new Scenario("secret-read-then-egress", Category.IN_ALLOWLIST,
                    "a secret/config file the image reads at start, read again mid-request, then an allowed outbound port",
                    Workload::secretReadThenEgress),
            new Scenario("maintenance-burst", Category.IN_ALLOWLIST,
                    "the image's own maintenance commands, several in a row at the wrong time", Workload::maintenanceBurst),
            new Scenario("allowed-port-sweep", Category.IN_ALLOWLIST,
                    "connections on a port the image uses, to fifteen addresses in a row", Workload::allowedPortSweep));

    public static Scenario named(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown scenario '" + name + "'"));
    }
}
