package io.offstream.contract.layout;

import java.net.URI;
import java.time.LocalDate;

import io.offstream.contract.naming.Names;

/**
 * Where a run's files live under the landing root (file://, hdfs://, ...). The only place these
 * paths are built:
 * <pre>
 * &lt;landing&gt;/&lt;service&gt;/run=&lt;key&gt;/dt=YYYY-MM-DD/        results, one row per accepted key
 * &lt;landing&gt;/&lt;service&gt;/_staging/run=&lt;key&gt;/           egress attempts before they replace run=&lt;key&gt;
 * &lt;landing&gt;/&lt;service&gt;/_validation/run=&lt;key&gt;/report.json the validation report
 * &lt;landing&gt;/&lt;service&gt;/_report/run=&lt;key&gt;/             the run report
 * &lt;landing&gt;/&lt;service&gt;/_diff/run=&lt;key&gt;/               a simulation's diff of its two versions (filed under the baseline's service)
 * &lt;landing&gt;/_quarantine/&lt;service&gt;/run=&lt;key&gt;/dt=.../  rejected rows with their reason
 * </pre>
 * Folders whose names start with '_' are not data for Spark or Hadoop readers.
 */
public record RunLayout(URI landingRoot, String service, String runKey) {

    /** The landing's folder of rejected rows, beside the services' folders. */
    private static final String QUARANTINE_FOLDER = "_quarantine";

    /** Whether a folder directly under the landing root is the quarantine (the others are services' or '_' folders). */
    public static boolean isQuarantineFolder(String folderName) {
        return QUARANTINE_FOLDER.equals(folderName);
    }

    public RunLayout {
        landingRoot = asDirectory(landingRoot);
        Names.requireServiceName(service);
        Names.requireRunKey(runKey);
    }

    /** {@code <landing>/<service>/}: every run of the service; a Spark SQL view reads it with columns run and dt. */
    public URI serviceRoot() {
        return child(landingRoot, service + "/");
    }

    public URI runDirectory() {
        return child(landingRoot, service + "/run=" + runKey + "/");
    }

    public URI dayDirectory(LocalDate date) {
        return child(runDirectory(), dayFolder(date) + "/");
    }

    public URI stagingDirectory() {
        return child(landingRoot, service + "/_staging/run=" + runKey + "/");
    }

    public URI validationReport() {
        return child(landingRoot, service + "/_validation/run=" + runKey + "/report.json");
    }

    public URI reportDirectory() {
        return child(landingRoot, service + "/_report/run=" + runKey + "/");
    }

    /**
     * {@code <landing>/<service>/_diff/run=<key>/}: a simulation's comparison of its two versions'
     * landings ({@code summary.json}, {@code changed/}); a simulation files it under its baseline's layout.
     */
    public URI diffDirectory() {
        return child(landingRoot, service + "/_diff/run=" + runKey + "/");
    }

    /** {@code <landing>/_quarantine/<service>/}: every run's rejected rows of the service. */
    public URI quarantineRoot() {
        return child(landingRoot, QUARANTINE_FOLDER + "/" + service + "/");
    }

    public URI quarantine() {
        return child(landingRoot, QUARANTINE_FOLDER + "/" + service + "/run=" + runKey + "/");
    }

    public URI quarantineDay(LocalDate date) {
        return child(quarantine(), dayFolder(date) + "/");
    }

    /**
     * For scripts, so they never build these paths themselves:
     * {@code RunLayout <landing> <service> <runKey> run|validation-report|report|quarantine|staging|diff}
     * prints the URI (file: URIs as plain paths).
     */
    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("usage: RunLayout <landing> <service> <runKey> run|validation-report|report|quarantine|staging|diff");
            System.exit(2);
        }
        try {
            URI landing = args[0].contains(":") ? URI.create(args[0]) : java.nio.file.Path.of(args[0]).toAbsolutePath().toUri();
            RunLayout layout = new RunLayout(landing, args[1], args[2]);
            URI uri = switch (args[3]) {
                case "run" -> layout.runDirectory();
                case "validation-report" -> layout.validationReport();
                case "report" -> layout.reportDirectory();
                case "quarantine" -> layout.quarantine();
                case "staging" -> layout.stagingDirectory();
                case "diff" -> layout.diffDirectory();
                default -> throw new IllegalArgumentException("unknown part '" + args[3] + "'");
            };
            System.out.println("file".equals(uri.getScheme()) ? uri.getPath() : uri.toString());
        } catch (IllegalArgumentException e) {
            System.err.println("[offstream] " + e.getMessage());
            System.exit(2);
        }
    }

    /** {@code dt=YYYY-MM-DD}: the partition folder name, in the warehouse as in the landing. */
    public static String dayFolder(LocalDate date) {
        return "dt=" + date;
    }

    /** The same URI with a trailing slash, so children resolve under it. */
    public static URI asDirectory(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? uri : URI.create(s + "/");
    }

    private static URI child(URI parent, String relative) {
        return URI.create(asDirectory(parent) + relative);
    }
}
