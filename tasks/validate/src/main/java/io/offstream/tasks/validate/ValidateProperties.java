package io.offstream.tasks.validate;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;

import javax.validation.constraints.DecimalMax;
import javax.validation.constraints.DecimalMin;
import javax.validation.constraints.Min;
import javax.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import io.offstream.tasks.validate.sort.SortSettings;

/**
 * How strict validation is, and what it may use to read a run ({@code offstream.validate.*}).
 *
 * @param toleratedLoss    the fraction of source rows that may go unexplained (0 = none, the default;
 *                         duplicates and unexpected keys are never tolerated)
 * @param keysToName       how many missing, duplicated or unexpected keys the report names
 * @param maxRejectedFraction     the fraction of source rows ingress may reject (into the quarantine) for the run to
 *                                pass; default 0.01, the paper's tolerance
 * @param maxDeadLetteredFraction the fraction of source rows the service may dead-letter for the run to pass; default 0
 * @param allowSkippedFiles       whether a run whose ingress skipped a corrupt pinned file ({@code on-corrupt-file=skip})
 *                                may pass; its rows are in no count, so by default it fails
 * @param topicStallTimeout the longest reading the ingress or DLQ topic may go without a record while short of
 *                          its end (a broker that stopped answering); a long topic may take as long as it needs
 * @param spillDirectory   where the sorted keys are spilled while a run is compared (each sorter makes,
 *                         and deletes, a directory of its own there); the JVM's temporary directory when not set
 * @param sortBuffer       the memory one key sorter may fill before it spills (its keys' bytes and 12 more per
 *                         key; one sorter fills at a time); 1MB to 1GB
 */
@ConfigurationProperties("offstream.validate")
@ConstructorBinding
@Validated
public record ValidateProperties(
        @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0") double toleratedLoss,
        @Min(1) @DefaultValue("20") int keysToName,
        @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.01") double maxRejectedFraction,
        @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0") double maxDeadLetteredFraction,
        @DefaultValue("false") boolean allowSkippedFiles,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("2m") Duration topicStallTimeout,
        String spillDirectory,
        @NotNull @DefaultValue("64MB") DataSize sortBuffer) {

    static final DataSize SMALLEST_SORT_BUFFER = DataSize.ofMegabytes(1);

    static final DataSize LARGEST_SORT_BUFFER = DataSize.ofGigabytes(1);

    public ValidateProperties {
        if (sortBuffer != null && (sortBuffer.compareTo(SMALLEST_SORT_BUFFER) < 0 || sortBuffer.compareTo(LARGEST_SORT_BUFFER) > 0)) {
            throw new IllegalArgumentException("offstream.validate.sort-buffer must be between 1MB and 1GB, was " + sortBuffer);
        }
        if (spillDirectory != null && !spillDirectory.isBlank()) {
            try {
                Path.of(spillDirectory);
            }
            catch (InvalidPathException e) {
                throw new IllegalArgumentException("offstream.validate.spill-directory is not a path: " + e.getMessage());
            }
        }
    }

    public ValidationBudgets budgets() {
        return new ValidationBudgets(maxRejectedFraction, maxDeadLetteredFraction);
    }

    /** How the run's keys are sorted: spilled under {@link #spillDirectory} (or the JVM's temporary directory), {@link #sortBuffer} at a time. */
    public SortSettings toSortSettings() {
        String directory = spillDirectory == null || spillDirectory.isBlank() ? System.getProperty("java.io.tmpdir") : spillDirectory;
        return new SortSettings(Path.of(directory), sortBuffer.toBytes());
    }
}
