package io.habitus.sensor.falco;

import io.habitus.sensor.event.EventDraft;
import io.habitus.sensor.event.ImageIds;
import io.habitus.sensor.event.JsonFields;
import io.habitus.sensor.internal.RecordTranslator;
import io.habitus.sensor.internal.Sensor;
import io.habitus.sensor.internal.SkipReason;
import io.habitus.sensor.internal.Translation;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * One Falco alert onto a Habitus event, from the alert's {@code output_fields} (which a rule fills
 * with the fields its output names: docker/falco/habitus-rules.yaml names all that are needed). The
 * event type comes from {@code evt.type}. Ports follow Falco's server/client view: {@code fd.sport}
 * is the server's port, which is the remote port of a connect and the local port of an accept or
 * listen. Alerts of rules that lack the fields are skipped with the missing field named.
 */
@Component
public class FalcoTranslator implements RecordTranslator {

    private static final Set<String> EXECS = Set.of("execve", "execveat");
    private static final Set<String> OPENS = Set.of("open", "openat", "openat2", "open_by_handle_at", "creat");
    private static final Set<String> ACCEPTS = Set.of("accept", "accept4");

    @Override
    public Sensor sensor() {
        return Sensor.FALCO;
    }

    @Override
    public Translation translate(JsonNode alert) {
        String rule = JsonFields.text(alert, "rule");
        String source = JsonFields.text(alert, "source");
        if (source != null && !source.equals("syscall")) {
            return Translation.skip(SkipReason.UNSUPPORTED_KIND, "source " + source);
        }
        JsonNode fields = JsonFields.object(alert, "output_fields");
        if (fields == null) {
            return Translation.skip(SkipReason.MISSING_FIELDS, rule + ": output_fields");
        }
        String evtType = JsonFields.text(fields, "evt.type");
        if (evtType == null) {
            return Translation.skip(SkipReason.MISSING_FIELDS, rule + ": evt.type");
        }
        String type = type(evtType);
        if (type == null) {
            return Translation.skip(SkipReason.UNSUPPORTED_KIND, evtType);
        }
        String rawContainerId = first(fields, "container.full_id", "container.id");
        if (rawContainerId == null || rawContainerId.equals("host")) {
            return Translation.skip(SkipReason.HOST_PROCESS, null);
        }
        String containerId = ImageIds.containerId(rawContainerId);
        if (containerId == null) {
            return Translation.skip(SkipReason.MISSING_FIELDS, rule + ": container.id");
        }
        String repository = JsonFields.text(fields, "container.image.repository");
        String digest = ImageIds.digest(JsonFields.text(fields, "container.image.digest"));
        if (digest == null) {
            return Translation.skip(SkipReason.NO_IMAGE_DIGEST, repository);
        }
        String exe = first(fields, "proc.exepath");
        if (exe == null) {
            return Translation.skip(SkipReason.MISSING_FIELDS, rule + ": proc.exepath");
        }
        String node = first(alert, "hostname");
        if (type.equals("file.read") && writes(evtType, fields)) {
            type = "file.write";
        }
        EventDraft draft = new EventDraft(JsonFields.text(alert, "time"), type)
                .container(containerId, imageName(repository, JsonFields.text(fields, "container.image.tag")),
                        digest, node, JsonFields.text(fields, "k8s.ns.name"), JsonFields.text(fields, "k8s.pod.name"), null)
                .process(JsonFields.number(fields, "proc.pid"), JsonFields.number(fields, "proc.ppid"), exe,
                        JsonFields.number(fields, "user.uid"), JsonFields.text(fields, "proc.pexepath"))
                .args(arguments(JsonFields.text(fields, "proc.cmdline")));
        if (type.startsWith("file.")) {
            String path = JsonFields.text(fields, "fd.name");
            if (path == null) {
                return Translation.skip(SkipReason.MISSING_FIELDS, rule + ": fd.name");
            }
            draft.file(path);
        } else if (type.startsWith("network.")) {
            boolean connect = type.equals("network.connect");
            // fd.dport is no Falco field, but rules written for other tools name the destination so.
            Long port = first(fields, connect ? List.of("fd.sport", "fd.dport", "fd.rport") : List.of("fd.sport", "fd.lport"));
            if (port == null) {
                return Translation.skip(SkipReason.MISSING_FIELDS, rule + ": fd.sport");
            }
            String address = switch (type) {
                case "network.connect" -> first(fields, "fd.rip", "fd.sip");
                case "network.accept" -> first(fields, "fd.rip", "fd.cip");
                default -> first(fields, "fd.lip", "fd.sip");
            };
            String protocol = JsonFields.text(fields, "fd.l4proto");
            draft.network(protocol == null ? "tcp" : protocol, port, address);
        }
        return new Translation.Mapped(draft.json(), node);
    }

    private static @Nullable String type(String evtType) {
        if (EXECS.contains(evtType)) {
            return "process.exec";
        }
        if (evtType.equals("procexit")) {
            return "process.exit";
        }
        if (OPENS.contains(evtType)) {
            return "file.read";
        }
        if (evtType.equals("connect")) {
            return "network.connect";
        }
        if (ACCEPTS.contains(evtType)) {
            return "network.accept";
        }
        return evtType.equals("listen") ? "network.listen" : null;
    }

    private static boolean writes(String evtType, JsonNode fields) {
        return evtType.equals("creat") || "true".equals(JsonFields.text(fields, "evt.is_open_write"));
    }

    private static @Nullable String imageName(@Nullable String repository, @Nullable String tag) {
        return repository == null ? null : tag == null ? repository : repository + ":" + tag;
    }

    /** Falco joins a command line with spaces; the arguments are what follows the program name. */
    private static @Nullable List<String> arguments(@Nullable String cmdline) {
        if (cmdline == null) {
            return null;
        }
        List<String> words = Arrays.stream(cmdline.strip().split(" +")).toList();
        return words.size() <= 1 ? List.of() : words.subList(1, words.size());
    }

    private static @Nullable String first(JsonNode node, String... fields) {
        for (String field : fields) {
            String value = JsonFields.text(node, field);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static @Nullable Long first(JsonNode node, List<String> fields) {
        for (String field : fields) {
            Long value = JsonFields.number(node, field);
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
