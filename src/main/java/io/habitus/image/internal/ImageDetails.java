package io.habitus.image.internal;

import io.habitus.image.Images;
import java.util.List;
import java.util.Map;

/**
 * Everything the catalogue knows about an image.
 *
 * @param eventCounts accepted events per event type
 * @param containers the most recently seen containers, at most {@link Images#CONTAINERS_SHOWN}
 */
public record ImageDetails(
        ImageSummary summary, List<String> nodes, Map<String, Long> eventCounts, List<ContainerSummary> containers) {}
