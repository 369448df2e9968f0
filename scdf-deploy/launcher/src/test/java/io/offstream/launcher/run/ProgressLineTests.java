package io.offstream.launcher.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ProgressLineTests {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aRunningPhaseWithCountsPartitionsTimeLeftAndLag() throws Exception {
        JsonNode progress = json.readTree("""
                {"runKey":"r1","current":{"phase":"INGRESS","status":"RUNNING","done":12000,"total":60000,"partitionsDone":2,
                 "partitionsTotal":7,"ratePerSecond":184.6,"secondsLeft":260,"elapsedSeconds":65},
                 "lag":{"offstream-risk":1200,"offstream-risk-candidate":0},"lastEvent":"ingress: day 2026-01-02 published"}""");

        assertThat(ProgressLine.of(progress, false)).contains("ingress running, 1m05s elapsed: 12,000 rows of 60,000, 185 rows/s, "
                + "partitions 2/7, about 4m20s left; lag: offstream-risk 1,200, offstream-risk-candidate 0");
    }

    @Test
    void anEndedPhaseWithoutCountsAndTheChildRunsEvent() throws Exception {
        JsonNode progress = json.readTree("""
                {"current":{"phase":"PLAN","status":"COMPLETED","done":null,"total":null,"partitionsDone":null,"partitionsTotal":null,
                 "ratePerSecond":0.0,"secondsLeft":null,"elapsedSeconds":3725},"lag":{},"lastEvent":"child r1-c2of3 placed on region-b"}""");

        assertThat(ProgressLine.of(progress, true)).contains("plan completed, 1h02m elapsed | child r1-c2of3 placed on region-b");
        assertThat(ProgressLine.of(progress, false)).contains("plan completed, 1h02m elapsed");
    }

    @Test
    void aRunningPhaseThatCannotTellTimeLeft() throws Exception {
        JsonNode progress = json.readTree("""
                {"current":{"phase":"EGRESS","status":"RUNNING","done":10,"total":null,"ratePerSecond":0.4,"secondsLeft":null,"elapsedSeconds":9}}""");

        assertThat(ProgressLine.of(progress, false)).contains("egress running, 9s elapsed: 10 rows, 0 rows/s, about - left");
    }

    @Test
    void beforeAnyPhaseTheLastEventOrNothing() throws Exception {
        assertThat(ProgressLine.of(json.readTree("{\"current\":null,\"lastEvent\":\"planned\"}"), false)).contains("planned");
        assertThat(ProgressLine.of(json.readTree("{\"current\":null,\"lastEvent\":null}"), false)).isEmpty();
    }
}
