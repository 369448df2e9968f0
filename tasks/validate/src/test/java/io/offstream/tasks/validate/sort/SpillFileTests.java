package io.offstream.tasks.validate.sort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpillFileTests {

    @TempDir
    Path directory;

    @Test
    void keysAndCountsReadBackAsWritten() throws Exception {
        Path file = directory.resolve("spill");
        byte[] huge = new byte[3 * SpillWriter.BLOCK + 17];
        Arrays.fill(huge, (byte) 'x');
        try (SpillWriter out = new SpillWriter(file)) {
            out.write(new byte[0], 1);
            out.write(utf8("T-000123"), 2);
            out.write(huge, Long.MAX_VALUE);
            for (int i = 0; i < 20_000; i++) {
                out.write(utf8("key-" + i), i + 1);
            }
        }

        try (SpillReader in = new SpillReader(file)) {
            assertThat(in.next()).isTrue();
            assertThat(in.key()).isEmpty();
            assertThat(in.count()).isEqualTo(1);
            assertThat(in.next()).isTrue();
            assertThat(new String(in.key(), StandardCharsets.UTF_8)).isEqualTo("T-000123");
            assertThat(in.count()).isEqualTo(2);
            assertThat(in.next()).isTrue();
            assertThat(in.key()).isEqualTo(huge);
            assertThat(in.count()).isEqualTo(Long.MAX_VALUE);
            for (int i = 0; i < 20_000; i++) {
                assertThat(in.next()).isTrue();
                assertThat(new String(in.key(), StandardCharsets.UTF_8)).isEqualTo("key-" + i);
                assertThat(in.count()).isEqualTo(i + 1);
            }
            assertThat(in.next()).isFalse();
        }
    }

    @Test
    void aTruncatedFileIsAnErrorNamingIt() throws Exception {
        Path file = directory.resolve("spill");
        try (SpillWriter out = new SpillWriter(file)) {
            out.write(utf8("T-000123"), 2);
        }
        byte[] written = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(written, written.length - 3));

        try (SpillReader in = new SpillReader(file)) {
            assertThatThrownBy(in::next).isInstanceOf(EOFException.class).hasMessageContaining(file.toString());
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
