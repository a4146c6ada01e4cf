package io.habitus.sensor.event;

import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An event of the ingest contract being written from a sensor's record, as JSON: the pipeline
 * validates it like any agent's event, so a bad sensor value is reported the same way. Null values
 * are left out.
 */
public final class EventDraft {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectNode event = NODES.objectNode();
    private final ObjectNode container = NODES.objectNode();
    private final ObjectNode process = NODES.objectNode();

    public EventDraft(@Nullable String time, String type) {
        put(event, "time", time);
        event.put("type", type);
        event.set("container", container);
        event.set("process", process);
    }

    public EventDraft container(@Nullable String id, @Nullable String image, @Nullable String imageDigest,
            @Nullable String node, @Nullable String namespace, @Nullable String pod, @Nullable String cluster) {
        put(container, "id", id);
        put(container, "image", image);
        put(container, "imageDigest", imageDigest);
        put(container, "node", node);
        put(container, "namespace", namespace);
        put(container, "pod", pod);
        put(container, "cluster", cluster);
        return this;
    }

    public EventDraft process(@Nullable Long pid, @Nullable Long ppid, @Nullable String exe, @Nullable Long uid,
            @Nullable String parentExe) {
        put(process, "pid", pid);
        put(process, "ppid", ppid);
        put(process, "exe", exe);
        put(process, "uid", uid);
        put(process, "parentExe", parentExe);
        return this;
    }

    public EventDraft args(@Nullable List<String> args) {
        if (args != null) {
            ArrayNode array = process.putArray("args");
            args.forEach(array::add);
        }
        return this;
    }

    public EventDraft execIds(@Nullable String execId, @Nullable String parentExecId) {
        put(process, "execId", execId);
        put(process, "parentExecId", parentExecId);
        return this;
    }

    public EventDraft file(@Nullable String path) {
        put(event.putObject("file"), "path", path);
        return this;
    }

    public EventDraft network(@Nullable String protocol, @Nullable Long port, @Nullable String address) {
        ObjectNode network = event.putObject("network");
        put(network, "protocol", protocol);
        put(network, "port", port);
        put(network, "address", address);
        return this;
    }

    public EventDraft syscall(@Nullable String name, @Nullable Long nr) {
        ObjectNode syscall = event.putObject("syscall");
        put(syscall, "name", name);
        put(syscall, "nr", nr);
        return this;
    }

    public JsonNode json() {
        return event;
    }

    private static void put(ObjectNode node, String field, @Nullable String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static void put(ObjectNode node, String field, @Nullable Long value) {
        if (value != null) {
            node.put(field, value.longValue());
        }
    }
}
