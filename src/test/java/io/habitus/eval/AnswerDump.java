package io.habitus.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import tools.jackson.databind.JsonNode;

/**
 * A diagnostic: with {@code EVAL_DUMP=<file>} every committed answer is appended to that file as
 * one tab-separated line (archetype, phase, container, verdict, model score, threshold, learned,
 * the container's standing, the token, the lengths it was novel at, the acting process, and the
 * thresholds of the four evidences with the rarity evidence), for studying the container verdict's
 * signals offline.
 */
final class AnswerDump {

    private final Path file;

    private AnswerDump(Path file) {
        this.file = file;
    }

    static AnswerDump fromEnvironment() {
        String path = System.getenv("EVAL_DUMP");
        return new AnswerDump(path == null || path.isBlank() ? null : Path.of(path));
    }

    synchronized void write(String archetype, String phase, int container, JsonNode results) {
        if (file == null) {
            return;
        }
        StringBuilder lines = new StringBuilder();
        for (JsonNode result : results) {
            JsonNode c = result.path("container");
            lines.append(archetype).append('\t').append(phase).append('\t').append(container).append('\t')
                    .append(result.path("verdict").asString()).append('\t').append(result.path("score").asString("")).append('\t')
                    .append(result.path("threshold").asString("")).append('\t').append(result.path("learned").asBoolean(false))
                    .append('\t').append(c.path("novel").asBoolean(false)).append('\t').append(c.path("evidence").asString(""))
                    .append('\t').append(c.path("mixEvidence").asString("")).append('\t').append(c.path("modelEvidence").asString(""))
                    .append('\t').append(c.path("risk").asString("")).append('\t').append(result.path("token").asString())
                    .append('\t').append(c.path("novelAs").toString())
                    .append('\t').append(result.path("transition").path("actor").path("process").asString(""))
                    .append('\t').append(c.path("threshold").asString("")).append('\t').append(c.path("mixThreshold").asString(""))
                    .append('\t').append(c.path("rarityEvidence").asString("")).append('\t').append(c.path("rarityThreshold").asString(""))
                    .append('\t').append(c.path("modelThreshold").asString(""))
                    .append('\n');
        }
        try {
            Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
