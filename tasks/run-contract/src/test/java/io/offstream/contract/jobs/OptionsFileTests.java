package io.offstream.contract.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptionsFileTests {

    @TempDir
    Path dir;

    @Test
    void movesThePrefixedOptionsIntoAFileOnlyTheUserReadsAndTheParserReadsThemBack() throws Exception {
        IngressJobOptions options = IngressJobOptionsTests.options(0);
        List<String> withSecret = new ArrayList<>(options.toArguments());
        withSecret.add("--producer.ssl.truststore.password=p=w\"d ;#!");
        Path file = dir.resolve("ingress.options");

        List<String> commandLine = OptionsFile.externalize(withSecret, file, IngressJobOptions.PRODUCER_PREFIX);

        assertThat(commandLine).noneMatch(arg -> arg.startsWith("--producer.")).contains(OptionsFile.OPTION + file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        IngressJobOptions parsed = IngressJobOptions.parse(commandLine.toArray(String[]::new));
        assertThat(parsed.producer()).containsEntry("ssl.truststore.password", "p=w\"d ;#!").containsAllEntriesOf(options.producer());
    }

    @Test
    void optionsPrintTheirKafkaSettingsByNameOnly() {
        IngressJobOptions ingress = IngressJobOptionsTests.options(0);
        assertThat(ingress.toString()).contains("sasl.jaas.config").doesNotContain(ingress.producer().get("sasl.jaas.config"));
        EgressJobOptions egress = EgressJobOptions.parse("--bootstrap-servers=localhost:9092", "--service=risk", "--run-key=r1",
                "--landing=file:///tmp/landing", "--services-location=file:///tmp/services/", "--kafka.sasl.jaas.config=hunter2");
        assertThat(egress.toString()).contains("sasl.jaas.config").doesNotContain("hunter2");
    }

    @Test
    void leavesTheArgumentsAsTheyAreWhenNothingIsToMove() {
        List<String> args = List.of("--service=risk", "--run-key=r1");
        assertThat(OptionsFile.externalize(args, dir.resolve("none.options"), "producer.")).isEqualTo(args);
        assertThat(Files.exists(dir.resolve("none.options"))).isFalse();
    }

    @Test
    void aMissingFileIsNamedInOneLine() {
        assertThatThrownBy(() -> OptionsFile.expand(new String[] {"--service=risk", OptionsFile.OPTION + dir.resolve("gone")}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("--options-file: cannot read " + dir.resolve("gone"));
        assertThatThrownBy(() -> EgressJobOptions.parse("--service=risk", OptionsFile.OPTION + dir.resolve("gone")))
                .isInstanceOf(EgressJobOptionsException.class).hasMessageContaining("--options-file: cannot read");
    }
}
