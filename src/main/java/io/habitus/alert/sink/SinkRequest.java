package io.habitus.alert.sink;

import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * One HTTP request to a sink and the deliveries it carries.
 *
 * @param oversized a single alert larger than the sink's body bound: not sent, given up
 */
public record SinkRequest(byte[] body, MediaType contentType, HttpHeaders headers, List<Delivery> deliveries,
        boolean oversized) {

    public SinkRequest {
        deliveries = List.copyOf(deliveries);
    }
}
