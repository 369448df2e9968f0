package io.offstream.kafka.broker;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Holds a data directory for one broker at a time, across processes and within one JVM.
 *
 * <p>Kafka locks its log directories only once the broker half starts, after the controller half
 * has opened the metadata log: a second node on a directory in use would write into the first
 * node's metadata log before it is refused. This lock is taken before either half starts.
 */
final class DataDirectoryLock implements AutoCloseable {

    static final String FILE_NAME = "offstream-broker.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * @throws KraftBrokerException when another broker holds the directory, naming it
     */
    static DataDirectoryLock acquire(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw inUse(directory, null);
            }
            return new DataDirectoryLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw inUse(directory, e);
        } catch (IOException e) {
            closeQuietly(channel);
            throw KraftBrokerException.dataDirectoryNotWritable(directory, e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static KraftBrokerException inUse(Path directory, Throwable cause) {
        return new KraftBrokerException("Kafka data directory " + directory
                + " is in use by another running broker: stop it, or give this one another data directory", cause);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to release
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
    }
}
