package io.offstream.contract.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class NamesTests {

    @Test
    void aServiceNameIsLowerCaseStartsWithALetterAndHasNoUnderscore() {
        assertThat(Names.isServiceName("pricing")).isTrue();
        assertThat(Names.isServiceName("risk-v2")).isTrue();
        assertThat(Names.isServiceName("my_svc")).isFalse();
        assertThat(Names.isServiceName("2fast")).isFalse();
        assertThat(Names.isServiceName("Pricing")).isFalse();
        assertThat(Names.isServiceName("a".repeat(41))).isFalse();
        assertThat(Names.isServiceName(null)).isFalse();
    }

    @Test
    void aRefusedServiceNameSaysWhatItMustLookLike() {
        assertThatThrownBy(() -> Names.requireServiceName("my_svc")).hasMessage("service name 'my_svc' must match "
                + Names.SERVICE_PATTERN);
    }

    @Test
    void derivedRunKeysAreDeterministicAndValid() {
        URI dataset = URI.create("file:///w/orders/");
        String a = Names.deriveRunKey(dataset, LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-07"), "pricing");
        String b = Names.deriveRunKey(dataset, LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-07"), "pricing");
        String other = Names.deriveRunKey(dataset, LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-07"), "risk");
        assertThat(a).isEqualTo(b).isNotEqualTo(other).startsWith("r20260101-20260107-").matches(Names.RUN_KEY_PATTERN);
    }

    @Test
    void runKeysRefuseWhatCannotBeATopicOrPathPart() {
        assertThat(Names.isRunKey("demo-1")).isTrue();
        assertThat(Names.isRunKey("r20260101-20260107-1a2b3c4d5e-c1of3")).isTrue();
        assertThat(Names.isRunKey("a.b")).isFalse();
        assertThat(Names.isRunKey("a/b")).isFalse();
        assertThat(Names.isRunKey("")).isFalse();
    }
}
