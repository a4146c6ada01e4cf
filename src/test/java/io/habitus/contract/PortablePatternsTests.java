package io.habitus.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The document's patterns are ECMAScript-compatible (what JSON Schema and generated clients use), and the
 * portable spellings validate exactly as the Java-only ones did.
 */
class PortablePatternsTests {

    @Test
    void thePortableClassesMatchWhatJavasGraphClassMatched() {
        Pattern graph = Pattern.compile("^\\p{Graph}+$");
        Pattern portable = Pattern.compile("^[\\x21-\\x7E]+$");
        Pattern graphOrSpace = Pattern.compile("^[\\p{Graph} ]+$");
        Pattern portableOrSpace = Pattern.compile("^[\\x20-\\x7E]+$");
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            String s = Character.toString(c);
            assertThat(portable.matcher(s).matches()).as("U+%04X", c).isEqualTo(graph.matcher(s).matches());
            assertThat(portableOrSpace.matcher(s).matches()).as("U+%04X", c).isEqualTo(graphOrSpace.matcher(s).matches());
        }
    }

    @Test
    void theCommittedDocumentUsesNoJavaOnlyRegularExpressions() throws IOException {
        JsonNode document = new YAMLMapper().readTree(Files.readString(OpenApiContract.DOCUMENT));
        List<String> patterns = new ArrayList<>();
        collect(document, patterns);
        assertThat(patterns).isNotEmpty();
        for (String pattern : patterns) {
            assertThat(pattern).as("Java-only syntax in " + pattern)
                    .doesNotContain("\\p{").doesNotContain("\\P{").doesNotContain("\\A")
                    .doesNotContain("\\Z").doesNotContain("\\z").doesNotContain("++").doesNotContain("*+");
        }
    }

    private static void collect(JsonNode node, List<String> patterns) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                if (field.getKey().equals("pattern") && field.getValue().isString()) {
                    patterns.add(field.getValue().stringValue());
                } else {
                    collect(field.getValue(), patterns);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, patterns));
        }
    }
}
