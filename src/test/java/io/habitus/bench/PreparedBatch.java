package io.habitus.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;

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
 *
 * <p>Event times are live: each send rewrites them in place (fixed width, microseconds) so that the
 * batch's last event happened a millisecond ago, keeping the template's spacing. Agents send what
 * just happened; replaying the templates' own times, 10 to 50 minutes old, put every replay's rows
 * among the earlier replays' in the (container, time) index instead of at its end, a random-insert
 * pattern no real fleet produces. {@link #eventsJson} keeps the template's times.
 */
record PreparedBatch(String node, int size, byte[] eventsJson, long rawBytes, byte[][] rowHeads, byte[][] rowTails,
        int[] jsonTimeAt, int[] tailTimeAt, long[] eventMicros) {

    private static final byte[] TIME_KEY = "\"time\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TAB = {'\t'};

    /** Where the value of the first {@code "time":"} in {@code bytes} starts. */
    static int timeAt(byte[] bytes) {
        outer:
        for (int i = 0; i + TIME_KEY.length <= bytes.length; i++) {
            for (int j = 0; j < TIME_KEY.length; j++) {
                if (bytes[i + j] != TIME_KEY[j]) {
                    continue outer;
                }
            }
            return i + TIME_KEY.length;
        }
        throw new IllegalArgumentException("no \"time\" in the event");
    }

    /** The first event's time for a send now: the last event then lies a millisecond in the past. */
    Instant liveStart() {
        return Instant.now().minusMillis(1).minusNanos(eventMicros[size - 1] * 1_000);
    }

    private static final int TIME_WIDTH = 27;

    /** An event time as sent: UTC, fixed width ({@code 2026-11-28T10:00:00.123456Z}), so it can be rewritten in place. */
    static String time(Instant time) {
        byte[] out = new byte[TIME_WIDTH];
        writeTime(out, 0, micros(time));
        return new String(out, StandardCharsets.US_ASCII);
    }

    private static long micros(Instant time) {
        return time.getEpochSecond() * 1_000_000 + time.getNano() / 1_000;
    }

    private void writeTime(byte[] out, int at, Instant start, int i) {
        writeTime(out, at, micros(start) + eventMicros[i]);
    }

    /** Writes {@link #time}'s form of {@code micros} at {@code at}, digit by digit: this runs per sent event. */
    private static void writeTime(byte[] out, int at, long micros) {
        java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000), 0, ZoneOffset.UTC);
        at = digits(out, at, t.getYear(), 4, '-');
        at = digits(out, at, t.getMonthValue(), 2, '-');
        at = digits(out, at, t.getDayOfMonth(), 2, 'T');
        at = digits(out, at, t.getHour(), 2, ':');
        at = digits(out, at, t.getMinute(), 2, ':');
        at = digits(out, at, t.getSecond(), 2, '.');
        digits(out, at, (int) Math.floorMod(micros, 1_000_000), 6, 'Z');
    }

    private static int digits(byte[] out, int at, int value, int width, char then) {
        for (int k = width - 1; k >= 0; k--) {
            out[at + k] = (byte) ('0' + value % 10);
            value /= 10;
        }
        out[at + width] = (byte) then;
        return at + width + 1;
    }

    byte[] body(String batchId, long sequence) {
        return body(batchId, sequence, liveStart());
    }

    byte[] body(String batchId, long sequence, Instant start) {
        byte[] head = ("{\"batchId\":\"" + batchId + "\",\"agent\":{\"id\":\"" + node
                + "\",\"version\":\"1.4.2\",\"sequence\":" + sequence + ",\"dropped\":0},\"events\":")
                .getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + eventsJson.length + 1];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(eventsJson, 0, body, head.length, eventsJson.length);
        for (int i = 0; i < size; i++) {
            writeTime(body, head.length + jsonTimeAt[i], start, i);
        }
        body[body.length - 1] = '}';
        return body;
    }

    /** The batch as COPY input; {@code batchId} needs no escaping (printable ASCII without backslash). */
    byte[] copyText(String batchId, String receivedAt) {
        return copyText(batchId, receivedAt, liveStart());
    }

    byte[] copyText(String batchId, String receivedAt, Instant start) {
        byte[] received = receivedAt.getBytes(StandardCharsets.US_ASCII);
        byte[] batch = batchId.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) rawBytes + size * (received.length + batch.length + 2));
        byte[] time = new byte[TIME_WIDTH];
        for (int i = 0; i < size; i++) {
            writeTime(time, 0, start, i);
            out.writeBytes(time);
            out.write(rowHeads[i], TIME_WIDTH, rowHeads[i].length - TIME_WIDTH);
            out.writeBytes(received);
            out.writeBytes(TAB);
            out.writeBytes(batch);
            out.write(rowTails[i], 0, tailTimeAt[i]);
            out.writeBytes(time);
            out.write(rowTails[i], tailTimeAt[i] + TIME_WIDTH, rowTails[i].length - tailTimeAt[i] - TIME_WIDTH);
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
