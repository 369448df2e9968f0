package io.offstream.kafka.broker;

import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * The local platform's Kafka: runs a {@link KraftBroker} until SIGTERM or Ctrl-C, then shuts it down
 * cleanly and exits 0. See {@link BrokerCommandLine#USAGE} for the options.
 */
public final class KafkaBrokerApplication {

    static {
        // The library jar carries no logback.xml (its users bring their own logging); the executable
        // uses the one it ships unless told otherwise.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "offstream-kafka-broker-logback.xml");
        }
    }

    private static final Logger log = LoggerFactory.getLogger(KafkaBrokerApplication.class);

    static final int EXIT_OK = 0;
    static final int EXIT_START_FAILED = 1;
    static final int EXIT_USAGE = 2;

    private KafkaBrokerApplication() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        BrokerCommandLine commandLine;
        try {
            commandLine = BrokerCommandLine.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("Run with --help for the options.");
            return EXIT_USAGE;
        }
        if (commandLine.help()) {
            System.out.print(BrokerCommandLine.USAGE);
            return EXIT_OK;
        }

        KraftBroker broker = new KraftBroker(commandLine.settings().orElseThrow());
        CountDownLatch stopRequested = new CountDownLatch(1);
        onSignal("TERM", stopRequested);
        onSignal("INT", stopRequested);
        // Any other way the JVM ends (System.exit elsewhere, SIGHUP) still stops the broker cleanly.
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-broker-shutdown"));

        try {
            broker.start();
        } catch (KraftBrokerException e) {
            log.error("Cannot start the Kafka broker: {}", e.getMessage());
            log.debug("Startup failure", e);
            return EXIT_START_FAILED;
        }
        log.info("Kafka broker ready on {}", broker.bootstrapServers());

        try {
            stopRequested.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("Stopping the Kafka broker on {}", broker.bootstrapServers());
        broker.close();
        return EXIT_OK;
    }

    /** On the signal, ask the main thread to stop the broker; the JVM exits 0 once it has. */
    private static void onSignal(String name, CountDownLatch stopRequested) {
        try {
            Signal.handle(new Signal(name), signal -> {
                log.info("Received SIG{}", signal.getName());
                stopRequested.countDown();
            });
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // The signal is reserved or ignored here (e.g. SIGINT in a background job): the shutdown hook still applies.
            log.debug("Cannot handle SIG{}: {}", name, e.getMessage());
        }
    }
}
