package io.habitus.eval.unm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceReaderTests {

    @TempDir
    Path folder;

    @Test
    void splitsInterleavedProcessesByPidKeepingTheirOrder() throws IOException {
        String text = "930 90 \n930 125\n\n167\t4\n930 5  \n167 6\n";
        List<Trace> traces = TraceReader.parse(stream(text), "f.int");

        assertThat(traces).extracting(Trace::pid).containsExactly(930, 167);
        assertThat(traces.get(0).calls()).containsExactly(90, 125, 5);
        assertThat(traces.get(1).calls()).containsExactly(4, 6);
        assertThat(traces.get(1).id()).isEqualTo("f.int#167");
    }

    @Test
    void refusesLinesThatAreNotTwoNumbers() {
        assertThatThrownBy(() -> TraceReader.parse(stream("1 2\n1 2 3\n"), "bad.int"))
                .isInstanceOf(IOException.class).hasMessageContaining("bad.int:2");
        assertThatThrownBy(() -> TraceReader.parse(stream("1 x\n"), "bad.int"))
                .isInstanceOf(IOException.class).hasMessageContaining("bad.int:1");
    }

    @Test
    void readsGzipMembersOfTarArchivesAndSkipsOtherMembers() throws IOException {
        Path archive = folder.resolve("traces.tar.gz");
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(Files.newOutputStream(archive)))) {
            member(tar, "real/a.log.int.gz", gzip("7 1\n7 2\n"));
            member(tar, "real/tot", "2 real/a.log.int\n".getBytes(StandardCharsets.US_ASCII));
            member(tar, "real/b.log.int.gz", gzip("8 3\n"));
        }
        List<Trace> traces = TraceReader.read(archive, "lpr/traces.tar.gz");

        assertThat(traces).extracting(Trace::source)
                .containsExactly("lpr/traces.tar.gz!real/a.log.int.gz", "lpr/traces.tar.gz!real/b.log.int.gz");
        assertThat(traces.get(0).calls()).containsExactly(1, 2);
        assertThat(traces.get(1).calls()).containsExactly(3);
    }

    private static void member(TarArchiveOutputStream tar, String name, byte[] body) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(body.length);
        tar.putArchiveEntry(entry);
        tar.write(body);
        tar.closeArchiveEntry();
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(text.getBytes(StandardCharsets.US_ASCII));
        }
        return out.toByteArray();
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
    }
}
