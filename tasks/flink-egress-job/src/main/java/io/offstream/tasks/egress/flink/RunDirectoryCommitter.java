package io.offstream.tasks.egress.flink;

import io.offstream.contract.jobs.EgressJobOptions;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The idempotency rule of the landing: an attempt writes only into its own staging folder
 * ({@code <landing>/<service>/_staging/run=<runKey>/<attemptId>/}); when the Flink job has finished and
 * every part file is committed, the staging folder replaces {@code run=<runKey>} by renames (the old
 * folder is first moved aside, then deleted). A rerun therefore replaces a run's rows, it never adds
 * to them, and a failed attempt leaves the previous landing untouched. A crash between the two renames
 * leaves the previous landing aside ({@code <attemptId>.replaced} under staging) and no run folder: the
 * next attempt moves it back before it clears staging, so it is never lost. Works on any Flink file
 * system whose directory rename is atomic (local, HDFS).
 */
public final class RunDirectoryCommitter {

    private static final Logger log = LoggerFactory.getLogger(RunDirectoryCommitter.class);

    private static final String REPLACED = ".replaced";

    private final Path runDirectory;
    // the crash injection of the fault tests: runs between the two renames when set
    private final Runnable betweenRenames;
    private final Path stagingRoot;
    private final Path staging;

    public RunDirectoryCommitter(EgressJobOptions options) {
        this(options, () -> { });
    }

    RunDirectoryCommitter(EgressJobOptions options, Runnable betweenRenames) {
        this.betweenRenames = betweenRenames;
        this.runDirectory = path(options.runDirectory());
        this.stagingRoot = path(options.stagingRoot());
        this.staging = path(options.stagingDirectory());
    }

    /**
     * A Flink path of a directory URI, from its decoded parts (its text would keep %20 for a space),
     * without the trailing slash (so {@link Path#getName()} is the folder's name).
     */
    static Path path(URI directory) {
        return new Path(directory.getScheme(), directory.getAuthority(), directory.getPath());
    }

    /**
     * Removes what earlier, failed attempts of this run left in staging, after putting back a previous
     * landing a crash left aside; returns the attempt's folder.
     */
    public URI prepare() throws IOException {
        FileSystem fs = stagingRoot.getFileSystem();
        restoreLandingLeftAside(fs);
        if (fs.exists(stagingRoot)) {
            log.info("Removing leftovers of earlier attempts in {}", stagingRoot);
            fs.delete(stagingRoot, true);
        }
        fs.mkdirs(staging);
        return staging.toUri();
    }

    /** Checks the attempt's files are all committed, then makes them the run's landing. */
    public void commit() throws IOException {
        FileSystem fs = staging.getFileSystem();
        List<Path> uncommitted = new ArrayList<>();
        collectUncommitted(fs, staging, uncommitted);
        if (!uncommitted.isEmpty()) {
            throw new IOException("The Flink job finished but left " + uncommitted.size()
                    + " uncommitted part file(s) in " + staging + ", e.g. " + uncommitted.get(0)
                    + "; the run directory was not replaced");
        }
        Path aside = new Path(stagingRoot, staging.getName() + REPLACED);
        boolean hadPrevious = fs.exists(runDirectory);
        if (hadPrevious && !fs.rename(runDirectory, aside)) {
            throw new IOException("Cannot move the previous landing " + runDirectory + " aside to " + aside);
        }
        betweenRenames.run();
        if (!fs.rename(staging, runDirectory)) {
            if (hadPrevious) {
                fs.rename(aside, runDirectory);
            }
            throw new IOException("Cannot move " + staging + " to " + runDirectory);
        }
        fs.delete(stagingRoot, true);
        Path stagingParent = stagingRoot.getParent();
        FileStatus[] left = fs.listStatus(stagingParent);
        if (left != null && left.length == 0) {
            fs.delete(stagingParent, false);
        }
        log.info("Landed run directory {}{}", runDirectory, hadPrevious ? " (replaced the previous one)" : "");
    }

    /** An attempt that crashed between its renames moved the landing aside and put nothing in its place. */
    private void restoreLandingLeftAside(FileSystem fs) throws IOException {
        if (fs.exists(runDirectory) || !fs.exists(stagingRoot)) {
            return;
        }
        FileStatus[] entries = fs.listStatus(stagingRoot);
        for (FileStatus entry : entries == null ? new FileStatus[0] : entries) {
            if (entry.isDir() && entry.getPath().getName().endsWith(REPLACED)) {
                if (!fs.rename(entry.getPath(), runDirectory)) {
                    throw new IOException("Cannot restore the previous landing " + entry.getPath() + " to " + runDirectory
                            + ", which an attempt that crashed while replacing it left aside; move it back by hand");
                }
                log.warn("Restored the previous landing of {}: an attempt crashed while replacing it and left it aside in {}", runDirectory,
                        entry.getPath());
                return;
            }
        }
    }

    private static void collectUncommitted(FileSystem fs, Path directory, List<Path> uncommitted) throws IOException {
        FileStatus[] entries = fs.listStatus(directory);
        if (entries == null) {
            return;
        }
        for (FileStatus entry : entries) {
            if (entry.isDir()) {
                collectUncommitted(fs, entry.getPath(), uncommitted);
            } else if (entry.getPath().getName().startsWith(".") || entry.getPath().getName().contains("inprogress")) {
                uncommitted.add(entry.getPath());
            }
        }
    }

    /** Best effort: removes this attempt's staging folder after a failure; the run directory is untouched. */
    public void discardAttempt() {
        try {
            FileSystem fs = staging.getFileSystem();
            if (fs.exists(staging)) {
                fs.delete(staging, true);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot remove the failed attempt's staging folder {}: {}", staging, e.toString());
        }
    }
}
