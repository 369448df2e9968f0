package io.offstream.tasks.validate.sort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeySorterTests {

    private static final long TINY_BUFFER = 1024;

    @TempDir
    Path spill;

    @Test
    void keysComeOutInOrderOnceEachWithHowOftenTheyWereAdded() throws IOException {
        Random random = new Random(3);
        Map<String, Long> expected = new TreeMap<>();
        try (KeySorter sorter = new KeySorter(spill, "landed", TINY_BUFFER)) {
            for (int i = 0; i < 5_000; i++) {
                String key = "T-" + random.nextInt(2_000);
                sorter.add(key);
                expected.merge(key, 1L, Long::sum);
            }

            assertThat(sorter.spillFiles()).as("a tiny buffer spills more than once").isGreaterThan(1);
            assertThat(sorter.added()).isEqualTo(5_000);
            assertThat(drain(sorter.sorted())).containsExactlyEntriesOf(expected);
        }
    }

    @Test
    void keysSortAsJavaSortsTheirTextsWhateverTheirBytes() throws IOException {
        List<String> keys = List.of("b", "a", "a\0", "", "a\0\0", "ab", "\uE000", "\uD83D\uDE00", "\u00E9", "z", "a\0", "1001|2|2026-03-01",
                "1001|2|2026-03-02", "1001|10|2026-03-01", "x".repeat(5_000), "x".repeat(4_999) + "y", "x".repeat(5_000));
        Map<String, Long> expected = new TreeMap<>();
        keys.forEach(key -> expected.merge(key, 1L, Long::sum));
        try (KeySorter sorter = new KeySorter(spill, "accepted", TINY_BUFFER)) {
            for (String key : keys) {
                sorter.add(key);
            }

            assertThat(drain(sorter.sorted())).containsExactlyEntriesOf(expected);
        }
    }

    @Test
    void aLongSharedPrefixStillSortsByWhatFollowsIt() throws IOException {
        String prefix = "p".repeat(300);
        List<String> keys = new ArrayList<>();
        for (int i = 999; i >= 0; i--) {
            keys.add(prefix + i);
        }
        Map<String, Long> expected = new TreeMap<>();
        keys.forEach(key -> expected.put(key, 1L));
        try (KeySorter sorter = new KeySorter(spill, "accepted", 1 << 20)) {
            for (String key : keys) {
                sorter.add(key);
            }

            assertThat(drain(sorter.sorted())).containsExactlyEntriesOf(expected);
        }
    }

    @Test
    void noKeysSortToNothing() throws IOException {
        try (KeySorter sorter = new KeySorter(spill, "dead-lettered", TINY_BUFFER)) {
            SortedKeys sorted = sorter.sorted();

            assertThat(sorted.next()).isFalse();
            assertThat(sorted.next()).isFalse();
        }
        assertThat(spill).isEmptyDirectory();
    }

    @Test
    void moreFilesThanTheFanInAreMergedInStages() throws IOException {
        Map<String, Long> expected = new TreeMap<>();
        try (KeySorter sorter = new KeySorter(spill, "landed", TINY_BUFFER, 3)) {
            for (int i = 0; i < 3_000; i++) {
                String key = "k" + (i * 7919 % 1_000);
                sorter.add(key);
                expected.merge(key, 1L, Long::sum);
            }
            assertThat(sorter.spillFiles()).isGreaterThan(10);

            SortedKeys sorted = sorter.sorted();

            assertThat(sorter.spillFiles()).isLessThanOrEqualTo(3);
            assertThat(drain(sorted)).containsExactlyEntriesOf(expected);
            try (var files = Files.list(spill.resolve(only(spill)))) {
                assertThat(files.count()).as("merged files are deleted as soon as they are merged").isEqualTo(sorter.spillFiles());
            }
        }
    }

    @Test
    void closingDeletesTheSpillFilesAndTheirDirectoryWhetherOrNotTheKeysWereRead() throws IOException {
        try (KeySorter read = new KeySorter(spill, "accepted", TINY_BUFFER); KeySorter unread = new KeySorter(spill, "landed", TINY_BUFFER)) {
            for (int i = 0; i < 1_000; i++) {
                read.add("k" + i);
                unread.add("k" + i);
            }
            SortedKeys sorted = read.sorted();
            sorted.next();
            try (var directories = Files.list(spill)) {
                assertThat(directories.map(d -> d.getFileName().toString())).hasSize(2)
                        .allMatch(name -> name.startsWith("offstream-validate-accepted-") || name.startsWith("offstream-validate-landed-"));
            }
        }
        assertThat(spill).isEmptyDirectory();
    }

    @Test
    void aKeyLargerThanTheBufferIsSortedAlone() throws IOException {
        String large = "L".repeat(10_000);
        try (KeySorter sorter = new KeySorter(spill, "landed", TINY_BUFFER)) {
            sorter.add("b");
            sorter.add(large);
            sorter.add("a");

            assertThat(drain(sorter.sorted()).keySet()).containsExactly(large, "a", "b");
        }
    }

    @Test
    void keysCannotBeAddedOnceSortedNorSortedTwice() throws IOException {
        try (KeySorter sorter = new KeySorter(spill, "accepted", TINY_BUFFER)) {
            sorter.add("a");
            sorter.sorted();

            assertThatThrownBy(() -> sorter.add("b")).isInstanceOf(IllegalStateException.class).hasMessageContaining("already sorted");
            assertThatThrownBy(sorter::sorted).isInstanceOf(IllegalStateException.class).hasMessageContaining("already sorted");
        }
    }

    @Test
    void aSpillDirectoryThatCannotBeMadeIsAnErrorNamingIt() throws IOException {
        Path notADirectory = Files.writeString(spill.resolve("a-file"), "");
        try (KeySorter sorter = new KeySorter(notADirectory, "accepted", TINY_BUFFER)) {
            sorter.add("a");

            assertThatThrownBy(sorter::sorted).isInstanceOf(IOException.class)
                    .hasMessageStartingWith("Cannot make a directory for spilling the accepted keys under " + notADirectory);
        }
    }

    private static Map<String, Long> drain(SortedKeys sorted) throws IOException {
        Map<String, Long> keys = new LinkedHashMap<>();
        while (sorted.next()) {
            assertThat(keys.put(sorted.text(), sorted.count())).as("each key once").isNull();
        }
        return keys;
    }

    private static Path only(Path directory) throws IOException {
        try (var entries = Files.list(directory)) {
            return entries.findFirst().orElseThrow().getFileName();
        }
    }
}
