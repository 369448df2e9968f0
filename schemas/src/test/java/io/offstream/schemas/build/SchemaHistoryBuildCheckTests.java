package io.offstream.schemas.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offstream.schemas.TestHistories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaHistoryBuildCheckTests {

    private final ClassLoader classes = getClass().getClassLoader();

    @TempDir
    Path temp;

    @Test
    void shippedHistoryPasses() {
        assertThat(SchemaHistoryBuildCheck.problems(TestHistories.SHIPPED, TestHistories.CURRENT, classes)).isEmpty();
    }

    @Test
    void mainThrowsWithEveryProblemSoTheBuildFails() throws IOException {
        Path history = copy(TestHistories.SHIPPED, temp.resolve("history"));
        Files.writeString(history.resolve("records.txt"), "Transaction\n");

        assertThatThrownBy(() -> SchemaHistoryBuildCheck.main(
                new String[] {history.toString(), TestHistories.CURRENT.toString()}))
                .isInstanceOf(SchemaHistoryCheckException.class)
                .hasMessageStartingWith("schema history check failed with 1 problem(s):")
                .hasMessageContaining("RiskDecision is not listed in");
    }

    @Test
    void anEditedCurrentSchemaMustBeReleasedFirst() throws IOException {
        Path current = copy(TestHistories.CURRENT, temp.resolve("current"));
        Path transaction = current.resolve("Transaction.avsc");
        Files.writeString(transaction, Files.readString(transaction).replace(
                "{\"name\": \"txn_id\"",
                "{\"name\": \"promo_code\", \"type\": [\"null\", \"string\"], \"default\": null, \"doc\": \"New.\"},\n"
                        + "    {\"name\": \"txn_id\""));

        List<String> problems = SchemaHistoryBuildCheck.problems(TestHistories.SHIPPED, current, classes);

        assertThat(problems).singleElement().asString()
                .contains("Transaction.avsc differs from the highest released version Transaction v1")
                .contains("in fields or types")
                .contains("release the change as Transaction/v2.avsc");
    }

    @Test
    void aDocOnlyEditIsAChangeToo() throws IOException {
        Path current = copy(TestHistories.CURRENT, temp.resolve("current"));
        Path decision = current.resolve("RiskDecision.avsc");
        Files.writeString(decision, Files.readString(decision).replace("Risk score from 0", "Score from 0"));

        assertThat(SchemaHistoryBuildCheck.problems(TestHistories.SHIPPED, current, classes))
                .singleElement().asString().contains("only in docs, defaults, aliases or properties");
    }

    @Test
    void aRecordWithoutCurrentSchemaIsReported() {
        List<String> problems = SchemaHistoryBuildCheck.problems(TestHistories.folder("compatible"), temp, classes);

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("records.txt is missing"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("Order v2 has no current schema"));
    }

    @Test
    void aRecordWithoutGeneratedClassIsReported() throws IOException {
        Path history = TestHistories.folder("compatible");
        Files.copy(history.resolve("Order/v2.avsc"), temp.resolve("Order.avsc"));

        assertThat(SchemaHistoryBuildCheck.problems(history, temp, classes))
                .anySatisfy(p -> assertThat(p).contains("no generated class io.offstream.schemas.test.Order"));
    }

    @Test
    void incompatibleVersionsFailTheCheckNamingTheField() {
        List<String> problems = SchemaHistoryBuildCheck.problems(
                TestHistories.folder("new-field-without-default"), temp, classes);

        assertThat(problems).anySatisfy(p -> assertThat(p)
                .contains("io.offstream.schemas.test.Order v2 cannot read data written with v1")
                .contains("'channel'"));
    }

    @Test
    void aMalformedHistoryIsOneProblemNotACrash() {
        assertThat(SchemaHistoryBuildCheck.problems(TestHistories.folder("gap"), temp, classes))
                .anySatisfy(p -> assertThat(p).contains("without gaps"));
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
        return to;
    }
}
