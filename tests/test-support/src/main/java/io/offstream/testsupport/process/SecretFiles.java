package io.offstream.testsupport.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A directory of secrets readable by this user only, one file per property, as Spring's
 * {@code configtree:} import reads them: how the tests hand passwords to the processes they start,
 * as the local scripts do, instead of on a command line.
 */
public final class SecretFiles {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;

    private SecretFiles(Path directory) {
        this.directory = directory;
    }

    /** The directory (created with mode 0700 if new). */
    public static SecretFiles in(Path directory) {
        try {
            Files.createDirectories(directory.getParent());
            if (!Files.isDirectory(directory)) {
                Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            return new SecretFiles(directory.toAbsolutePath());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The property's value, generated (24 random bytes, URL-safe Base64) and stored with mode 0600 unless stored before. */
    public String generate(String property) {
        Path file = directory.resolve(property);
        try {
            if (!Files.exists(file)) {
                byte[] bytes = new byte[24];
                RANDOM.nextBytes(bytes);
                write(property, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
            }
            return Files.readString(file).strip();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stores {@code value} as the property's file (mode 0600, created if new). */
    public void write(String property, String value) {
        Path file = directory.resolve(property);
        try {
            if (!Files.exists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(file, value);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path directory() {
        return directory;
    }
}
