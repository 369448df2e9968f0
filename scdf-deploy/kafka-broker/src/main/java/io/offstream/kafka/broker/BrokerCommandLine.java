package io.offstream.kafka.broker;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The executable's options, parsed into broker settings.
 *
 * @param help     whether {@code --help} was given
 * @param settings the broker settings; empty when {@code help} is set
 */
record BrokerCommandLine(boolean help, Optional<KraftBrokerSettings> settings) {

    static final String DEFAULT_DATA_DIR = ".offstream/kafka";

    static final String USAGE = """
            Usage: java -jar offstream-kafka-broker-<version>-exec.jar [options]

            Runs a single-node Apache Kafka broker (KRaft, broker and controller in one process).

            Options:
              --port=N               client port (PLAINTEXT)                  default 9092
              --controller-port=N    KRaft controller port                    default 9093
              --data-dir=PATH        logs and cluster metadata; formatted on
                                     first start, reused afterwards           default .offstream/kafka
              --host=NAME            host name advertised to clients          default localhost
              --bind-address=ADDR    address the listeners bind to            default 127.0.0.1
              --partitions=N         partitions of auto-created topics        default 1
              --override=KEY=VALUE   any other Kafka broker property; repeatable
              --help                 print this text

            Port 0 picks a free port. Exits 0 after SIGTERM or Ctrl-C, 1 when the broker cannot
            start (for example a port is taken), 2 on bad options.
            """;

    static BrokerCommandLine parse(String... args) {
        Path dataDir = Path.of(DEFAULT_DATA_DIR);
        Integer port = null;
        Integer controllerPort = null;
        String host = null;
        String bindAddress = null;
        Integer partitions = null;
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                return new BrokerCommandLine(true, Optional.empty());
            }
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("Unknown argument '" + arg + "': options look like --name=value");
            }
            String name = arg.substring(2, equals);
            String value = arg.substring(equals + 1);
            switch (name) {
                case "port" -> port = number(name, value);
                case "controller-port" -> controllerPort = number(name, value);
                case "data-dir" -> dataDir = Path.of(nonBlank(name, value));
                case "host" -> host = nonBlank(name, value);
                case "bind-address" -> bindAddress = nonBlank(name, value);
                case "partitions" -> partitions = number(name, value);
                case "override" -> {
                    int split = value.indexOf('=');
                    if (split <= 0) {
                        throw new IllegalArgumentException("--override needs KEY=VALUE, got '" + value + "'");
                    }
                    overrides.put(value.substring(0, split).trim(), value.substring(split + 1));
                }
                default -> throw new IllegalArgumentException("Unknown option --" + name + " (see --help)");
            }
        }
        KraftBrokerSettings.Builder builder = KraftBrokerSettings.builder(dataDir).brokerProperties(overrides);
        if (port != null) {
            builder.port(port);
        }
        if (controllerPort != null) {
            builder.controllerPort(controllerPort);
        }
        if (host != null) {
            builder.advertisedHost(host);
        }
        if (bindAddress != null) {
            builder.bindAddress(bindAddress);
        }
        if (partitions != null) {
            builder.defaultPartitions(partitions);
        }
        return new BrokerCommandLine(false, Optional.of(builder.build()));
    }

    private static int number(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " needs a number, got '" + value + "'");
        }
    }

    private static String nonBlank(String name, String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " needs a value");
        }
        return value;
    }
}
