package io.offstream.tasks.validate.sort;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes sorted keys to a spill file, each as its length, its UTF-8 bytes and its count (the
 * numbers as unsigned varints: keys are short, so a fixed int would mostly be zeros). Buffers on its
 * own rather than through a {@code DataOutputStream}, whose every call goes through a
 * synchronized stream.
 */
final class SpillWriter implements Closeable {

    static final int BLOCK = 64 * 1024;

    private static final int MAX_VARINT = 10;

    private final OutputStream out;

    private final byte[] block = new byte[BLOCK];

    private int position;

    SpillWriter(Path file) throws IOException {
        this.out = Files.newOutputStream(file);
    }

    void write(byte[] key, long count) throws IOException {
        write(key, 0, key.length, count);
    }

    void write(byte[] bytes, int from, int length, long count) throws IOException {
        room(MAX_VARINT);
        varint(length);
        if (length > BLOCK - position) {
            flush();
        }
        if (length > BLOCK) {
            out.write(bytes, from, length);
        }
        else {
            System.arraycopy(bytes, from, block, position, length);
            position += length;
        }
        room(MAX_VARINT);
        varint(count);
    }

    private void room(int bytes) throws IOException {
        if (BLOCK - position < bytes) {
            flush();
        }
    }

    private void varint(long value) {
        while ((value & ~0x7FL) != 0) {
            block[position++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        block[position++] = (byte) value;
    }

    private void flush() throws IOException {
        out.write(block, 0, position);
        position = 0;
    }

    @Override
    public void close() throws IOException {
        try (out) {
            flush();
        }
    }
}
