package io.habitus.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time spent during a phase by the service, by PostgreSQL, by this load generator and by
 * everything else, read from Linux's /proc. On a machine where all of them share the cores,
 * events/s alone cannot say who is the bottleneck; CPU per event can, and it carries over to a
 * machine with more cores: 30,000 events/s needs service CPU per event below cores ÷ 30,000.
 * Only meaningful on Linux, run as a user who may read the postgres processes' /proc entries.
 */
final class CpuMeter {

    /** Ticks of CPU time (USER_HZ, 100 per second on Linux). */
    record Snapshot(long service, long postgres, long generator, long busy, long total) {}

    record Usage(double seconds, double serviceCores, double postgresCores, double generatorCores, double otherCores,
            double serviceMicrosPerEvent, double postgresMicrosPerEvent) {

        @Override
        public String toString() {
            return ("CPU in cores: service %.2f, PostgreSQL %.2f, load generator %.2f, other %.2f; per event: "
                    + "service %.0f µs, PostgreSQL %.0f µs").formatted(serviceCores, postgresCores, generatorCores,
                    otherCores, serviceMicrosPerEvent, postgresMicrosPerEvent);
        }
    }

    private static final double TICKS_PER_SECOND = 100.0;

    private final long servicePid;
    private final long generatorPid;

    CpuMeter(long servicePid) {
        this(servicePid, 0);
    }

    /** With {@code generatorPid} the load generator is that process (wrk), not this one. */
    CpuMeter(long servicePid, long generatorPid) {
        this.servicePid = servicePid;
        this.generatorPid = generatorPid;
    }

    static boolean available() {
        return Files.isReadable(Path.of("/proc/stat"));
    }

    Snapshot snapshot() {
        long postgres = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                String stat = read(process.resolve("stat"));
                if (stat.contains("(postgres)")) {
                    // With the ended children's: autovacuum workers and closed sessions end within a phase,
                    // and their CPU is in the postmaster's cutime/cstime once reaped (it was "other" before).
                    postgres += ticks(stat, true);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        String[] cpu = read(Path.of("/proc/stat")).lines().findFirst().orElseThrow().trim().split("\\s+");
        long total = 0;
        for (int i = 1; i <= 8 && i < cpu.length; i++) {
            total += Long.parseLong(cpu[i]);
        }
        long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
        return new Snapshot(servicePid > 0 ? ticks(read(Path.of("/proc/" + servicePid + "/stat"))) : 0, postgres,
                ticks(read(Path.of("/proc/" + (generatorPid > 0 ? generatorPid : "self") + "/stat"))), total - idle, total);
    }

    Usage since(Snapshot before, Snapshot after, double seconds, long events) {
        double service = (after.service() - before.service()) / TICKS_PER_SECOND;
        double postgres = (after.postgres() - before.postgres()) / TICKS_PER_SECOND;
        double generator = (after.generator() - before.generator()) / TICKS_PER_SECOND;
        // /proc/stat counts every core, so busy ticks over wall time is busy cores.
        double busy = (after.busy() - before.busy()) / TICKS_PER_SECOND;
        double perEvent = events == 0 ? Double.NaN : 1e6 / events;
        return new Usage(seconds, service / seconds, postgres / seconds, generator / seconds,
                Math.max(0, busy - service - postgres - generator) / seconds, service * perEvent, postgres * perEvent);
    }

    /** utime + stime of a /proc/[pid]/stat line; fields are counted after the ")" ending the command name. */
    private static long ticks(String stat) {
        return ticks(stat, false);
    }

    /** utime + stime, and with {@code children} cutime + cstime: the CPU of its children that ended and were waited for. */
    private static long ticks(String stat, boolean children) {
        if (stat.isEmpty()) {
            return 0;
        }
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return children ? own + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : own;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";   // a process that ended between listing and reading
        }
    }
}
