package io.offstream.kafka.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class BrokerCommandLineTests {

    @Test
    void noOptionsGiveTheLocalPlatformsBroker() {
        KraftBrokerSettings settings = BrokerCommandLine.parse().settings().orElseThrow();

        assertThat(settings.port()).isEqualTo(9092);
        assertThat(settings.controllerPort()).isEqualTo(9093);
        assertThat(settings.dataDirectory()).isEqualTo(Path.of(".offstream/kafka"));
    }

    @Test
    void optionsSetPortsDataDirectoryAndBrokerProperties() {
        KraftBrokerSettings settings = BrokerCommandLine.parse(
                "--port=19592", "--controller-port=19593", "--data-dir=/tmp/kb-test", "--partitions=3",
                "--host=kafka.local", "--bind-address=0.0.0.0", "--override=message.max.bytes=2000000")
                .settings().orElseThrow();

        assertThat(settings.port()).isEqualTo(19592);
        assertThat(settings.controllerPort()).isEqualTo(19593);
        assertThat(settings.dataDirectory()).isEqualTo(Path.of("/tmp/kb-test"));
        assertThat(settings.defaultPartitions()).isEqualTo(3);
        assertThat(settings.advertisedHost()).isEqualTo("kafka.local");
        assertThat(settings.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(settings.brokerProperties()).containsEntry("message.max.bytes", "2000000");
    }

    @Test
    void helpAsksForTheUsageText() {
        BrokerCommandLine commandLine = BrokerCommandLine.parse("--port=1", "--help");

        assertThat(commandLine.help()).isTrue();
        assertThat(BrokerCommandLine.USAGE).contains("--port=N", "--controller-port=N", "--data-dir=PATH");
    }

    @Test
    void anUnknownOptionIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> BrokerCommandLine.parse("--prot=9092"))
                .withMessageContaining("Unknown option --prot");
    }

    @Test
    void aPortThatIsNotANumberIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> BrokerCommandLine.parse("--port=ninety"))
                .withMessageContaining("--port needs a number, got 'ninety'");
    }

    @Test
    void anOverrideWithoutAValueIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> BrokerCommandLine.parse("--override=num.io.threads"))
                .withMessageContaining("--override needs KEY=VALUE");
    }
}
