package io.offstream.tasks.validate.sort;

import java.nio.file.Path;

/**
 * How keys are sorted: where sorters make their spill directories and how much memory a sorter's
 * buffer may take.
 *
 * @param spillDirectory the parent of every sorter's own spill directory
 * @param bufferBytes    the memory of one sorter's buffer: its keys' bytes and 12 more per key
 */
public record SortSettings(Path spillDirectory, long bufferBytes) {

    /** A sorter of the keys of one source; {@code name} says which, in its directory's name. */
    public KeySorter sorter(String name) {
        return new KeySorter(spillDirectory, name, bufferBytes);
    }
}
