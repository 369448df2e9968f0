package io.offstream.tasks.egress.flink;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import java.util.SortedMap;

/**
 * What the job reports at its end, as the result file's JSON (see README, "Result file"). On success
 * {@code recordsRead = landedTotal + duplicatesDropped}; on failure {@code error} says why and the
 * counts are zero (nothing was landed by this attempt).
 */
@JsonPropertyOrder({"status", "service", "runKey", "topic", "runDirectory", "attemptId",
        "stoppingOffsets", "stoppingOffsetsGiven", "recordsRead", "duplicatesDropped", "landedTotal",
        "landedByDt", "undecodableRecords", "startedAt", "finishedAt", "durationMillis", "jobNetRuntimeMillis", "rowsPerSecond", "error"})
public record EgressJobResult(
        String status,
        String service,
        String runKey,
        String topic,
        String runDirectory,
        String attemptId,
        SortedMap<Integer, Long> stoppingOffsets,
        boolean stoppingOffsetsGiven,
        long recordsRead,
        long duplicatesDropped,
        long landedTotal,
        SortedMap<String, Long> landedByDt,
        long undecodableRecords,
        String startedAt,
        String finishedAt,
        long durationMillis,
        long jobNetRuntimeMillis,
        long rowsPerSecond,
        String error) {

    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String FAILED = "FAILED";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public boolean succeeded() {
        return SUCCEEDED.equals(status);
    }

    /** Writes the JSON next to {@code file} first, then moves it in place: a reader never sees half a file. */
    public void writeTo(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        JSON.writeValue(temporary.toFile(), this);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static EgressJobResult readFrom(Path file) throws IOException {
        return JSON.readValue(file.toFile(), EgressJobResult.class);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
