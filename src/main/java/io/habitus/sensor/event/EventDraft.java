package io.habitus.sensor.event;

import java.util.List;
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

    public EventDraft(String time, String type) {
        put(event, "time", time);
        event.put("type", type);
        event.set("container", container);
        event.set("process", process);
    }

    public EventDraft container(String id, String image, String imageDigest, String node, String namespace, String pod,
            String cluster) {
        put(container, "id", id);
        put(container, "image", image);
        put(container, "imageDigest", imageDigest);
        put(container, "node", node);
        put(container, "namespace", namespace);
        put(container, "pod", pod);
        put(container, "cluster", cluster);
        return this;
    }

    public EventDraft process(Long pid, Long ppid, String exe, Long uid, String parentExe) {
        put(process, "pid", pid);
        put(process, "ppid", ppid);
        put(process, "exe", exe);
        put(process, "uid", uid);
        put(process, "parentExe", parentExe);
        return this;
    }

    public EventDraft args(List<String> args) {
        if (args != null) {
            ArrayNode array = process.putArray("args");
            args.forEach(array::add);
        }
        return this;
    }

    public EventDraft execIds(String execId, String parentExecId) {
        put(process, "execId", execId);
        put(process, "parentExecId", parentExecId);
        return this;
    }

    public EventDraft file(String path) {
        put(event.putObject("file"), "path", path);
        return this;
    }

    public EventDraft network(String protocol, Long port, String address) {
        ObjectNode network = event.putObject("network");
        put(network, "protocol", protocol);
        put(network, "port", port);
        put(network, "address", address);
        return this;
    }

    public EventDraft syscall(String name, Long nr) {
        ObjectNode syscall = event.putObject("syscall");
        put(syscall, "name", name);
        put(syscall, "nr", nr);
        return this;
    }

    public JsonNode json() {
        return event;
    }

    private static void put(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static void put(ObjectNode node, String field, Long value) {
        if (value != null) {
            node.put(field, value.longValue());
        }
    }
}
