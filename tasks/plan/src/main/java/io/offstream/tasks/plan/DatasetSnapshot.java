package io.offstream.tasks.plan;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import io.offstream.tasks.support.ledger.ManifestFile;
import io.offstream.tasks.support.ledger.PlannedPartition;

/**
 * Lists a dt= partitioned dataset through the Hadoop FileSystem API (file://, hdfs://, ...):
 * the data files of each day of a range, with size and modification time. Files whose name
 * starts with '_' or '.' are not data (Spark's and Hadoop's convention).
 */
public class DatasetSnapshot {

    private final Configuration hadoop;

    public DatasetSnapshot(Configuration hadoop) {
        this.hadoop = hadoop;
    }

    /** The listing of [from, to]: planned partitions, plus the dates whose dt= directory is missing. */
    public record Listing(List<PlannedPartition> partitions, List<LocalDate> missing) {
    }

    /** Thrown when the dataset is not there or is not a dt= partitioned dataset. */
    public static class UnknownDatasetException extends IllegalArgumentException {
        public UnknownDatasetException(String message) {
            super(message);
        }

        /** The user's input is wrong, not the code: the message says it all, where a stack trace would bury it. */
        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    public Listing list(URI dataset, List<LocalDate> dates) throws IOException {
        Path root = new Path(dataset);
        FileSystem fs = root.getFileSystem(hadoop);
        FileStatus rootStatus;
        try {
            rootStatus = fs.getFileStatus(root);
        } catch (FileNotFoundException e) {
            throw new UnknownDatasetException("Unknown dataset " + dataset + ": it does not exist");
        }
        if (!rootStatus.isDirectory()) {
            throw new UnknownDatasetException("Unknown dataset " + dataset + ": it is a file, not a dataset directory");
        }
        boolean partitioned = Arrays.stream(fs.listStatus(root)).anyMatch(s -> s.isDirectory() && s.getPath().getName().startsWith("dt="));
        if (!partitioned) {
            throw new UnknownDatasetException("Unknown dataset " + dataset + ": it has no dt=YYYY-MM-DD partitions");
        }
        List<PlannedPartition> partitions = new ArrayList<>();
        List<LocalDate> missing = new ArrayList<>();
        for (LocalDate date : dates) {
            Path dir = new Path(root, "dt=" + date);
            FileStatus[] statuses;
            try {
                statuses = fs.listStatus(dir);
            } catch (FileNotFoundException e) {
                missing.add(date);
                partitions.add(new PlannedPartition(date, List.of()));
                continue;
            }
            List<ManifestFile> files = Arrays.stream(statuses)
                    .filter(FileStatus::isFile)
                    .filter(s -> !s.getPath().getName().startsWith("_") && !s.getPath().getName().startsWith("."))
                    .sorted(Comparator.comparing(s -> s.getPath().getName()))
                    .map(s -> new ManifestFile(s.getPath().toUri().toString(), s.getLen(), Instant.ofEpochMilli(s.getModificationTime())))
                    .toList();
            partitions.add(new PlannedPartition(date, files));
        }
        return new Listing(partitions, missing);
    }
}
