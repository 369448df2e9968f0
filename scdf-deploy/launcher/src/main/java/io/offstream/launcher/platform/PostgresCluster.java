package io.offstream.launcher.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.offstream.launcher.LauncherException;

/**
 * A PostgreSQL cluster of the machine's own PostgreSQL binaries, in a directory of the platform's
 * ({@code initdb} once, then {@code pg_ctl start/stop}), listening on one address and port, with
 * one role (password authentication, scram-sha-256) owning the platform's databases. What SCDF, the
 * run ledger, Quartz and the region registry use instead of H2 when the platform runs on PostgreSQL.
 *
 * <p>PostgreSQL refuses to run as root: when this JVM is root, every command runs as the
 * {@code postgres} user (which Debian's package creates) through {@code runuser}, and the cluster's
 * directory belongs to it. The password reaches {@code initdb} in a file only that user can read,
 * deleted afterwards, and the client commands in {@code PGPASSWORD}: never on a command line.
 */
public final class PostgresCluster {

    /** Where Debian's packages put each major version's server binaries. */
    private static final Path DEBIAN_BINARIES = Path.of("/usr/lib/postgresql");

    private static final String SERVICE_USER = "postgres";

    private static final long COMMAND_TIMEOUT_SECONDS = 120;

    private final Path binaries;

    private final Path directory;

    private final String bindAddress;

    private final int port;

    private final String role;

    private final String password;

    /** Server settings given at start ({@code -c name=value}), on top of the cluster's configuration. */
    private final Map<String, String> serverSettings;

    /**
     * @param binaries  the server's bin directory ({@link #findBinaries})
     * @param directory the cluster's directory: {@code data/}, {@code socket/} and {@code postgres.log} go in it
     */
    public PostgresCluster(Path binaries, Path directory, String bindAddress, int port, String role, String password) {
        this(binaries, directory, bindAddress, port, role, password, Map.of());
    }

    /** A cluster whose server starts with {@code serverSettings} (e.g. a throwaway test cluster's {@code fsync=off}). */
    public PostgresCluster(Path binaries, Path directory, String bindAddress, int port, String role, String password,
            Map<String, String> serverSettings) {
        this.serverSettings = Map.copyOf(serverSettings);
        this.binaries = binaries;
        this.directory = directory.toAbsolutePath();
        this.bindAddress = bindAddress;
        this.port = port;
        this.role = role;
        this.password = password;
    }

