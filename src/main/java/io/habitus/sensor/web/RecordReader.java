package io.habitus.sensor.web;

import io.habitus.shared.FieldError;
import io.habitus.shared.HabitusProblem;
import io.habitus.shared.ProblemType;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a sensor's body into records: JSON values one after another (newline-delimited, as the
 * export file and shippers write them; a single object, as Falcosidekick posts one alert) or one
 * JSON array of them. A record that is not JSON or not an object makes the whole body a 400 naming
 * its line and column: a shipper that sends broken lines sends a broken body, and storing part of it
 * would hide that. More records than a batch may hold is a 413, found before the rest is parsed.
 */
final class RecordReader {

    private RecordReader() {
    }

    static List<JsonNode> read(byte[] body, int maxRecords, JsonMapper json) {
        // Records follow one another in one body: each is read alone, the next is no trailing token.
        ObjectReader reader = json.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        List<JsonNode> records = new ArrayList<>();
        try (JsonParser parser = json.createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.START_ARRAY) {
                    for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY; element = parser.nextToken()) {
                        add(records, reader.readValue(parser), parser, maxRecords);
                    }
                } else {
                    add(records, reader.readValue(parser), parser, maxRecords);
                }
            }
        } catch (JacksonException e) {
            throw malformed(records.size(), e.getLocation(), "is not valid JSON: " + e.getOriginalMessage());
        }
        if (records.isEmpty()) {
            throw new HabitusProblem(HttpStatus.BAD_REQUEST, ProblemType.INVALID_REQUEST, "The body holds no records");
        }
        return records;
    }

    private static void add(List<JsonNode> records, JsonNode record, JsonParser parser, int maxRecords) {
        if (record == null || !record.isObject()) {
            throw malformed(records.size(), parser.currentLocation(), "must be a JSON object");
        }
        if (records.size() == maxRecords) {
            throw new HabitusProblem(HttpStatus.CONTENT_TOO_LARGE, ProblemType.PAYLOAD_TOO_LARGE,
                    "The body has more than " + maxRecords + " records; at most " + maxRecords
                            + " are accepted per request (habitus.ingest.max-events-per-batch). Send smaller batches.");
        }
        records.add(record);
    }

    private static HabitusProblem malformed(int index, TokenStreamLocation location, String reason) {
        String where = location == null ? "record " + index
                : "line " + location.getLineNr() + ", column " + location.getColumnNr();
        HabitusProblem problem = new HabitusProblem(HttpStatus.BAD_REQUEST, ProblemType.INVALID_REQUEST,
                "Record " + index + " (" + where + ") " + reason + "; nothing was stored");
        problem.getBody().setProperty("errors", List.of(new FieldError(index, "(" + where + ")", reason)));
        return problem;
    }
}
