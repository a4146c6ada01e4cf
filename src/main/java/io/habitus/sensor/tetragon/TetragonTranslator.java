package io.habitus.sensor.tetragon;

import io.habitus.sensor.event.EventDraft;
import io.habitus.sensor.event.ImageIds;
import io.habitus.sensor.event.JsonFields;
import io.habitus.sensor.internal.RecordTranslator;
import io.habitus.sensor.internal.Sensor;
import io.habitus.sensor.internal.SkipReason;
import io.habitus.sensor.internal.Translation;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * One Tetragon event (an object with {@code node_name}, {@code time} and one event kind) onto a
 * Habitus event. The container comes from {@code process.pod} (id without the runtime prefix, digest
 * from {@code pod.container.image.id}), the process from {@code process} and {@code parent}, with
 * their {@code exec_id}s. Arguments are those after the program name: Tetragon does not report argv[0].
 */
@Component
public class TetragonTranslator implements RecordTranslator {

    /** Fields of Tetragon's event envelope beside the one event kind. */
    private static final Set<String> ENVELOPE = Set.of("node_name", "time", "cluster_name", "node_labels", "aggregation_info");

    @Override
    public Sensor sensor() {
        return Sensor.TETRAGON;
    }

    @Override
    public Translation translate(JsonNode record) {
        String kind = kindOf(record);
        if (kind == null) {
            return Translation.skip(SkipReason.UNSUPPORTED_KIND, "(no event kind)");
        }
        JsonNode body = record.get(kind);
        if (!Set.of("process_exec", "process_exit", "process_kprobe", "process_tracepoint").contains(kind)) {
            return Translation.skip(SkipReason.UNSUPPORTED_KIND, kind);
        }
        JsonNode process = JsonFields.object(body, "process");
        if (process == null) {
            return Translation.skip(SkipReason.MISSING_FIELDS, kind + " without process");
        }
        JsonNode pod = JsonFields.object(process, "pod");
        if (pod == null) {
            return Translation.skip(SkipReason.HOST_PROCESS, null);
        }
        JsonNode container = JsonFields.object(pod, "container");
        String containerId = ImageIds.containerId(JsonFields.text(container, "id"));
        if (containerId == null) {
            return Translation.skip(SkipReason.MISSING_FIELDS, "pod without container id");
        }
        JsonNode image = JsonFields.object(container, "image");
        String digest = ImageIds.digest(JsonFields.text(image, "id"));
        if (digest == null) {
            return Translation.skip(SkipReason.NO_IMAGE_DIGEST, JsonFields.text(image, "name"));
        }
        String node = JsonFields.text(record, "node_name");
        JsonNode parent = JsonFields.object(body, "parent");
        Function<String, EventDraft> draft = type -> new EventDraft(time(record, process, kind), type)
                .container(containerId, JsonFields.text(image, "name"), digest, node,
                        JsonFields.text(pod, "namespace"), JsonFields.text(pod, "name"), JsonFields.text(record, "cluster_name"))
                .process(JsonFields.number(process, "pid"), JsonFields.number(parent, "pid"),
                        JsonFields.text(process, "binary"), JsonFields.number(process, "uid"), JsonFields.text(parent, "binary"))
                .args(TetragonArguments.split(JsonFields.text(process, "arguments")))
                .execIds(JsonFields.text(process, "exec_id"), JsonFields.text(process, "parent_exec_id"));
        Translation translation = switch (kind) {
            case "process_exec" -> new Translation.Mapped(draft.apply("process.exec").json(), null);
            case "process_exit" -> new Translation.Mapped(draft.apply("process.exit").json(), null);
            case "process_kprobe" -> KprobeEvents.translate(body, draft);
            default -> TracepointEvents.translate(body, draft);
        };
        return translation instanceof Translation.Mapped mapped ? new Translation.Mapped(mapped.event(), node) : translation;
    }

    /** The one field of the envelope that names the event kind, or null. */
    private static @Nullable String kindOf(JsonNode record) {
        for (String field : record.propertyNames()) {
            if (!ENVELOPE.contains(field) && record.get(field).isObject()) {
                return field;
            }
        }
        return null;
    }

    /** The event's time; an exec without one (the export of some versions) happened at its process's start. */
    private static @Nullable String time(JsonNode record, @Nullable JsonNode process, String kind) {
        String time = JsonFields.text(record, "time");
        return time == null && kind.equals("process_exec") ? JsonFields.text(process, "start_time") : time;
    }
}
