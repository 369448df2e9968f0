package io.offstream.tasks.support.run;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Run keys: given, or derived from (dataset, from, to, service) as
 * {@code r<from yyyyMMdd>-<to yyyyMMdd>-<first 10 hex of SHA-256>}, so the same parameters
 * always give the same key. Keys and service names are topic- and path-safe.
 */
public final class RunKeys {

    /** What a run key or a service name may look like (it becomes part of topic names and paths). */
    public static final String NAME_PATTERN = "[a-z0-9][a-z0-9_-]{0,63}";

    private static final Pattern NAME = Pattern.compile(NAME_PATTERN);
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    private RunKeys() {
    }

    public static boolean isValidName(String value) {
        return value != null && NAME.matcher(value).matches();
    }

    /** The deterministic key of a run; the dataset should be normalized (see {@link RunPaths#asDirectory}). */
    public static String derive(URI dataset, LocalDate from, LocalDate to, String service) {
        String identity = String.join("\n", dataset.toString(), from.toString(), to.toString(), service);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return "r" + BASIC.format(from) + "-" + BASIC.format(to) + "-" + HexFormat.of().formatHex(digest).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
