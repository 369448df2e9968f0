package io.offstream.tasks.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Options of the sample warehouse ({@code offstream.sample.*}). */
@ConfigurationProperties("offstream.sample")
public class SampleProperties {

    /** Which dataset to write: transactions (for the risk service) or orders (for the pricing service). */
    private SampleDataset dataset = SampleDataset.TRANSACTIONS;

    /**
     * URI of the dataset to write (the directory that gets the dt=YYYY-MM-DD partitions); any Hadoop file system.
     * Default: the folder named after the dataset (transactions, orders) in .offstream/warehouse under offstream.home.
     */
    private String path;

    /** Number of days (partitions) to write. */
    private int days = 7;

    /** Rows per day: exactly this many rows are written per non-empty day. */
    private int rowsPerDay = 30_000;

    /** First day written (yyyy-MM-dd). */
    @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
    private LocalDate startDate = LocalDate.of(2026, 1, 1);

    /** Fraction of rows that are bad, spread evenly over the bad-row kinds (0.09 = 1% of each of the 9 kinds). */
    private double badRowFraction = 0.0;

    /** Seed: the same options and seed write the same rows. */
    private long seed = 42;

    /** Parquet files per day (rows are split over them in order). */
    private int filesPerDay = 1;

    /** Days written as an empty partition (a Parquet file with no rows). */
    private List<String> emptyDates = new ArrayList<>();

    /** Days that get an extra corrupt (non-Parquet) file beside their good ones. */
    private List<String> corruptDates = new ArrayList<>();

    /** Also write _expected/ (counts per day and kind, accepted keys) for tests and validation. */
    private boolean writeExpectations = false;

    /** Delete the dataset first if it exists. */
    private boolean overwrite = true;

    public SampleDataset getDataset() { return dataset; }
    public void setDataset(SampleDataset dataset) { this.dataset = dataset; }
    public String getPath() { return path; }
    public void setPath(String path) { this.path = path; }

    /** The path, or the default for the dataset; may hold ${...} placeholders for the environment to resolve. */
    public String pathOrDefault() {
        return path != null ? path : "${offstream.home:${user.dir}}/.offstream/warehouse/" + dataset.folderName();
    }
    public int getDays() { return days; }
    public void setDays(int days) { this.days = days; }
    public int getRowsPerDay() { return rowsPerDay; }
    public void setRowsPerDay(int rowsPerDay) { this.rowsPerDay = rowsPerDay; }
    public LocalDate getStartDate() { return startDate; }
    public void setStartDate(LocalDate startDate) { this.startDate = startDate; }
    public double getBadRowFraction() { return badRowFraction; }
    public void setBadRowFraction(double badRowFraction) { this.badRowFraction = badRowFraction; }
    public long getSeed() { return seed; }
    public void setSeed(long seed) { this.seed = seed; }
    public int getFilesPerDay() { return filesPerDay; }
    public void setFilesPerDay(int filesPerDay) { this.filesPerDay = filesPerDay; }
    public List<String> getEmptyDates() { return emptyDates; }
    public void setEmptyDates(List<String> emptyDates) { this.emptyDates = emptyDates; }
    public List<String> getCorruptDates() { return corruptDates; }
    public void setCorruptDates(List<String> corruptDates) { this.corruptDates = corruptDates; }

    /** The empty days, parsed. */
    public List<LocalDate> emptyDays() {
        return emptyDates.stream().map(String::trim).map(LocalDate::parse).toList();
    }

    /** The days with a corrupt file, parsed. */
    public List<LocalDate> corruptDays() {
        return corruptDates.stream().map(String::trim).map(LocalDate::parse).toList();
    }
    public boolean isWriteExpectations() { return writeExpectations; }
    public void setWriteExpectations(boolean writeExpectations) { this.writeExpectations = writeExpectations; }
    public boolean isOverwrite() { return overwrite; }
    public void setOverwrite(boolean overwrite) { this.overwrite = overwrite; }

    /** Checks the options together; throws naming every problem. */
    public void validate() {
        List<String> errors = new ArrayList<>();
        if (path != null && path.isBlank()) errors.add("offstream.sample.path must not be blank (leave it out for the default)");
        if (dataset == null) errors.add("offstream.sample.dataset must be transactions or orders");
        if (days < 1) errors.add("offstream.sample.days must be at least 1");
        if (rowsPerDay < 0) errors.add("offstream.sample.rows-per-day must not be negative");
        if (badRowFraction < 0 || badRowFraction > 1) errors.add("offstream.sample.bad-row-fraction must be within [0, 1]");
        for (String d : emptyDates) {
            try { LocalDate.parse(d.trim()); } catch (RuntimeException e) { errors.add("offstream.sample.empty-dates: '" + d + "' is not yyyy-MM-dd"); }
        }
        for (String d : corruptDates) {
            try { LocalDate.parse(d.trim()); } catch (RuntimeException e) { errors.add("offstream.sample.corrupt-dates: '" + d + "' is not yyyy-MM-dd"); }
        }
        if (filesPerDay < 1) errors.add("offstream.sample.files-per-day must be at least 1");
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("Invalid sample options: " + String.join("; ", errors));
        }
    }
}
