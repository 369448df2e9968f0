package io.offstream.contract.jobs;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.offstream.contract.layout.RunLayout;

/**
 * The options of the Spark diff job, the contract between the diff task that submits it and the
 * job: {@link #toArguments()} writes them as {@code --name=value} arguments, {@link #parse} reads
 * them back and refuses bad values, naming every problem, before the job touches any data.
 *
 * @param landingA the baseline's landed run folder ({@link RunLayout#runDirectory()}: {@code dt=} folders of Parquet)
 * @param landingB the candidate's landed run folder
 * @param keyFields the fields both landings are joined by (the baseline's record key)
 * @param ignoredFields response fields the comparison skips (both descriptors' {@code diff.ignore}); never a key field
 * @param output the folder the job replaces with {@code summary.json} and {@code changed/}
 *        ({@link RunLayout#diffDirectory()}); neither inside a landing nor holding one
 * @param sampleSize how many changed keys {@code summary.json} shows with their differing values (0..{@value #MAX_SAMPLE_SIZE})
 * @param resultFile local file the job writes its {@link DiffJobResult} to, atomically; empty: none (a run by hand)
 */
public record DiffJobOptions(URI landingA, URI landingB, List<String> keyFields, List<String> ignoredFields, URI output,
        int sampleSize, Optional<Path> resultFile) {

    public static final int DEFAULT_SAMPLE_SIZE = 20;
    public static final int MAX_SAMPLE_SIZE = 1_000;

    /** The partition column of a landing: where a row landed, not what the service answered. */
    public static final String PARTITION_COLUMN = "dt";

    /** In the output folder: the counts, per-field differences and the sample. */
    public static final String SUMMARY_FILE = "summary.json";

    /** In the output folder: the differing keys as Parquet. */
    public static final String CHANGED_FOLDER = "changed";

    private static final Pattern FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> OPTIONS = Set.of("landing-a", "landing-b", "key-fields", "ignore-fields", "output", "sample-size",
            "result-file");

    /** Checks every value; an {@link IllegalArgumentException} naming every problem otherwise. Folders end in '/'. */
    public DiffJobOptions {
        List<String> problems = new ArrayList<>();
        landingA = folder(landingA, "landing-a", problems);
        landingB = folder(landingB, "landing-b", problems);
        output = folder(output, "output", problems);
        keyFields = List.copyOf(Objects.requireNonNullElse(keyFields, List.of()));
        ignoredFields = List.copyOf(Objects.requireNonNullElse(ignoredFields, List.of()));
        resultFile = Objects.requireNonNull(resultFile, "resultFile").map(Path::toAbsolutePath);
        problems.addAll(valueProblems(landingA, landingB, keyFields, ignoredFields, output, sampleSize));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Bad diff job options: " + String.join("; ", problems));
        }
    }

    /** {@code <output>/summary.json}. */
    public URI summaryFile() {
        return URI.create(output + SUMMARY_FILE);
    }

    /** {@code <output>/changed/}. */
    public URI changedDirectory() {
        return URI.create(output + CHANGED_FOLDER + "/");
    }

    /** The options as the job's {@code --name=value} arguments; {@code parse(toArguments())} equals this. */
    public List<String> toArguments() {
        List<String> args = new ArrayList<>(List.of("--landing-a=" + landingA, "--landing-b=" + landingB,
                "--key-fields=" + String.join(",", keyFields), "--output=" + output, "--sample-size=" + sampleSize));
        if (!ignoredFields.isEmpty()) {
            args.add("--ignore-fields=" + String.join(",", ignoredFields));
        }
        resultFile.ifPresent(file -> args.add("--result-file=" + file));
        return args;
    }

    /** Reads {@code --name=value} arguments; an {@link IllegalArgumentException} naming every problem otherwise. */
    public static DiffJobOptions parse(String... args) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 3) {
                problems.add("argument '" + arg + "' is not --name=value");
                continue;
            }
            String name = arg.substring(2, eq);
            if (!OPTIONS.contains(name)) {
                problems.add("unknown option --" + name);
            } else if (values.put(name, arg.substring(eq + 1)) != null) {
                problems.add("option --" + name + " is given twice");
            }
        }
        URI landingA = folder(uri(values.get("landing-a"), "landing-a", problems), "landing-a", problems);
        URI landingB = folder(uri(values.get("landing-b"), "landing-b", problems), "landing-b", problems);
        URI output = folder(uri(values.get("output"), "output", problems), "output", problems);
        List<String> keys = names(values.get("key-fields"));
        List<String> ignored = names(values.get("ignore-fields"));
        int sampleSize = DEFAULT_SAMPLE_SIZE;
        if (values.containsKey("sample-size")) {
            try {
                sampleSize = Integer.parseInt(values.get("sample-size").trim());
            } catch (NumberFormatException e) {
                problems.add("--sample-size '" + values.get("sample-size") + "' is not a whole number");
            }
        }
        String result = values.get("result-file");
        if (result != null && (result.isBlank() || result.endsWith("/"))) {
            problems.add("--result-file '" + result + "' is not a file name");
            result = null;
        }
        problems.addAll(valueProblems(landingA, landingB, keys, ignored, output, sampleSize));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Bad diff job options: " + String.join("; ", problems));
        }
        return new DiffJobOptions(landingA, landingB, keys, ignored, output, sampleSize, Optional.ofNullable(result).map(Path::of));
    }

    /** Problems of values that are present (absent folders are reported where they are read). */
    private static List<String> valueProblems(URI landingA, URI landingB, List<String> keys, List<String> ignored, URI output,
            int sampleSize) {
        List<String> problems = new ArrayList<>();
        if (keys.isEmpty()) {
            problems.add("--key-fields is required (the fields both landings are joined by)");
        }
        fieldProblems(keys, "key-fields", problems);
        fieldProblems(ignored, "ignore-fields", problems);
        if (keys.contains(PARTITION_COLUMN)) {
            problems.add("--key-fields: '" + PARTITION_COLUMN + "' is the landing's partition column, not a field");
        }
        List<String> ignoredKeys = ignored.stream().filter(keys::contains).toList();
        if (!ignoredKeys.isEmpty()) {
            problems.add("--ignore-fields: " + ignoredKeys + " are key fields (keys are joined on, never compared)");
        }
        if (landingA != null && landingA.equals(landingB)) {
            problems.add("--landing-a and --landing-b are both " + landingA + ": a diff compares two landings");
        }
        for (URI landing : Arrays.asList(landingA, landingB)) {
            if (landing != null && output != null && (nested(output, landing) || nested(landing, output))) {
                problems.add("--output " + output + " overlaps the landing " + landing + " (the job replaces the output folder)");
            }
        }
        if (sampleSize < 0 || sampleSize > MAX_SAMPLE_SIZE) {
            problems.add("--sample-size must be within 0.." + MAX_SAMPLE_SIZE + ", was " + sampleSize);
        }
        return problems;
    }

    private static void fieldProblems(List<String> fields, String option, List<String> problems) {
        Set<String> seen = new HashSet<>();
        for (String field : fields) {
            if (!FIELD.matcher(field).matches()) {
                problems.add("--" + option + ": '" + field + "' is not a field name (" + FIELD + ")");
            } else if (!seen.add(field)) {
                problems.add("--" + option + ": '" + field + "' is given twice");
            }
        }
    }

    private static boolean nested(URI inner, URI outer) {
        return inner.toString().startsWith(outer.toString());
    }

    private static List<String> names(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",", -1)).map(String::trim).toList();
    }

    private static URI uri(String value, String name, List<String> problems) {
        if (value == null || value.isBlank()) {
            problems.add("--" + name + " is required");
            return null;
        }
        try {
            return new URI(value.trim());
        } catch (URISyntaxException e) {
            problems.add("--" + name + " '" + value + "' is not a URI: " + e.getReason());
            return null;
        }
    }

    /** An absolute URI with a path, as a folder ('/' at the end); null (and a problem) otherwise. */
    private static URI folder(URI uri, String name, List<String> problems) {
        if (uri == null) {
            if (problems.stream().noneMatch(p -> p.startsWith("--" + name + " "))) {
                problems.add("--" + name + " is required");
            }
            return null;
        }
        if (!uri.isAbsolute() || uri.getPath() == null || !uri.getPath().startsWith("/") || uri.getQuery() != null
                || uri.getFragment() != null) {
            problems.add("--" + name + " '" + uri + "' is not an absolute URI such as file:///data/x or hdfs://namenode/x");
            return null;
        }
        return RunLayout.asDirectory(uri);
    }
}
