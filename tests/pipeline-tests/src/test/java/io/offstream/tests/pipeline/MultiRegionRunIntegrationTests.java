package io.offstream.tests.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.offstream.registry.client.Dispatch;
import io.offstream.registry.client.DispatchState;
import io.offstream.testsupport.platform.LocalPlatform;

/**
 * offstream-multi-region end to end: a 2-day run split into two 1-day offstream-run children
 * (small: each child is a whole composed run, and both run at once on two cores). Headroom
 * (slots: region-a 3, region-b 2, region-c 6; a child holds 2) places both children on
 * region-c, whose launcher cannot start anything, so both launches are refused. Each child is
 * re-routed to the region with the most headroom that it has not failed on: the first to
 * region-a, which the second then finds too full, so region-b. The whole run lands and validates.
 */
class MultiRegionRunIntegrationTests extends MultiRegionIntegrationTestSupport {

    @BeforeEach
    void platform(LocalPlatform platform) throws Exception {
        setUp(platform);
    }

    @Test
    void aLongRunSplitsOverTheRegionsByHeadroomAndAFailingRegionsChildrenAreReRouted() throws Exception {
        onlyRegions("region-a", "region-b", "region-c");
        LocalDate from = LocalDate.of(2026, 4, 1);
        LocalDate to = from.plusDays(1);
        Path dataset = sampleWarehouse(from, 2, 300);
        String runKey = "mr-" + UUID.randomUUID().toString().substring(0, 8);
        String definition = multiRegionDefinition();
        List<String> arguments = dispatchArguments(runKey, dataset, from, to, 2);
        arguments.add("--offstream.dispatch.child-properties[app.drain.offstream.lag-wait.stall-timeout]=3m");
        // the sample plants 9% bad rows; validation allows 1% unless told
        arguments.add("--offstream.dispatch.child-properties[app.validate.offstream.validate.max-rejected-fraction]=0.1");

        long dispatch = dataflow.launchTask(definition, Map.of(), arguments);
        JsonNode end = dataflow.awaitTaskEnd(dispatch, RUN_TIMEOUT);

        assertThat(end.path("exitCode").asInt()).as("dispatch ended with %s; its ledger events: %s", end.path("exitCode"),
                ledgerEvents(runKey)).isZero();
        List<Dispatch> children = registry.dispatches(runKey);
        assertThat(children).extracting(Dispatch::childKey)
                .containsExactly(runKey + "-c1of2", runKey + "-c2of2");
        assertThat(children).extracting(Dispatch::state).containsOnly(DispatchState.DONE);
        assertThat(children).extracting(Dispatch::region).containsExactly("region-a", "region-b");
        assertThat(children).extracting(Dispatch::avoidRegions).containsOnly(Set.of("region-c"));

        List<Map<String, Object>> ledger = ledgerChildren(runKey);
        assertThat(ledger).extracting(row -> row.get("STATUS")).containsOnly("PASSED");
        assertThat(ledger).extracting(row -> row.get("ATTEMPTS")).containsExactly(2, 2);
        assertThat(ledger).extracting(row -> row.get("DEFINITION"))
                .containsExactly("offstream-run-region-a", "offstream-run-region-b");
        assertThat(ledgerEvents(runKey)).filteredOn(event -> event.contains("re-routed away from region region-c")).hasSize(2);
        Map<String, Object> parent = ledgerDispatch(runKey);
        assertThat(parent).containsEntry("STATUS", "PASSED");
        assertThat(String.valueOf(parent.get("MESSAGE"))).contains("2 day(s)").contains("source 600");

        // every child validated, and together they land each accepted key once
        Set<String> expected = expectedAcceptedKeys(dataset);
        List<String> landed = new ArrayList<>();
        long deadLettered = 0;
        long sourceRows = 0;
        for (Dispatch child : children) {
            JsonNode report = report(child.childKey());
            assertThat(report.path("passed").asBoolean()).as("report of %s: %s", child.childKey(), report).isTrue();
            sourceRows += report.path("sourceRows").asLong();
            deadLettered += report.path("deadLettered").asLong();
            landed.addAll(landedKeys(child.childKey()));
        }
        assertThat(sourceRows).isEqualTo(600);
        Set<String> distinct = new HashSet<>(landed);
        assertThat(landed).as("no key landed twice").hasSameSizeAs(distinct);
        assertThat(distinct).isSubsetOf(expected);
        assertThat(distinct.size() + deadLettered).isEqualTo(expected.size());
    }
}
