package io.offstream.testsupport.process;

import java.nio.file.Path;

/**
 * A directory of secrets readable by this user only, one file per property, as Spring's
 * {@code configtree:} import reads them: how the tests hand passwords to the processes they start,
 * as the local platform does, instead of on a command line. The files are the launcher's
 * ({@link io.offstream.launcher.platform.SecretFiles}: directories 0700, files 0600).
 */
public final class SecretFiles {

    private final io.offstream.launcher.platform.SecretFiles store;

    private final String group;

    private final Path directory;

    private SecretFiles(io.offstream.launcher.platform.SecretFiles store, String group, Path directory) {
        this.store = store;
        this.group = group;
        this.directory = directory;
    }

    /** The directory (created with mode 0700 if new; its parent is made owner-only too). */
    public static SecretFiles in(Path directory) {
        Path absolute = directory.toAbsolutePath();
        io.offstream.launcher.platform.SecretFiles store = new io.offstream.launcher.platform.SecretFiles(absolute.getParent());
        String group = absolute.getFileName().toString();
        return new SecretFiles(store, group, store.ensureDirectory(group));
    }

    /** The property's value, generated and stored with mode 0600 unless stored before. */
    public String generate(String property) {
        return store.ensure(group, property);
    }

    /** Stores {@code value} as the property's file (mode 0600, created if new). */
    public void write(String property, String value) {
        store.write(group, property, value);
    }

    public Path directory() {
        return directory;
    }
}
