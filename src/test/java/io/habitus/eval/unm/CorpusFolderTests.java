package io.habitus.eval.unm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class CorpusFolderTests {

    @TempDir
    Path dir;

    @Test
    void readsNumbersAndNamesInAnyMixWithBlankLinesIgnoredAndFilesInNameOrder() throws IOException {
        write("train/b", "open read\n\n  5 READ\tclose\n");
        write("train/a", "5 5");
        write("train/.hidden", "9");
        write("train/empty", "\n");
        write("normal/n1", "open 0005");
        write("attack/z-kind/1", "execve");
        write("attack/a-kind/1", "read 7");

        Corpus corpus = CorpusFolder.read(dir, "demo", null, 1, 400, 200);

        assertThat(corpus.learning()).extracting(Trace::source).containsExactly("train/a", "train/b");
        assertThat(tokens(corpus, corpus.learning().get(1))).containsExactly("open", "read", "5", "read", "close");
        assertThat(tokens(corpus, corpus.heldOut().getFirst())).containsExactly("open", "5");
        assertThat(corpus.attacks()).containsOnlyKeys("attack/a-kind", "attack/z-kind");
        assertThat(corpus.attacks().keySet()).first().isEqualTo("attack/a-kind");
        assertThat(corpus.executable()).isEqualTo(CorpusFolder.DEFAULT_EXECUTABLE);
        assertThat(corpus.normalTraces()).isEqualTo(3);
    }

    @Test
    void readsSubfoldersInPathOrderAndLooseAttackFilesAsOneKind() throws IOException {
        write("train/host-b/1", "1 2");
        write("train/host-a/2", "3");
        write("train/host-a/.cache/3", "9");
        write("normal/n", "1");
        write("attack/web-shell/run-2/t", "4");
        write("attack/web-shell/run-1/t", "5");
        write("attack/loose", "6");

        Corpus corpus = CorpusFolder.read(dir, "demo", null, 1, 400, 200);

        assertThat(corpus.learning()).extracting(Trace::source).containsExactly("train/host-a/2", "train/host-b/1");
        assertThat(corpus.attacks()).containsOnlyKeys("attack/web-shell", "attack");
        assertThat(corpus.attacks().get("attack/web-shell")).extracting(Trace::source)
                .containsExactly("attack/web-shell/run-1/t", "attack/web-shell/run-2/t");
        assertThat(tokens(corpus, corpus.attacks().get("attack").getFirst())).containsExactly("6");
    }

    @Test
    void readsAdfaLdAsItIsUnpacked() throws IOException {
        write("Training_Data_Master/UTD-0001.txt", "6 6 63 6 42 120 6 195 120 6 6 114 ");
        write("Validation_Data_Master/UVD-0001.txt", "265 168 168 265 ");
        write("Attack_Data_Master/Adduser_1/UAD-Adduser-1-2783.txt", "6 6 63 ");
        write("Attack_Data_Master/Web_Shell_1/UAD-WS1-1.txt", "102 ");

        Corpus corpus = CorpusFolder.read(dir, "adfa", null, 1, 400, 200);

        assertThat(corpus.learning()).hasSize(1);
        assertThat(tokens(corpus, corpus.learning().getFirst())).hasSize(12).startsWith("6", "6", "63");
        assertThat(tokens(corpus, corpus.heldOut().getFirst())).containsExactly("265", "168", "168", "265");
        assertThat(corpus.attacks()).containsOnlyKeys("Attack_Data_Master/Adduser_1", "Attack_Data_Master/Web_Shell_1");
    }

    @Test
    void numbersBecomeSyscallNumbersAndNamesSyscallNames() {
        SyscallVocabulary vocabulary = new SyscallVocabulary();
        ObjectNode number = JsonMapper.builder().build().createObjectNode();
        ObjectNode name = JsonMapper.builder().build().createObjectNode();

        vocabulary.describe(vocabulary.id("042"), number);
        vocabulary.describe(vocabulary.id("Mmap2"), name);

        assertThat(number.toString()).isEqualTo("{\"nr\":42}");
        assertThat(name.toString()).isEqualTo("{\"name\":\"mmap2\"}");
        assertThat(vocabulary.id("42")).isEqualTo(vocabulary.id("042"));
        assertThatThrownBy(() -> vocabulary.id("sys-call")).hasMessageContaining("sys-call");
    }

    @Test
    void refusesACorpusWithoutAttacksAndNamesTheBadToken() throws IOException {
        write("train/a", "1 2");
        write("normal/a", "1 2");
        assertThatThrownBy(() -> CorpusFolder.read(dir, "demo", null, 1, 400, 200)).hasMessageContaining("attack/<kind>/");

        write("attack/k/a", "1\n2 x/y\n");
        assertThatThrownBy(() -> CorpusFolder.read(dir, "demo", null, 1, 400, 200)).hasMessageContaining("attack/k/a:2");
    }

    @Test
    void anExportedCorpusReadsBackWithTheSameTracesKindsAndOrder() throws IOException {
        Map<String, List<Trace>> attacks = new LinkedHashMap<>();
        attacks.put("set/intrusion/a.int", List.of(new Trace("set/intrusion/a.int", 7, new int[] {4, 4, 9})));
        attacks.put("set/intrusion/b.int", List.of(new Trace("set/intrusion/b.int", 8, new int[] {1})));
        List<Trace> learning = IntStream.range(0, 12).mapToObj(i -> new Trace("set/n.tar!m" + i, i, new int[] {i, 3, i}))
                .toList();
        Corpus exported = new Corpus("set", "/bin/prog", Syscalls.NUMBERS, learning,
                List.of(new Trace("set/h.int", 2, new int[] {0, 3})), attacks, 20);

        CorpusFolder.write(dir, exported);
        Corpus read = CorpusFolder.read(dir, "set", null, 1, 400, 200);

        assertThat(read.executable()).isEqualTo("/bin/prog");
        assertThat(read.learning()).hasSize(12);
        for (int i = 0; i < 12; i++) {
            assertThat(tokens(read, read.learning().get(i))).isEqualTo(tokens(exported, learning.get(i)));
        }
        assertThat(tokens(read, read.heldOut().getFirst())).containsExactly("0", "3");
        assertThat(read.attacks()).containsOnlyKeys("attack/a.int", "attack/b.int");
        assertThat(tokens(read, read.attacks().get("attack/a.int").getFirst())).containsExactly("4", "4", "9");
    }

    @Test
    void subsamplesUniformlyKeepingFileOrderOnlyPastTheLimit() {
        List<Trace> traces = IntStream.range(0, 50).mapToObj(i -> new Trace("t" + i, 1, new int[] {i})).toList();

        assertThat(CorpusFolder.sample(traces, 50, 3)).isEqualTo(traces);
        List<Trace> sampled = CorpusFolder.sample(traces, 10, 3);
        assertThat(sampled).hasSize(10).isSubsetOf(traces).isSortedAccordingTo(
                (a, b) -> Integer.compare(traces.indexOf(a), traces.indexOf(b)));
        assertThat(CorpusFolder.sample(traces, 10, 3)).isEqualTo(sampled);
    }

    private static List<String> tokens(Corpus corpus, Trace trace) {
        return IntStream.of(trace.calls()).mapToObj(corpus.syscalls()::token).toList();
    }

    private void write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
