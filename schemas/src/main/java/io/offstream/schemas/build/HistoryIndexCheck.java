package io.offstream.schemas.build;

import io.offstream.schemas.history.HistoryLayout;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The index file must list exactly the record folders: the jar finds records through it, so a
 * folder it misses would be left out of every decoder at run time.
 */
final class HistoryIndexCheck {

    private HistoryIndexCheck() {
    }

    static List<String> problems(Path historyDir) {
        Path index = historyDir.resolve(HistoryLayout.INDEX_FILE);
        if (!Files.isRegularFile(index)) {
            return List.of(index + " is missing: it lists the record folders, one per line");
        }
        List<String> listed;
        try (Reader reader = Files.newBufferedReader(index, StandardCharsets.UTF_8)) {
            listed = HistoryLayout.readIndex(reader);
        } catch (IOException e) {
            return List.of("cannot read " + index + ": " + e);
        }
        Set<String> folders = folders(historyDir);
        List<String> problems = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (String record : listed) {
            if (!seen.add(record)) {
                problems.add(index + " lists " + record + " twice");
            } else if (!folders.contains(record)) {
                problems.add(index + " lists " + record + ", but " + historyDir.resolve(record) + " does not exist");
            }
        }
        for (String folder : folders) {
            if (!seen.contains(folder)) {
                problems.add(historyDir.resolve(folder) + " is not listed in " + index
                        + ": add it, or the jar will not know the record");
            }
        }
        return problems;
    }

    private static Set<String> folders(Path historyDir) {
        try (Stream<Path> entries = Files.list(historyDir)) {
            Set<String> folders = new TreeSet<>();
            entries.filter(Files::isDirectory)
                    .map(path -> path.getFileName().toString())
                    .filter(name -> !name.startsWith("."))
                    .forEach(folders::add);
            return folders;
        } catch (IOException e) {
            return Set.of();
        }
    }
}
