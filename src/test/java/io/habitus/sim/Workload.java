package io.habitus.sim;

/**
 * The life of one container of an archetype: its start, one step of normal activity at a time,
 * and the hooks attack scenarios use. A step is what happens in a few seconds of real life (a
 * request, a probe, a timer firing) and now and then a rare but normal maintenance task.
 *
 * <p>The in-allowlist hooks perform only actions the image also performs in normal life (same
 * binaries with the same parents, same files, same ports), in an order or context it never shows.
 */
public abstract class Workload {

    protected final ContainerRun run;

    protected Workload(ContainerRun run) {
        this.run = run;
    }

    public ContainerRun run() {
        return run;
    }

    /** Entrypoint, main process, workers, listening sockets. */
    public abstract void start();

    /** A few seconds of normal life. */
    public abstract void step();

    /**
     * The moment an attack starts from: e.g. a worker has just accepted a request (the exploit),
     * or a scheduled job has just started (a poisoned job script). Normal events only.
     */
    public abstract void attackEntry();

    /** The process the attacker controls after {@link #attackEntry()}. */
    public abstract int foothold();

    /** In-allowlist: a shell (or tool) the image ships, started by a process that does start it, at the wrong moment. */
    public abstract void allowedShellAbuse();

    /** In-allowlist: a secret or configuration file the image reads (at start), then an outbound port it uses. */
    public abstract void secretReadThenEgress();

    /** In-allowlist: the image's own maintenance commands, repeated in a burst at the wrong time. */
    public abstract void maintenanceBurst();

    /** In-allowlist: connections on a port the image uses, to many addresses in a row (internal scan). */
    public abstract void allowedPortSweep();
}
