package io.habitus.sensor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What each event of docs-2022 (Tetragon events from the book "Security Observability with eBPF")
 * must become: the token Habitus learns, or the skip and its reason. Host processes have no pod;
 * process_connect, process_close and process_listen are kinds of the enterprise build of that time.
 */
final class DocsTwentyTwentyTwo {

    static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("03_chapter__00_four_golden_signals__process_close.json",
                    "skip unsupported-kind process_close"),
            Map.entry("03_chapter__00_four_golden_signals__process_connect.json",
                    "skip unsupported-kind process_connect"),
            Map.entry("03_chapter__00_four_golden_signals__process_exec.json",
                    "exec /usr/bin/curl <- /bin/bash"),
            Map.entry("03_chapter__00_four_golden_signals__process_exit.json",
                    "exit /usr/bin/curl"),
            Map.entry("03_chapter__00_four_golden_signals__process_kprobe.json",
                    "write /etc/passwd"),
            Map.entry("03_chapter__00_four_golden_signals__process_listen.json",
                    "skip unsupported-kind process_listen"),
            Map.entry("03_chapter__00_process_lifecycle__cat_process_exec.json",
                    "exec /usr/bin/cat <- /usr/bin/sh"),
            Map.entry("03_chapter__00_process_lifecycle__cat_process_exit.json",
                    "exit /usr/bin/cat"),
            Map.entry("03_chapter__00_process_lifecycle__cat_process_kprobe.json",
                    "read /usr/share/elasticsearch/config/elasticsearch.keystore"),
            Map.entry("03_chapter__00_process_lifecycle__lifecycle_sh_process_exec.json",
                    "exec /usr/bin/sh <- /bin/bash"),
            Map.entry("03_chapter__00_process_lifecycle__lifecycle_sh_process_exit.json",
                    "exit /usr/bin/sh"),
            Map.entry("03_chapter__00_process_lifecycle__nc_process_close.json",
                    "skip unsupported-kind process_close"),
            Map.entry("03_chapter__00_process_lifecycle__nc_process_connect.json",
                    "skip unsupported-kind process_connect"),
            Map.entry("03_chapter__00_process_lifecycle__nc_process_exec.json",
                    "exec /usr/bin/nc <- /usr/bin/sh"),
            Map.entry("03_chapter__00_process_lifecycle__nc_process_exit.json",
                    "exit /usr/bin/nc"),
            Map.entry("03_chapter__03_security_observability_events__01_reaching_the_host_namespace__host-namespace-bash.json",
                    "exec /usr/bin/bash <- /usr/bin/nsenter"),
            Map.entry("03_chapter__03_security_observability_events__01_reaching_the_host_namespace__nginx-execution.json",
                    "exec /usr/sbin/nginx <- /docker-entrypoint.sh"),
            Map.entry("03_chapter__03_security_observability_events__01_reaching_the_host_namespace__nginx-listen.json",
                    "skip unsupported-kind process_listen"),
            Map.entry("03_chapter__03_security_observability_events__01_reaching_the_host_namespace__privileged-pod-bash.json",
                    "exec /bin/bash <- /usr/bin/runc"),
            Map.entry("03_chapter__03_security_observability_events__01_reaching_the_host_namespace__privileged-pod-init.json",
                    "exec /docker-entrypoint.sh <- /usr/bin/containerd-shim"),
            Map.entry("03_chapter__03_security_observability_events__01_reaching_the_host_namespace__privileged-pod-nsenter.json",
                    "exec /usr/bin/nsenter <- /bin/bash"),
            Map.entry("03_chapter__03_security_observability_events__02_persistance__merlin-agent-container-start-containerd-shim.json",
                    "skip host-process"),
            Map.entry("03_chapter__03_security_observability_events__02_persistance__merlin-agent-container-start-runc.json",
                    "skip host-process"),
            Map.entry("03_chapter__03_security_observability_events__02_persistance__merlin-agent-go-connect.json",
                    "skip unsupported-kind process_connect"),
            Map.entry("03_chapter__03_security_observability_events__02_persistance__merlin-agent-go-start.json",
                    "skip host-process"),
            Map.entry("03_chapter__03_security_observability_events__02_persistance__merlin-agent-insert-pod-spec.json",
                    "exec /usr/bin/cat <- /usr/bin/bash"),
            Map.entry("03_chapter__03_security_observability_events__02_persistance__merlin-agent-job-close.json",
                    "skip unsupported-kind process_close"),
            Map.entry("03_chapter__03_security_observability_events__02_persistance__merlin-agent-job-connect.json",
                    "skip unsupported-kind process_connect"),
            Map.entry("03_chapter__03_security_observability_events__03_post_exploitation_techniques__merlin-agent-7z-exit.json",
                    "skip host-process"),
            Map.entry("03_chapter__03_security_observability_events__03_post_exploitation_techniques__merlin-agent-7z.json",
                    "skip host-process"),
            Map.entry("03_chapter__03_security_observability_events__03_post_exploitation_techniques__merlin-agent-scp-exit.json",
                    "skip host-process"),
            Map.entry("03_chapter__03_security_observability_events__03_post_exploitation_techniques__merlin-agent-scp-sh-exit.json",
                    "skip host-process"),
            Map.entry("03_chapter__03_security_observability_events__03_post_exploitation_techniques__merlin-agent-scp-sh.json",
                    "skip host-process"),
            Map.entry("03_chapter__03_security_observability_events__03_post_exploitation_techniques__merlin-agent-scp-ssh-exit.json",
                    "skip host-process"),
            Map.entry("03_chapter__03_security_observability_events__03_post_exploitation_techniques__merlin-agent-scp-ssh.json",
                    "skip host-process"),
            Map.entry("03_chapter__03_security_observability_events__03_post_exploitation_techniques__merlin-agent-scp.json",
                    "skip host-process"),
            Map.entry("03_chapter__03_security_observability_events__03_post_exploitation_techniques__merlin-agent-sh-exit.json",
                    "skip host-process"),
            Map.entry("03_chapter__03_security_observability_events__03_post_exploitation_techniques__merlin-agent-sh.json",
                    "skip host-process"),
            Map.entry("03_chapter__03_security_observability_events__03_post_exploitation_techniques__merlin-agent-ssh-tunnel-close.json",
                    "skip unsupported-kind process_close"),
            Map.entry("03_chapter__03_security_observability_events__03_post_exploitation_techniques__merlin-agent-ssh-tunnel-connect.json",
                    "skip unsupported-kind process_connect")
);

    private DocsTwentyTwentyTwo() {
    }

    static Set<String> files() {
        try (Stream<Path> files = Files.list(SensorRecords.SHARED_TETRAGON.resolve("docs-2022"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
