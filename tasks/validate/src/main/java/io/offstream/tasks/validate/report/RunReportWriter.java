package io.offstream.tasks.validate.report;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import io.offstream.tasks.support.ledger.LedgerRun;
import io.offstream.tasks.support.run.RunSide;
import io.offstream.tasks.validate.ValidationReport;

/**
 * Writes one side's run report, {@code <landing>/<service>/_report/run=<key>/index.html}
 * ({@code RunLayout.reportDirectory()}), replacing an earlier one.
 */
public class RunReportWriter {

    /** The page's file name in the report folder. */
    public static final String PAGE = "index.html";

    private final RunReportCollector collector;

    private final Configuration hadoop;

    public RunReportWriter(RunReportCollector collector, Configuration hadoop) {
        this.collector = collector;
        this.hadoop = hadoop;
    }

    /** Gathers, renders and writes the report; returns where it was written. */
    public URI write(LedgerRun run, RunSide.Which which, ValidationReport validation, DeadLetterErrors deadLetters) throws IOException {
        RunReport report = collector.collect(run, which, validation, deadLetters);
        URI target = URI.create(run.side(which).layout().reportDirectory() + PAGE);
        Path path = new Path(target);
        FileSystem fs = path.getFileSystem(hadoop);
        fs.setWriteChecksum(false); // no hidden .crc file beside what users open
        try (OutputStream out = fs.create(path, true)) {
            out.write(RunReportPage.render(report).getBytes(StandardCharsets.UTF_8));
        }
        return target;
    }
}
