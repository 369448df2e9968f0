package io.offstream.schemas.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.offstream.schemas.TestHistories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryIndexCheckTests {

    @TempDir
    Path history;

    @Test
    void shippedIndexListsEveryFolder() {
        assertThat(HistoryIndexCheck.problems(TestHistories.SHIPPED)).isEmpty();
    }

    @Test
    void unlistedFoldersAndMissingFoldersAndDuplicatesAreReported() throws IOException {
        Files.createDirectories(history.resolve("Order"));
        Files.createDirectories(history.resolve("Refund"));
        Files.writeString(history.resolve("records.txt"), "# records\nOrder\nOrder\nInvoice\n");

        assertThat(HistoryIndexCheck.problems(history))
                .hasSize(3)
                .anySatisfy(p -> assertThat(p).contains("lists Order twice"))
                .anySatisfy(p -> assertThat(p).contains("lists Invoice, but"))
                .anySatisfy(p -> assertThat(p).contains("Refund is not listed"));
    }
}
