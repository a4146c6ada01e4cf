package io.habitus.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One simulated container: its clock, its process table and the events an agent on its node
 * reports. Processes are started the way the kernel does it (fork, then exec, or exec in place),
 * with the pids a real PID namespace hands out; forks without exec are not reported (agents see
 * the child only through its own events), exactly as with an eBPF or audit-based agent.
 */
public final class ContainerRun {

    private record Proc(String exe, int ppid, int uid) {}

    private final ContainerInfo container;
    private final Random random;
    private final Map<Integer, Proc> processes = new HashMap<>();
    private final List<SimEvent> events = new ArrayList<>();
    private Instant clock;
    private int nextPid = 1;

    public ContainerRun(ContainerInfo container, Instant start, Random random) {
        this.container = container;
        this.clock = start;
        this.random = random;
    }

    public ContainerInfo container() {
        return container;
    }

    public Random random() {
        return random;
    }

    public Instant clock() {
        return clock;
    }

    public List<SimEvent> events() {
        return events;
    }

    /** Lets simulated time pass without events (idle periods between requests). */
    public void idle(Duration duration) {
        clock = clock.plus(duration);
    }

    public void idleMillis(int from, int to) {
        clock = clock.plusMillis(from + random.nextInt(Math.max(1, to - from)));
    }

    /** pid 1 of the container: started by the runtime, whose executable is outside the container. */
    public int init(String exe, int uid, String... args) {
        int pid = 1;
        nextPid = 1;
        processes.put(pid, new Proc(exe, 0, uid));
        emit("process.exec", pid, exe, Arrays.asList(args), null, null, null, null, null);
        return pid;
    }

    /** fork + exec: a child of {@code parent} running {@code exe}. */
    public int spawn(int parent, String exe, int uid, String... args) {
        int pid = allocatePid();
        processes.put(pid, new Proc(exe, parent, uid));
        emit("process.exec", pid, exe, Arrays.asList(args), null, null, null, null, null);
        return pid;
    }

    /** A process started by the runtime inside the container (kubectl exec, an exec probe): parent unknown. */
    public int execIn(String exe, int uid, String... args) {
        int pid = allocatePid();
        processes.put(pid, new Proc(exe, 0, uid));
        emit("process.exec", pid, exe, Arrays.asList(args), null, null, null, null, null);
        return pid;
    }

    /** execve in place: same pid, new executable. */
    public void replace(int pid, String exe, String... args) {
        Proc old = proc(pid);
        processes.put(pid, new Proc(exe, old.ppid(), old.uid()));
        emit("process.exec", pid, exe, Arrays.asList(args), null, null, null, null, null);
    }

    /** fork without exec: the child runs the parent's executable and is seen only by its own events. */
    public int fork(int parent) {
        return fork(parent, proc(parent).uid());
    }

    /** fork, then setuid: how servers drop privileges for their workers. */
    public int fork(int parent, int uid) {
        Proc p = proc(parent);
        int pid = allocatePid();
        processes.put(pid, new Proc(p.exe(), parent, uid));
        return pid;
    }

    public void exit(int pid) {
        emit("process.exit", pid, proc(pid).exe(), null, null, null, null, null, null);
        processes.remove(pid);
    }

    public boolean alive(int pid) {
        return processes.containsKey(pid);
    }

    public String exeOf(int pid) {
        return proc(pid).exe();
    }

    public void read(int pid, String path) {
        emit("file.read", pid, proc(pid).exe(), null, path, null, null, null, null);
    }

    public void write(int pid, String path) {
        emit("file.write", pid, proc(pid).exe(), null, path, null, null, null, null);
    }

    public void connect(int pid, int port, String address) {
        emit("network.connect", pid, proc(pid).exe(), null, null, "tcp", port, address, null);
    }

    public void connectUdp(int pid, int port, String address) {
        emit("network.connect", pid, proc(pid).exe(), null, null, "udp", port, address, null);
    }

    public void listen(int pid, int port) {
        emit("network.listen", pid, proc(pid).exe(), null, null, "tcp", port, "0.0.0.0", null);
    }

    public void accept(int pid, int port, String address) {
        emit("network.accept", pid, proc(pid).exe(), null, null, "tcp", port, address, null);
    }

    public void syscall(int pid, String name) {
        emit("syscall", pid, proc(pid).exe(), null, null, null, null, null, name);
    }

    // --- random values a real system would produce ------------------------------------------------

    public String hex(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(Character.forDigit(random.nextInt(16), 16));
        }
        return text.toString();
    }

    /** Characters of Python's tempfile names ({@code tempfile._RandomNameSequence}). */
    public String pythonTempName() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789_";
        StringBuilder text = new StringBuilder("tmp");
        for (int i = 0; i < 8; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    public String podAddress() {
        return "10.244." + random.nextInt(8) + "." + (2 + random.nextInt(250));
    }

    public int pick(int... values) {
        return values[random.nextInt(values.length)];
    }

    public String pick(String... values) {
        return values[random.nextInt(values.length)];
    }

    public boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private Proc proc(int pid) {
        Proc proc = processes.get(pid);
        if (proc == null) {
            throw new IllegalStateException("no live process " + pid + " in " + container.id());
        }
        return proc;
    }

    private int allocatePid() {
        // Linux hands out pids upwards; short-lived children make the gaps.
        nextPid += 1 + (random.nextInt(4) == 0 ? random.nextInt(6) : 0);
        return nextPid;
    }

    private void emit(String type, int pid, String exe, List<String> args, String path, String protocol, Integer port,
            String address, String syscall) {
        clock = clock.plusMillis(1 + random.nextInt(20));
        Proc proc = processes.get(pid);
        int ppid = proc == null ? 0 : proc.ppid();
        Proc parent = processes.get(ppid);
        String parentExe = parent == null ? null : parent.exe();
        int uid = proc == null ? 0 : proc.uid();
        events.add(new SimEvent(clock, type, container, pid, ppid, exe, args, uid, parentExe, path, protocol, port,
                address, syscall));
    }
}
