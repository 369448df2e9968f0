package io.offstream.contract.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RunTopicsTests {

    @Test
    void aRunHasIngressEgressAndDlqTopics() {
        RunTopics topics = RunTopics.of("pricing", "demo-1");
        assertThat(topics.all()).containsExactly("offstream.pricing.demo-1.ingress", "offstream.pricing.demo-1.egress",
                "offstream.pricing.demo-1.dlq");
    }

    @Test
    void theIngressTopicLeadsToItsRunsOtherTopics() {
        assertThat(RunTopics.ofIngress("offstream.pricing.demo-1.ingress")).isEqualTo(RunTopics.of("pricing", "demo-1"));
        assertThatThrownBy(() -> RunTopics.ofIngress("offstream.pricing.demo-1.egress")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void theIngressPatternMatchesEveryRunOfItsServiceAndNothingElse(boolean withoutCommas) {
        var pattern = withoutCommas ? RunTopics.ingressPatternWithoutCommas("risk") : RunTopics.ingressPattern("risk");
        assertThat(pattern.matcher(RunTopics.of("risk", "r20260101-20260107-abc").ingress()).matches()).isTrue();
        assertThat(pattern.matcher(RunTopics.of("risk", "demo").egress()).matches()).isFalse();
        assertThat(pattern.matcher(RunTopics.of("risk-v2", "demo").ingress()).matches()).isFalse();
        assertThat(pattern.matcher("offstream.riskXdemo.ingress").matches()).isFalse();
        assertThat(pattern.pattern().contains(",")).isEqualTo(!withoutCommas);
    }

    @Test
    void everyServiceThatCanBePlannedCanBeConsumed() {
        // one rule: a name plan accepts is a name the consumer's pattern and group accept
        assertThat(RunTopics.consumerGroup("pricing")).isEqualTo("offstream-pricing");
        assertThatThrownBy(() -> RunTopics.of("my_svc", "demo")).hasMessageContaining("my_svc");
        assertThatThrownBy(() -> RunTopics.consumerGroup("my_svc")).hasMessageContaining("my_svc");
    }
    @Test
    void aSimulationsIngressTopicIsReadByBothVersionsAndEachWritesItsOwnResults() {
        RunTopics baseline = RunTopics.ofSimulation("risk", "sim-1", "risk-candidate");
        assertThat(baseline.all()).containsExactly("offstream.risk.sim-1.ingress.risk-candidate", "offstream.risk.sim-1.egress",
                "offstream.risk.sim-1.dlq");
        assertThat(RunTopics.forConsumer("risk", baseline.ingress())).isEqualTo(baseline);
        assertThat(RunTopics.forConsumer("risk-candidate", baseline.ingress())).isEqualTo(new RunTopics(baseline.ingress(),
                "offstream.risk-candidate.sim-1.egress", "offstream.risk-candidate.sim-1.dlq"));
        assertThat(RunTopics.ofIngress(baseline.ingress())).isEqualTo(baseline);
        assertThatThrownBy(() -> RunTopics.forConsumer("pricing", baseline.ingress())).hasMessageContaining("pricing");
        assertThatThrownBy(() -> RunTopics.ofSimulation("risk", "sim-1", "risk")).hasMessageContaining("two services");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void eachVersionsPatternMatchesTheSimulationsItTakesPartInAndNoOtherRun(boolean withoutCommas) {
        var candidate = withoutCommas ? RunTopics.ingressPatternWithoutCommas("risk-candidate") : RunTopics.ingressPattern("risk-candidate");
        var baseline = withoutCommas ? RunTopics.ingressPatternWithoutCommas("risk") : RunTopics.ingressPattern("risk");
        String simulation = RunTopics.ofSimulation("risk", "sim-1", "risk-candidate").ingress();
        assertThat(candidate.matcher(simulation).matches()).isTrue();
        assertThat(baseline.matcher(simulation).matches()).isTrue();
        assertThat(candidate.matcher(RunTopics.of("risk", "demo").ingress()).matches()).isFalse();
        assertThat(candidate.matcher(RunTopics.ofSimulation("risk", "sim-1", "risk-candidate2").ingress()).matches()).isFalse();
        assertThat(baseline.matcher(RunTopics.ofSimulation("risky", "sim-1", "risk-candidate").ingress()).matches()).isFalse();
        assertThat(candidate.matcher(RunTopics.of("risk-candidate", "demo").ingress()).matches()).isTrue();
        assertThat(candidate.matcher("offstream.risk.sim-1.egress.risk-candidate").matches()).isFalse();
    }
}
