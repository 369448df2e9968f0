package io.offstream.consumer.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicNamesTests {

    @Test
    void derivesEgressAndDlqFromTheIngressTopic() {
        String ingress = TopicNames.ingress("risk", "run-2024-01");
        assertThat(ingress).isEqualTo("offstream.risk.run-2024-01.ingress");
        assertThat(TopicNames.egressFor(ingress)).isEqualTo("offstream.risk.run-2024-01.egress");
        assertThat(TopicNames.dlqFor(ingress)).isEqualTo("offstream.risk.run-2024-01.dlq");
        assertThat(TopicNames.consumerGroup("risk")).isEqualTo("offstream-risk");
    }

    @Test
    void patternMatchesEveryRunOfTheServiceOnlyOnItsIngress() {
        var pattern = TopicNames.ingressPattern("risk");
        assertThat(pattern.pattern()).isEqualTo("offstream\\.risk\\..+\\.ingress");
        assertThat(pattern.matcher("offstream.risk.abc.ingress").matches()).isTrue();
        assertThat(pattern.matcher("offstream.risk.abc.egress").matches()).isFalse();
        assertThat(pattern.matcher("offstream.riskier.abc.ingress").matches()).isFalse();
    }
}
