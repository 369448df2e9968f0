package io.offstream.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.offstream.consumer.app.ServiceConsumerApplication;
import io.offstream.schemas.sample.RiskDecision;
import io.offstream.schemas.sample.Transaction;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The service consumer app as it ships (Spring Cloud Stream on the Kafka binder), started in this JVM
 * over a catalogue entry whose function is the benchmark's, registered as a bean of the app's context
 * (the entry's {@code invoke.function}) rather than loaded from a function jar. It is closed when its
 * stage ends, so it does not compete with the next one.
 */
final class StreamAppRun {

    private static final String FUNCTION_BEAN = "benchmarkService";

    private final String bootstrap;

    private final Path catalogue;

    private final Duration timeout;

    StreamAppRun(String bootstrap, Path catalogue, Duration timeout) {
        this.bootstrap = bootstrap;
        this.catalogue = catalogue;
        this.timeout = timeout;
    }

    /**
     * Serves {@code service}'s pre-filled run topics until {@code offstream.consumer.records.out} reaches
     * {@code records}, timed from the first service call.
     */
    StageResult run(String stage, String service, int records, int maxInFlight, int workers,
            Function<Transaction, RiskDecision> function) throws IOException, InterruptedException {
        writeEntry(service, maxInFlight);
        StageClock clock = new StageClock(records);
        Function<Transaction, RiskDecision> timed = t -> {
            clock.started();
            return function.apply(t);
        };
        try (ConfigurableApplicationContext app = start(service, maxInFlight, workers, timed)) {
            MeterRegistry registry = app.getBean(MeterRegistry.class);
            long deadline = System.nanoTime() + timeout.toNanos();
            long seen = 0;
            Collection<Counter> out = List.of();
            long lookedUp = 0;
            WindowSamples window = new WindowSamples(registry);
            // the app counts a record out once Kafka acknowledged its result; watch that counter closely, but
            // search the registry (hundreds of Kafka client meters) only now and then: every 2 ms, the search
            // took about 2% of the CPU samples from the app it measures
            while (!clock.isFinished()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(stage + ": only " + seen + " of " + records + " results after " + timeout);
                }
                if (out.isEmpty() || System.nanoTime() - lookedUp > TimeUnit.SECONDS.toNanos(1)) {
                    out = registry.find("offstream.consumer.records.out").counters();
                    lookedUp = System.nanoTime();
                }
                long count = (long) out.stream().mapToDouble(Counter::count).sum();
                clock.completed(count - seen);
                seen = count;
                if (seen > 0) {
                    window.sample();
                }
                TimeUnit.MILLISECONDS.sleep(2);
            }
            StageResult result = clock.result(stage);
            System.out.println(result.summary());
            System.out.println("    " + details(registry) + "; " + window.summary());
            return result;
        }
    }

    /** The catalogue entry the app reads: the sample's request and response schemas, the benchmark's function. */
    private void writeEntry(String service, int maxInFlight) throws IOException {
        Path folder = Files.createDirectories(catalogue.resolve(service));
        Files.writeString(folder.resolve("service.yaml"), """
                name: %s
                key: [txn_id]
                invoke: {function: %s}
                consumer: {max-in-flight: %d, max-attempts: 4, call-timeout: 10s}
                """.formatted(service, FUNCTION_BEAN, maxInFlight));
        Files.writeString(Files.createDirectories(folder.resolve("request")).resolve("v1.avsc"),
                Transaction.getClassSchema().toString(true));
        Files.writeString(Files.createDirectories(folder.resolve("response")).resolve("v1.avsc"),
                RiskDecision.getClassSchema().toString(true));
    }

    private ConfigurableApplicationContext start(String service, int maxInFlight, int workers,
            Function<Transaction, RiskDecision> function) {
        return new SpringApplicationBuilder(ServiceConsumerApplication.class)
                .initializers(context -> ((GenericApplicationContext) context).registerBean(FUNCTION_BEAN, Function.class,
                        () -> function))
                .run("--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--spring.cloud.stream.kafka.binder.brokers=" + bootstrap,
                        "--offstream.services.location=" + catalogue,
                        "--offstream.consumer.service=" + service,
                        "--offstream.consumer.max-in-flight=" + maxInFlight,
                        "--offstream.consumer.workers=" + workers,
                        "--offstream.consumer.exit-on-failure=false",
                        // the sample risk service's library is on this classpath only for its sample data
                        "--offstream.risk.enabled=false");
    }

    private static String details(MeterRegistry registry) {
        Timer latency = registry.find("offstream.service.latency").timer();
        Gauge inFlightMax = registry.find("offstream.consumer.in.flight.max").gauge();
        Counter pauses = registry.find("offstream.consumer.pauses").counter();
        return String.format("service latency mean %.1f ms, max %.1f ms; most in flight %.0f; pauses %.0f",
                latency == null ? Double.NaN : latency.mean(TimeUnit.MILLISECONDS),
                latency == null ? Double.NaN : latency.max(TimeUnit.MILLISECONDS),
                inFlightMax == null ? Double.NaN : inFlightMax.value(),
                pauses == null ? Double.NaN : pauses.count());
    }
}
