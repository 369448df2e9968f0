package io.offstream.tasks.validate.sort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An external sort of keys in bounded memory: keys are added one by one into a {@link SortBuffer};
 * a full buffer is sorted and spilled to a file in a directory of the sorter's own, and
 * {@link #sorted()} merges the files into {@link SortedKeys} (each distinct key once, with how many
 * times it was added). Closing deletes the files and the directory, whatever happened before.
 *
 * <p>Memory: the buffer while adding; while merging, one block per spill file, which
 * {@code maxFanIn} bounds by merging the oldest files into one until few enough are left.
 */
public final class KeySorter implements KeySink, AutoCloseable {

    static final int DEFAULT_MAX_FAN_IN = 64;

    private final Path parent;

    private final String name;

    private final SortBuffer buffer;

    private final int maxFanIn;

    private final List<Path> spills = new ArrayList<>();

    private final List<SpillReader> readers = new ArrayList<>();

    private Path directory;

    private int filesMade;

    private long added;

    private boolean sorted;

    /**
     * @param parent      where the sorter makes its directory for spill files
     * @param name        what is sorted, for the directory's name
     * @param bufferBytes memory the keys in the buffer may take (their bytes and 12 per key)
     */
    public KeySorter(Path parent, String name, long bufferBytes) {
        this(parent, name, bufferBytes, DEFAULT_MAX_FAN_IN);
    }

    KeySorter(Path parent, String name, long bufferBytes, int maxFanIn) {
        if (maxFanIn < 2) {
            throw new IllegalArgumentException("A merge needs a fan-in of at least 2, was " + maxFanIn);
        }
        this.parent = parent;
        this.name = name;
        this.buffer = new SortBuffer(bufferBytes);
        this.maxFanIn = maxFanIn;
    }

    @Override
    public void add(String key) throws IOException {
        add(key.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds a key given as its UTF-8 bytes. */
    public void add(byte[] key) throws IOException {
        if (sorted) {
            throw new IllegalStateException("The " + name + " keys are already sorted: nothing can be added");
        }
        if (!buffer.add(key)) {
            spill();
            buffer.add(key);
        }
        added++;
    }

    /** How many keys were added, repeats included. */
    public long added() {
        return added;
    }

    /** How many spill files hold the keys now. */
    int spillFiles() {
        return spills.size();
    }

    /** The keys in order; the buffer's memory is given back first. Once only. */
    public SortedKeys sorted() throws IOException {
        if (sorted) {
            throw new IllegalStateException("The " + name + " keys were already sorted once");
        }
        sorted = true;
        if (buffer.size() > 0) {
            spill();
        }
        buffer.release();
        while (spills.size() > maxFanIn) {
            mergeOldest(maxFanIn);
        }
        for (Path spill : spills) {
            readers.add(new SpillReader(spill));
        }
        return new MergedSpills(readers);
    }

    private void spill() throws IOException {
        Path file = nextFile();
        try (SpillWriter out = new SpillWriter(file)) {
            buffer.spillTo(out);
        }
    }

    private void mergeOldest(int count) throws IOException {
        List<Path> oldest = new ArrayList<>(spills.subList(0, count));
        Path merged = nextFile();
        List<SpillReader> open = new ArrayList<>();
        try (SpillWriter out = new SpillWriter(merged)) {
            for (Path spill : oldest) {
                open.add(new SpillReader(spill));
            }
            SortedKeys keys = new MergedSpills(open);
            while (keys.next()) {
                out.write(keys.key(), keys.count());
            }
        }
        finally {
            closeAll(open);
        }
        for (Path spill : oldest) {
            Files.delete(spill);
        }
        spills.removeAll(oldest);
    }

    /** A new spill file, listed before it is written so that {@link #close()} deletes it even half-written. */
    private Path nextFile() throws IOException {
        if (directory == null) {
            try {
                Files.createDirectories(parent);
                directory = Files.createTempDirectory(parent, "offstream-validate-" + name + "-");
            }
            catch (IOException e) {
                throw new IOException("Cannot make a directory for spilling the " + name + " keys under " + parent + ": " + e, e);
            }
        }
        Path file = directory.resolve(String.format("spill-%05d", filesMade++));
        spills.add(file);
        return file;
    }

    /** Closes the readers and deletes every spill file and the directory. */
    @Override
    public void close() throws IOException {
        IOException failure = null;
        try {
            closeAll(readers);
        }
        catch (IOException e) {
            failure = e;
        }
        readers.clear();
        buffer.release();
        if (directory != null) {
            for (Path spill : spills) {
                failure = deleteQuietly(spill, failure);
            }
            failure = deleteQuietly(directory, failure);
            directory = null;
        }
        spills.clear();
        if (failure != null) {
            throw failure;
        }
    }

    private static IOException deleteQuietly(Path path, IOException failure) {
        try {
            Files.deleteIfExists(path);
            return failure;
        }
        catch (IOException e) {
            if (failure != null) {
                failure.addSuppressed(e);
                return failure;
            }
            return e;
        }
    }

    private static void closeAll(List<SpillReader> open) throws IOException {
        IOException failure = null;
        for (SpillReader reader : open) {
            try {
                reader.close();
            }
            catch (IOException e) {
                if (failure == null) {
                    failure = e;
                }
                else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