    /**
     * The server binaries: {@code OFFSTREAM_POSTGRES_BIN} when set, else the newest
     * {@code /usr/lib/postgresql/<major>/bin} with an {@code initdb}.
     */
    public static Path findBinaries(Map<String, String> environment) {
        String configured = environment.get("OFFSTREAM_POSTGRES_BIN");
        if (configured != null && !configured.isBlank()) {
            Path bin = Path.of(configured);
            if (!Files.isExecutable(bin.resolve("initdb"))) {
                throw new LauncherException("OFFSTREAM_POSTGRES_BIN=" + configured + " has no initdb");
            }
            return bin;
        }
        try (Stream<Path> versions = Files.isDirectory(DEBIAN_BINARIES) ? Files.list(DEBIAN_BINARIES) : Stream.empty()) {
            Optional<Path> newest = versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                    .max(Comparator.comparingInt(bin -> majorVersion(bin.getParent().getFileName().toString())));
            return newest.orElseThrow(() -> new LauncherException("No PostgreSQL server found under " + DEBIAN_BINARIES
                    + " (apt-get install postgresql), and OFFSTREAM_POSTGRES_BIN is not set"));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int majorVersion(String name) {
        try {
            return Integer.parseInt(name);
        }
        catch (NumberFormatException notAVersion) {
            return -1;
        }
    }

    /** {@code jdbc:postgresql://<address>:<port>/<database>}. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + bindAddress + ":" + port + "/" + database;
    }

    /**
     * How a Spring Boot app reaches one of the cluster's databases: URL, the role and the driver
     * (Offstream's server defaults name H2's). The password goes by config tree, never here.
     */
    public List<String> datasourceArguments(String database) {
        return List.of("--spring.datasource.url=" + jdbcUrl(database), "--spring.datasource.username=" + role,
                "--spring.datasource.driver-class-name=org.postgresql.Driver");
    }

    public int port() {
        return port;
    }

    public String role() {
        return role;
    }

    public Path directory() {
        return directory;
    }

    public Path logFile() {
        return directory.resolve("postgres.log");
    }

    /** Initialises the cluster if it has no data yet, starts it unless it runs, and creates the databases it lacks. */
    public void start(List<String> databases) {
        try {
            if (!Files.exists(data().resolve("PG_VERSION"))) {
                initialise();
            }
            if (!running()) {
                StringBuilder options = new StringBuilder("-p " + port + " -k " + socket() + " -c listen_addresses=" + bindAddress);
                new TreeMap<>(serverSettings).forEach((name, value) -> options.append(" -c ").append(name).append('=').append(value));
                run("pg_ctl", List.of("start", "-D", data().toString(), "-l", logFile().toString(), "-w", "-t", "60", "-o", options.toString()));
            }
            databases.forEach(this::createDatabase);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates a database owned by the role, unless it exists; names are lower-case letters, digits and '_'. */
    public void createDatabase(String database) {
        if (!database.matches("[a-z][a-z0-9_]*")) {
            throw new LauncherException("Not a database name for the platform: " + database);
        }
        if (query("select 1 from pg_database where datname = '" + database + "'").isBlank()) {
            run("createdb", List.of("-h", bindAddress, "-p", Integer.toString(port), "-U", role, database));
        }
    }

    /** Whether the cluster's server runs ({@code pg_ctl status}). */
    public boolean running() {
        return Files.exists(data().resolve("PG_VERSION")) && exitCode("pg_ctl", List.of("status", "-D", data().toString())) == 0;
    }

    /** The server's process id, from its {@code postmaster.pid} (there while it runs; the pid records check it is alive). */
    public OptionalLong serverPid() {
        try {
            Path pidFile = data().resolve("postmaster.pid");
            if (!Files.exists(pidFile)) {
                return OptionalLong.empty();
            }
            String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
            return first.matches("[0-9]+") ? OptionalLong.of(Long.parseLong(first)) : OptionalLong.empty();
        }
        catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** What the server's command line holds and no other process's does: its data directory. */
    public String commandLineMarker() {
        return data().toString();
    }

    /** Stops the server (fast: open sessions are ended, nothing is lost), if it runs. */
    public void stop() {
        if (running()) {
            run("pg_ctl", List.of("stop", "-D", data().toString(), "-m", "fast", "-w", "-t", "60"));
        }
    }

    private void initialise() throws IOException {
        Files.createDirectories(socket());
        Path passwordFile = directory.resolve("initdb-password");
        Files.writeString(passwordFile, password + "\n");
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
        try {
            // what this JVM made is root's when it is root: initdb (and later the server) runs as the service user
            if (asServiceUser()) {
                giveToServiceUser(List.of(directory, socket(), passwordFile));
            }
            run("initdb", List.of("-D", data().toString(), "-U", role, "--pwfile=" + passwordFile, "--auth=scram-sha-256",
                    "-E", "UTF8", "--no-locale"));
        }
        finally {
            Files.deleteIfExists(passwordFile);
        }
    }

    private String query(String sql) {
        return run("psql", List.of("-h", bindAddress, "-p", Integer.toString(port), "-U", role, "-d", "postgres", "-tAc", sql)).strip();
    }

    private Path data() {
        return directory.resolve("data");
    }

    private Path socket() {
        return directory.resolve("socket");
    }

    private String run(String command, List<String> arguments) {
        Result result = execute(command, arguments);
        if (result.exitCode() != 0) {
            throw new LauncherException("PostgreSQL's " + command + " failed (exit " + result.exitCode() + "): "
                    + result.output().strip().replace('\n', ' ') + (command.equals("pg_ctl") ? " (see " + logFile() + ")" : ""));
        }
        return result.output();
    }

    private int exitCode(String command, List<String> arguments) {
        return execute(command, arguments).exitCode();
    }

    private record Result(int exitCode, String output) {
    }

    private Result execute(String command, List<String> arguments) {
        List<String> line = new ArrayList<>();
        if (asServiceUser()) {
            line.addAll(List.of("runuser", "-u", SERVICE_USER, "--"));
        }
        line.add(binaries.resolve(command).toString());
        line.addAll(arguments);
        // the cluster's directory is the service user's own: the caller's may be closed to it
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true).directory(directory.toFile());
        builder.environment().put("PGPASSWORD", password);
        builder.environment().put("PGCONNECT_TIMEOUT", "10");
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            // pg_ctl start leaves the server holding its own log file, not this pipe: reading to the end returns
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new LauncherException("PostgreSQL's " + command + " did not end within " + COMMAND_TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), new String(output));
        }
        catch (IOException e) {
            throw new LauncherException("Cannot run PostgreSQL's " + command + ": " + e.getMessage());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("Interrupted while running PostgreSQL's " + command);
        }
    }

    private static boolean asServiceUser() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Root's files are not the service user's: these become its own (initdb makes the rest as that user). */
    private static void giveToServiceUser(List<Path> files) throws IOException {
        UserPrincipal owner;
        try {
            owner = files.get(0).getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(SERVICE_USER);
        }
        catch (UserPrincipalNotFoundException e) {
            throw new LauncherException("PostgreSQL does not run as root, and this machine has no " + SERVICE_USER
                    + " user to run it as (apt-get install postgresql creates one; or run as another user)");
        }
        for (Path file : files) {
            Files.setOwner(file, owner);
        }
    }
}
