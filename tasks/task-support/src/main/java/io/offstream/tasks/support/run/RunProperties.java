package io.offstream.tasks.support.run;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The run arguments, identical for every phase task ({@code --offstream.run.*}, or
 * {@code app.*.offstream.run.*} through a composed task). Bound as text and resolved by
 * {@link #toParameters()}, so a bad value gives one clear message instead of a binding error.
 */
@ConfigurationProperties("offstream.run")
public class RunProperties {

    /** URI of the warehouse dataset: the directory holding the dt=YYYY-MM-DD partitions (file://, hdfs:// or a local path). */
    private String dataset;

    /** First day of the run, inclusive (yyyy-MM-dd). */
    private String from;

    /** Last day of the run, inclusive (yyyy-MM-dd). */
    private String to;

    /** Service the run feeds, e.g. risk; part of topic names and landing paths. */
    private String service;

    /** Run key; derived deterministically from dataset, from, to and service when absent. */
    private String key;

    /**
     * URI of the landing root (quarantine and landed results go under it). Default:
     * {@code <offstream.home>/.offstream/landing}, where {@code offstream.home} (or the
     * environment variable OFFSTREAM_HOME) is the checkout; the working directory when unset.
     */
    private String landing;

    /**
     * A simulation: the second version of the service (a catalogue entry) whose results are
     * compared with {@code service}'s over the same pinned snapshot; part of the run's identity.
     */
    private String candidate;

    /** Which version's side a phase works on in a simulation: baseline (default) or candidate. */
    private String side;

    private String defaultLanding = ".offstream/landing";

    public RunParameters toParameters() {
        return RunParameters.resolve(dataset, from, to, service, key, landing == null || landing.isBlank() ? defaultLanding : landing,
                candidate);
    }

    /** The side of the run this phase works on ({@code offstream.run.side}). */
    public RunSide.Which toSide() {
        return RunSide.Which.parse(side);
    }

    /** Set by the auto-configuration from {@code offstream.home}; not a user option. */
    public void defaultLanding(String value) {
        this.defaultLanding = value;
    }

    public String getDataset() { return dataset; }
    public void setDataset(String dataset) { this.dataset = dataset; }
    public String getFrom() { return from; }
    public void setFrom(String from) { this.from = from; }
    public String getTo() { return to; }
    public void setTo(String to) { this.to = to; }
    public String getService() { return service; }
    public void setService(String service) { this.service = service; }
    public String getKey() { return key; }
    public void setKey(String key) { this.key = key; }
    public String getLanding() { return landing; }
    public String getCandidate() { return candidate; }
    public void setCandidate(String candidate) { this.candidate = candidate; }
    public String getSide() { return side; }
    public void setSide(String side) { this.side = side; }
    public void setLanding(String landing) { this.landing = landing; }
}
