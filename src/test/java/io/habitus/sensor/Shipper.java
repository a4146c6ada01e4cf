package io.habitus.sensor;

import io.habitus.support.Api;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import tools.jackson.databind.JsonNode;

/**
 * How a shipper talks to Habitus, as its documentation and source describe it: how it frames a
 * batch, whether it compresses, which headers it sends and which answers make it resend the same
 * bytes. Tests replay fixtures through it to check the receiving side the way the shipper uses it.
 *
 * @param maxRecords records per request (the shipper's batch size)
 */
record Shipper(String name, String contentType, boolean gzip, int maxRecords, IntPredicate retries, String userAgent) {

    /** Vector's http sink: text codec, newline framing, gzip; retries 429 and 5xx except 501. */
    static Shipper vector(int maxEvents) {
        return new Shipper("vector", "application/x-ndjson", true, maxEvents,
                status -> status == 429 || status >= 500 && status != 501, "Vector/0.46.1");
    }

    /** Fluent Bit's http output: json_lines (application/x-ndjson), gzip; retries 408, 429 and 5xx. */
    static Shipper fluentBit(int recordsPerChunk) {
        return new Shipper("fluent-bit", "application/x-ndjson", true, recordsPerChunk,
                status -> status == 408 || status == 429 || status >= 500, "Fluent-Bit");
    }

    /** Falcosidekick's webhook output: one alert per POST as application/json; it does not resend. */
    static Shipper falcosidekick() {
        return new Shipper("falcosidekick", "application/json", false, 1, status -> false, "Falcosidekick");
    }

    /** The request bodies the shipper builds from these records, in order, before compression. */
    List<byte[]> batches(List<JsonNode> records) {
        List<byte[]> bodies = new ArrayList<>();
        for (int from = 0; from < records.size(); from += maxRecords) {
            List<JsonNode> batch = records.subList(from, Math.min(records.size(), from + maxRecords));
            String body = maxRecords == 1 ? SensorRecords.JSON.writeValueAsString(batch.getFirst()) : SensorRecords.ndjson(batch);
            bodies.add(body.getBytes(StandardCharsets.UTF_8));
        }
        return bodies;
    }

    /** Sends one body and resends the identical bytes while the answer is one the shipper retries (at most 5 times). */
    List<Api.Reply> deliver(Api api, String path, byte[] body) {
        byte[] wire = gzip ? Api.gzip(body) : body;
        List<Api.Reply> replies = new ArrayList<>();
        Api.Reply reply;
        do {
            reply = gzip ? api.send("POST", path, contentType, wire, "Content-Encoding", "gzip", "User-Agent", userAgent)
                    : api.send("POST", path, contentType, wire, "User-Agent", userAgent);
            replies.add(reply);
        } while (retries.test(reply.status()) && replies.size() < 6);
        return replies;
    }
}
