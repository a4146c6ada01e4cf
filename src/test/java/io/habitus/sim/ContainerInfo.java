package io.habitus.sim;

import java.util.LinkedHashMap;
import java.util.Map;

/** Where a simulated container runs: the {@code container} section of every event. */
public record ContainerInfo(String id, String image, String imageDigest, String node, String namespace, String pod,
        String cluster) {

    public Map<String, Object> toJson() {
        Map<String, Object> container = new LinkedHashMap<>();
        container.put("id", id);
        container.put("image", image);
        container.put("imageDigest", imageDigest);
        container.put("node", node);
        container.put("namespace", namespace);
        container.put("pod", pod);
        container.put("cluster", cluster);
        return container;
    }
}
