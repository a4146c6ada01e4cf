package io.habitus.sensor;

import io.habitus.behavior.GeneralisationProperties;
import io.habitus.behavior.Tokenizer;
import io.habitus.ingest.RuntimeEvent;
import io.habitus.sensor.internal.Translation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sensor records for tests: the project's own fixtures (src/test/resources/sensors, written in each
 * sensor's documented format) and, when present, the real Tetragon output in /work/shared/data.
 */
public final class SensorRecords {

    public static final Path SHARED_TETRAGON = Path.of(System.getProperty("habitus.tetragon-data",
            "/work/shared/data/tetragon-events"));

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Tokenizer TOKENIZER = new Tokenizer(GeneralisationProperties.defaults());

    private SensorRecords() {
    }

    /** The lines of a fixture under src/test/resources/sensors, one record each. */
    public static List<JsonNode> fixture(String name) {
        return fixtureText(name).lines().filter(l -> !l.isBlank()).map(JSON::readTree).toList();
    }

    public static String fixtureText(String name) {
        try (InputStream in = SensorRecords.class.getResourceAsStream("/sensors/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A record of the shared Tetragon data (a pretty-printed file or one line of a .jsonl). */
    public static JsonNode shared(String relativePath) {
        try {
            return JSON.readTree(Files.readString(SHARED_TETRAGON.resolve(relativePath)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<JsonNode> sharedLines(String relativePath) {
        try (Stream<String> lines = Files.lines(SHARED_TETRAGON.resolve(relativePath))) {
            return lines.filter(l -> !l.isBlank()).map(JSON::readTree).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies of the records with their {@code time} moved to just before {@code end}, one millisecond
     * apart in the order of their original times (records without one keep their place), because
     * retention refuses old times and the originals may lie months apart.
     */
    public static List<JsonNode> movedTo(List<JsonNode> records, Instant end) {
        List<Integer> order = java.util.stream.IntStream.range(0, records.size()).boxed()
                .sorted(java.util.Comparator.comparing(i -> { Instant t = time(records.get(i)); return t == null ? Instant.MIN : t; }))
                .toList();
        ObjectNode[] moved = new ObjectNode[records.size()];
        for (int rank = 0; rank < order.size(); rank++) {
            int i = order.get(rank);
            moved[i] = (ObjectNode) records.get(i).deepCopy();
            moved[i].put("time", end.minusMillis(order.size() - rank).toString());
        }
        return List.of(moved);
    }

    private static Instant time(JsonNode record) {
        JsonNode time = record.get("time");
        return time == null || !time.isString() ? null : Instant.parse(time.stringValue());
    }

    /** The token Habitus learns from a translated event. */
    public static String token(Translation translation) {
        if (!(translation instanceof Translation.Mapped mapped)) {
            throw new AssertionError("not mapped: " + translation);
        }
        return TOKENIZER.tokenize(JSON.treeToValue(mapped.event(), RuntimeEvent.class)).raw().text();
    }

    /** The token, or the skip as {@code skip <reason> <what>}, so that one table names both. */
    public static String outcome(Translation translation) {
        return switch (translation) {
            case Translation.Mapped mapped -> token(mapped);
            case Translation.Skipped skipped -> "skip " + skipped.reason().wireName()
                    + (skipped.what() == null ? "" : " " + skipped.what());
        };
    }

    public static String ndjson(List<JsonNode> records) {
        StringBuilder body = new StringBuilder();
        records.forEach(r -> body.append(JSON.writeValueAsString(r)).append('\n'));
        return body.toString();
    }
}
