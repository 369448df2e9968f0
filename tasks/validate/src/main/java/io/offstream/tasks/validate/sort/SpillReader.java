package io.offstream.tasks.validate.sort;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads back a spill file that {@link SpillWriter} wrote, one key and its count at a time. */
final class SpillReader implements Closeable {

    private final Path file;

    private final InputStream in;

    private final byte[] block = new byte[SpillWriter.BLOCK];

    private int position;

    private int limit;

    private byte[] key;

    private long count;

    SpillReader(Path file) throws IOException {
        this.file = file;
        this.in = Files.newInputStream(file);
    }

    /** Moves to the next key; false at the end of the file. */
    boolean next() throws IOException {
        if (position == limit && !fill()) {
            key = null;
            return false;
        }
        long length = varint();
        if (length > Integer.MAX_VALUE - 8) {
            throw new IOException("Spill file " + file + " is corrupt: a key of " + length + " bytes");
        }
        // A new array per key: the merge holds on to the current key while this reader moves on.
        key = new byte[(int) length];
        int copied = 0;
        while (copied < key.length) {
            if (position == limit && !fill()) {
                throw new EOFException("Spill file " + file + " ends inside a key");
            }
            int n = Math.min(key.length - copied, limit - position);
            System.arraycopy(block, position, key, copied, n);
            position += n;
            copied += n;
        }
        count = varint();
        return true;
    }

    /** The current key's UTF-8 bytes. */
    byte[] key() {
        return key;
    }

    long count() {
        return count;
    }

    private long varint() throws IOException {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (position == limit && !fill()) {
                throw new EOFException("Spill file " + file + " ends inside a number");
            }
            byte b = block[position++];
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new IOException("Spill file " + file + " is corrupt: a number longer than 64 bits");
    }

    private boolean fill() throws IOException {
        int n = in.readNBytes(block, 0, block.length);
        position = 0;
        limit = n;
        return n > 0;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
