package io.offstream.tasks.ingress.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * What the job reports for its partition; written as JSON to {@code --result-file} (atomically,
 * so a reader never sees half a file) and read back by the ingress task.
 */
public record IngressResult(String runKey, String partitionDate, String topic, long read, long rejected, long published,
        Map<String, Long> rejectedByReason, List<String> skippedCorruptFiles, Map<Integer, Long> endOffsets,
        long durationMillis, double rowsPerSecond) {

    void write(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), this);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
