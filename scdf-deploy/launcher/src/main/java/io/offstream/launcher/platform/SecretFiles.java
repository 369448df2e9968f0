package io.offstream.launcher.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Collectors;

/**
 * Passwords as files, one per property (mode 0600) in directories only this user can read (0700):
 * a process imports a directory as a Spring config tree, so no password is ever on a command line.
 */
public final class SecretFiles {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path root;

    public SecretFiles(Path root) {
        this.root = root;
    }

    /** {@code <root>/<group>/}: what a process imports with {@link #configTreeImport(String)}. */
    public Path directory(String group) {
        return root.resolve(group);
    }

    /** {@code --spring.config.import=optional:configtree:<root>/<group>/}, one entry per group (comma-separated). */
    public String configTreeImport(String... groups) {
        return "--spring.config.import=" + Arrays.stream(groups).map(group -> "optional:configtree:" + directory(group) + "/")
                .collect(Collectors.joining(","));
    }

    /** The property's password: generated once (24 random bytes, Base64 without / + =), then read. */
    public String ensure(String group, String property) {
        Path dir = directory(group);
        Path file = dir.resolve(property);
        try {
            ownerOnly(root, "rwx------");
            ownerOnly(dir, "rwx------");
            if (!Files.exists(file) || Files.size(file) == 0) {
                byte[] bytes = new byte[24];
                RANDOM.nextBytes(bytes);
                write(file, Base64.getEncoder().withoutPadding().encodeToString(bytes).replace("/", "").replace("+", ""));
            }
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return Files.readString(file).strip();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates {@code <root>/<group>/} (mode 0700) if it is not there. */
    public Path ensureDirectory(String group) {
        try {
            ownerOnly(root, "rwx------");
            ownerOnly(directory(group), "rwx------");
            return directory(group);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stores a value as the property's file (mode 0600). */
    public void write(String group, String property, String value) {
        try {
            ownerOnly(root, "rwx------");
            ownerOnly(directory(group), "rwx------");
            write(directory(group).resolve(property), value);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String value) throws IOException {
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(file, value);
    }

    private static void ownerOnly(Path dir, String mode) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir.getParent());
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode)));
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString(mode));
    }
}
