package io.habitus.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.shared.FieldError;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class RawEventLimitsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Property
    void stringsUpToTheLimitPassAndLongerOnesAreNamed(@ForAll @IntRange(min = 16, max = 200) int limit,
            @ForAll @IntRange(min = 0, max = 400) int length, @ForAll boolean plainStrings) {
        ObjectNode event = JSON.createObjectNode();
        event.putObject("file").put("path", "a".repeat(length));

        FieldError error = RawEventLimits.check(3, event, limit, 10, plainStrings);

        if (length <= limit) {
            assertThat(error).isNull();
        } else {
            assertThat(error).isEqualTo(new FieldError(3, "file.path",
                    "is " + length + " characters long; at most " + limit + " are accepted"));
        }
    }

    @Property
    void ordinaryUnicodeTextPasses(@ForAll @StringLength(max = 100) String text) {
        ObjectNode event = JSON.createObjectNode();
        event.putObject("process").put("exe", text.replace('\u0000', 'x'));
        boolean unpaired = hasUnpairedSurrogate(text.replace('\u0000', 'x'));

        FieldError error = RawEventLimits.check(0, event, 4096, 10, false);

        assertThat(error == null).isEqualTo(!unpaired);
    }

    @Test
    void nulCharactersAreRefusedBecausePostgresCannotStoreThem() {
        JsonNode event = JSON.readTree("{\"process\":{\"exe\":\"/bin/\\u0000sh\"}}");
        assertThat(RawEventLimits.check(0, event, 4096, 10, false).field()).isEqualTo("process.exe");
    }

    @Test
    void unpairedSurrogatesAreRefused() {
        JsonNode event = JSON.readTree("{\"file\":{\"path\":\"/tmp/\\ud800x\"}}");
        assertThat(RawEventLimits.check(0, event, 4096, 10, false).reason()).contains("surrogate");
        JsonNode paired = JSON.readTree("{\"file\":{\"path\":\"/tmp/\\ud83d\\ude00\"}}");
        assertThat(RawEventLimits.check(0, paired, 4096, 10, false)).isNull();
    }

    @Test
    void longArraysAreNamedWithTheirPath() {
        JsonNode event = JSON.readTree("{\"process\":{\"args\":[\"a\",\"b\",\"c\"]}}");
        assertThat(RawEventLimits.check(1, event, 4096, 2, false))
                .isEqualTo(new FieldError(1, "process.args", "has 3 items; at most 2 are accepted"));
    }

    @Test
    void longStringsInsideArraysAreNamedWithTheirIndex() {
        JsonNode event = JSON.readTree("{\"process\":{\"args\":[\"a\",\"" + "b".repeat(20) + "\"]}}");
        assertThat(RawEventLimits.check(0, event, 16, 10, false).field()).isEqualTo("process.args[1]");
    }

    private static boolean hasUnpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
