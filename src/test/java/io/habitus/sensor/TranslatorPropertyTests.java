package io.habitus.sensor;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.sensor.falco.FalcoTranslator;
import io.habitus.sensor.internal.Translation;
import io.habitus.sensor.tetragon.TetragonTranslator;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Whatever a sensor sends, translating a record never throws: any field of a real record replaced
 * by any JSON value gives an event or a skip, and an event always names its container and digest
 * (jqwik). Bad values inside an event are then the validator's to report, like any agent's.
 */
class TranslatorPropertyTests {

    private static final List<JsonNode> TETRAGON = SensorRecords.fixture("tetragon/pod-events.jsonl");
    private static final List<JsonNode> FALCO = SensorRecords.fixture("falco/alerts.jsonl");
    private final TetragonTranslator tetragon = new TetragonTranslator();
    private final FalcoTranslator falco = new FalcoTranslator();

    @Property(tries = 1500)
    void anyTetragonRecordWithAnyFieldReplacedIsAnEventOrASkip(@ForAll("indexes") int record, @ForAll("indexes") int field,
            @ForAll("values") JsonNode value) {
        checked(tetragon.translate(replaced(TETRAGON.get(record % TETRAGON.size()), field, value)));
    }

    @Property(tries = 1500)
    void anyFalcoAlertWithAnyFieldReplacedIsAnEventOrASkip(@ForAll("indexes") int record, @ForAll("indexes") int field,
            @ForAll("values") JsonNode value) {
        checked(falco.translate(replaced(FALCO.get(record % FALCO.size()), field, value)));
    }

    private static void checked(Translation translation) {
        assertThat(translation).isNotNull();
        if (translation instanceof Translation.Mapped mapped) {
            assertThat(mapped.event().at("/container/id").isString()).isTrue();
            assertThat(mapped.event().at("/container/imageDigest").stringValue()).matches("sha256:[0-9a-f]{64}");
        }
    }

    /** A copy of the record with the field-th value (depth first, containers included) replaced. */
    private static JsonNode replaced(JsonNode record, int field, JsonNode value) {
        ObjectNode copy = (ObjectNode) record.deepCopy();
        List<Runnable> replacements = new ArrayList<>();
        collect(copy, value, replacements);
        replacements.get(field % replacements.size()).run();
        return copy;
    }

    private static void collect(JsonNode node, JsonNode value, List<Runnable> replacements) {
        if (node instanceof ObjectNode object) {
            for (String name : List.copyOf(object.propertyNames())) {
                replacements.add(() -> object.set(name, value));
                collect(object.get(name), value, replacements);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                int index = i;
                replacements.add(() -> array.set(index, value));
                collect(array.get(i), value, replacements);
            }
        }
    }

    @Provide
    Arbitrary<Integer> indexes() {
        return Arbitraries.integers().between(0, 10_000);
    }

    @Provide
    Arbitrary<JsonNode> values() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return Arbitraries.oneOf(
                Arbitraries.just(nodes.nullNode()),
                Arbitraries.just(nodes.objectNode()),
                Arbitraries.just(nodes.arrayNode()),
                Arbitraries.longs().map(nodes::numberNode),
                Arbitraries.doubles().map(nodes::numberNode),
                Arbitraries.of(true, false).map(nodes::booleanNode),
                Arbitraries.strings().ofMaxLength(80).map(nodes::stringNode),
                Arbitraries.of("", " ", "<NA>", "host", "containerd://", "sha256:", "-1", "18446744073709551615",
                        "docker://abc@sha256:" + "F".repeat(64)).map(nodes::stringNode));
    }
}
