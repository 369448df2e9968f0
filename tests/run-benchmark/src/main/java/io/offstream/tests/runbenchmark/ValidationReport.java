package io.offstream.tests.runbenchmark;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The counts the benchmark checks in a run's validation report ({@code report.json}, written by the validate phase). */
public record ValidationReport(boolean passed, long sourceRows, long landedDistinct, long rejectedRows, long deadLettered) {

    public static ValidationReport read(Path file, ObjectMapper json) throws IOException {
        JsonNode report = json.readTree(file.toFile());
        return new ValidationReport(report.path("passed").asBoolean(false), report.path("sourceRows").asLong(-1),
                report.path("landedDistinct").asLong(-1), report.path("rejectedRows").asLong(-1), report.path("deadLettered").asLong(-1));
    }
}
