package io.habitus.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One batch built up front, in the two forms the benchmark sends: the JSON array of its events
 * (for the service) and its rows in COPY text format (for the baseline). Only the batchId, agent
 * sequence and received time change per send, so each send costs a couple of array copies instead
 * of JSON writing: the load generator shares the machine's two cores with the service and
 * PostgreSQL, and must take as little from them as it can.
 *
 * <p>Each COPY row is what {@code EventLog}/{@code CopyText} write for the same event: event_time,
 * received_at, batch_id, event_index, event_type, image_digest, container_id, node, payload — the
 * payload being the event's JSON exactly as sent. Rows are kept as a head (up to and including the
 * tab before received_at) and a tail (after batch_id), so that the two per-send values slot in.
 */
record PreparedBatch(String node, int size, byte[] eventsJson, long rawBytes, byte[][] rowHeads, byte[][] rowTails) {

    private static final byte[] TAB = {'\t'};

    byte[] body(String batchId, long sequence) {
        byte[] head = ("{\"batchId\":\"" + batchId + "\",\"agent\":{\"id\":\"" + node
                + "\",\"version\":\"1.4.2\",\"sequence\":" + sequence + ",\"dropped\":0},\"events\":")
                .getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + eventsJson.length + 1];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(eventsJson, 0, body, head.length, eventsJson.length);
        body[body.length - 1] = '}';
        return body;
    }

    /** The batch as COPY input; {@code batchId} needs no escaping (printable ASCII without backslash). */
    byte[] copyText(String batchId, String receivedAt) {
        byte[] received = receivedAt.getBytes(StandardCharsets.US_ASCII);
        byte[] batch = batchId.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) rawBytes + size * (received.length + batch.length + 2));
        for (int i = 0; i < size; i++) {
            out.writeBytes(rowHeads[i]);
            out.writeBytes(received);
            out.writeBytes(TAB);
            out.writeBytes(batch);
            out.writeBytes(rowTails[i]);
        }
        return out.toByteArray();
    }

    /** The same escaping as the service's CopyText: backslash, tab, newline and carriage return. */
    static String escape(String value) {
        if (value == null) {
            return "\\N";
        }
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
