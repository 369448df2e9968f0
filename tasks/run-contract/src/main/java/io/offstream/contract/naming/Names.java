package io.offstream.contract.naming;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The rules for the two names that become part of topic names, consumer groups and paths: the
 * service name and the run key. One rule each, for every process (plan, the consumer, the jobs).
 */
public final class Names {

    /** A service name: lower case, starts with a letter; used in topics, the consumer group and paths. */
    public static final String SERVICE_PATTERN = "[a-z][a-z0-9-]{0,39}";

    /** A run key: lower case letters, digits and '-'; derived keys look like {@code r20260101-20260107-1a2b3c4d5e}. */
    public static final String RUN_KEY_PATTERN = "[a-z0-9][a-z0-9-]{0,63}";

    private static final Pattern SERVICE = Pattern.compile(SERVICE_PATTERN);
    private static final Pattern RUN_KEY = Pattern.compile(RUN_KEY_PATTERN);
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    private Names() {
    }

    public static boolean isServiceName(String value) {
        return value != null && SERVICE.matcher(value).matches();
    }

    public static boolean isRunKey(String value) {
        return value != null && RUN_KEY.matcher(value).matches();
    }

    /** The name itself, or an {@link IllegalArgumentException} saying what a service name must look like. */
    public static String requireServiceName(String value) {
        if (!isServiceName(value)) {
            throw new IllegalArgumentException("service name '" + value + "' must match " + SERVICE_PATTERN);
        }
        return value;
    }

    /** The key itself, or an {@link IllegalArgumentException} saying what a run key must look like. */
    public static String requireRunKey(String value) {
        if (!isRunKey(value)) {
            throw new IllegalArgumentException("run key '" + value + "' must match " + RUN_KEY_PATTERN);
        }
        return value;
    }

    /**
     * The deterministic key of a run: {@code r<from yyyyMMdd>-<to yyyyMMdd>-<first 10 hex of SHA-256>}
     * of (dataset, from, to, service), so the same parameters always resolve to the same run.
     */
    public static String deriveRunKey(URI dataset, LocalDate from, LocalDate to, String service) {
        String identity = String.join("\n", dataset.toString(), from.toString(), to.toString(), service);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return "r" + BASIC.format(from) + "-" + BASIC.format(to) + "-" + HexFormat.of().formatHex(digest).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
