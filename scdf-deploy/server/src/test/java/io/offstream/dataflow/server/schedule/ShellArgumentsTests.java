package io.offstream.dataflow.server.schedule;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShellArgumentsTests {

    @Test
    void readsTheJsonArrayThe251ShellSends() {
        assertThat(ShellArguments.unwrap(List.of("[\"--offstream.run.key=nightly\",\"--probe.sleep=1s\"]")))
                .containsExactly("--offstream.run.key=nightly", "--probe.sleep=1s");
        assertThat(ShellArguments.unwrap(List.of("[\"--greeting=hello", "world\"]")))
                .containsExactly("--greeting=hello world");
        assertThat(ShellArguments.unwrap(List.of("[]"))).isEmpty();
    }

    @Test
    void leavesOrdinaryArgumentsAlone() {
        assertThat(ShellArguments.unwrap(List.of("--a=1", "--b=[x]"))).containsExactly("--a=1", "--b=[x]");
        assertThat(ShellArguments.unwrap(List.of("--list=[1,2]"))).containsExactly("--list=[1,2]");
        assertThat(ShellArguments.unwrap(List.of("[not json]"))).containsExactly("[not json]");
        assertThat(ShellArguments.unwrap(List.of())).isEmpty();
    }
}
