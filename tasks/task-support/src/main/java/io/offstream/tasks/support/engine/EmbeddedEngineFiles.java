package io.offstream.tasks.support.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The engine job a phase task carries inside its own jar ({@code offstream-engine/<job>/...} on the
 * classpath: the job's jar and its dependency folders), unpacked once into a cache folder so a
 * child JVM or spark-submit can use it as files. The cache folder is named by a digest of what is
 * packed, so a rebuilt task never runs a stale job and concurrent tasks share one copy. Each use
 * stamps its folder; when a new copy is unpacked, copies of the same job unused for
 * {@link #KEEP_UNUSED} are deleted (a Spark job with its libraries is about 0.5 GB, and every
 * rebuild of a task makes a new one).
 */
public final class EmbeddedEngineFiles {

    /** Classpath folder the build packs engine jobs into. */
    public static final String ROOT = "offstream-engine";

    /** How long an older copy is kept after its last use: longer than any task still running it needs it. */
    static final Duration KEEP_UNUSED = Duration.ofHours(6);

    private static final Logger log = LoggerFactory.getLogger(EmbeddedEngineFiles.class);

    private final String job;
    private final Path cacheRoot;
    private final PathMatchingResourcePatternResolver resolver;

    /**
     * @param job the job's folder name, e.g. {@code spark-ingress-job}
     * @param cacheRoot where unpacked jobs are kept, e.g. {@code <java.io.tmpdir>/offstream-engines}
     */
    public EmbeddedEngineFiles(String job, Path cacheRoot, ClassLoader classLoader) {
        this.job = job;
        this.cacheRoot = cacheRoot;
        this.resolver = new PathMatchingResourcePatternResolver(classLoader);
    }

    /** {@code <java.io.tmpdir>/offstream-engines}: shared by every task on the machine. */
    public static Path defaultCache() {
        return Path.of(System.getProperty("java.io.tmpdir"), "offstream-engines");
    }

    /** The unpacked folder (same relative layout as packed), or empty when this jar carries no such job. */
    public Optional<Path> unpacked() {
        List<Resource> files = packedFiles();
        if (files.isEmpty()) {
            return Optional.empty();
        }
        Path target = cacheRoot.resolve(job + "-" + digest(files));
        if (Files.isDirectory(target)) {
            return Optional.of(stampUse(target));
        }
        try {
            Files.createDirectories(cacheRoot);
            Path partial = Files.createTempDirectory(cacheRoot, job + "-partial-");
            for (Resource file : files) {
                Path out = partial.resolve(relativePath(file));
                Files.createDirectories(out.getParent());
                try (InputStream in = file.getInputStream()) {
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileSystemException e) {
                // another task unpacked the same job first (rename(2) then fails with EEXIST or ENOTEMPTY,
                // which the JDK reports as a plain FileSystemException): use its copy
                deleteTree(partial);
                if (!Files.isDirectory(target)) {
                    throw e;
                }
            }
            deleteUnusedCopies(target);
            return Optional.of(stampUse(target));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack the embedded " + job + " into " + cacheRoot, e);
        }
    }

    /** The folder's modification time records its last use. */
    private static Path stampUse(Path copy) {
        try {
            Files.setLastModifiedTime(copy, FileTime.from(Instant.now()));
        } catch (IOException e) {
            // another user's copy: it is only not pruned early
        }
        return copy;
    }

    /** Other copies of this job (and abandoned partial ones) not used for {@link #KEEP_UNUSED}. */
    private void deleteUnusedCopies(Path current) {
        Instant before = Instant.now().minus(KEEP_UNUSED);
        try (Stream<Path> copies = Files.list(cacheRoot)) {
            for (Path copy : copies.filter(p -> !p.equals(current) && isCopyOfThisJob(p)).toList()) {
                try {
                    if (Files.getLastModifiedTime(copy).toInstant().isBefore(before)) {
                        deleteTree(copy);
                        log.info("Deleted {}, a copy of {} unused since {}", copy, job, before);
                    }
                } catch (NoSuchFileException gone) {
                    // another task's partial copy, renamed or removed meanwhile
                } catch (IOException e) {
                    log.warn("Could not delete the unused copy {}: {}", copy, e.toString());
                }
            }
        } catch (IOException e) {
            log.warn("Could not list {} for unused copies of {}: {}", cacheRoot, job, e.toString());
        }
    }

    /** {@code <job>-<16 hex digits>} or {@code <job>-partial-...}: not another job whose name starts with this one's. */
    private boolean isCopyOfThisJob(Path dir) {
        String name = dir.getFileName().toString();
        if (!Files.isDirectory(dir) || !name.startsWith(job + "-")) {
            return false;
        }
        String rest = name.substring(job.length() + 1);
        return rest.matches("[0-9a-f]{16}") || rest.startsWith("partial-");
    }

    private List<Resource> packedFiles() {
        try {
            Resource[] found = resolver.getResources("classpath*:" + ROOT + "/" + job + "/**/*.jar");
            return Arrays.stream(found).filter(Resource::isReadable).sorted(Comparator.comparing(this::relativePath)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the embedded " + job, e);
        }
    }

    private String relativePath(Resource resource) {
        try {
            String url = resource.getURL().toString();
            String marker = ROOT + "/" + job + "/";
            return url.substring(url.lastIndexOf(marker) + marker.length());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Names, sizes, and for the job's own jars their central directory (the last 64 KiB of a jar
     * holds every entry's CRC): dependency jars are named by their versions.
     */
    private String digest(List<Resource> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Resource file : files) {
                String path = relativePath(file);
                sha.update((path + "\n" + file.contentLength() + "\n").getBytes(StandardCharsets.UTF_8));
                if (!path.contains("/")) {
                    try (InputStream in = file.getInputStream()) {
                        in.skipNBytes(Math.max(0, file.contentLength() - 65_536));
                        sha.update(in.readAllBytes());
                    }
                }
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the embedded " + job, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
