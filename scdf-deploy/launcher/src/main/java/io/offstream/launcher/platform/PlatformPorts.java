package io.offstream.launcher.platform;

/**
 * The local platform's ports. {@link #fixed()} are README's (users and scripts rely on them); tests
 * give free ones, so their platform never meets a user's.
 */
public record PlatformPorts(int kafka, int kafkaController, int scdf, int h2, int consumer, int realtime, int pricing,
        int firstExtraConsumer, int registry, int postgres) {

    public static PlatformPorts fixed() {
        return new PlatformPorts(9092, 9093, 9393, 19092, 8081, 8082, 8083, 8084, 8090, 15432);
    }
}
