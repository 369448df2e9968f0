package io.offstream.tasks.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.offstream.contract.service.ServiceCatalogue;

class CandidateFitTests {

    private final ServiceCatalogue catalogue = ServiceCatalogue.local(Path.of("../../schemas/services").toAbsolutePath().normalize().toUri());

    @Test
    void aCandidateWithTheBaselinesRequestSchemaReadsItsEvents() {
        assertThat(CandidateFit.readsRequestsOf(catalogue.load("risk"), catalogue.load("risk-candidate"))).isTrue();
    }

    @Test
    void aServiceOverAnotherRecordCannotBeTheCandidate() {
        assertThat(CandidateFit.readsRequestsOf(catalogue.load("risk"), catalogue.load("pricing"))).isFalse();
        assertThat(CandidateFit.readsRequestsOf(catalogue.load("pricing"), catalogue.load("risk"))).isFalse();
    }
}
