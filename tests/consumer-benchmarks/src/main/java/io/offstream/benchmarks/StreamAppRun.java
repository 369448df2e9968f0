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
import io.offstream.consumer.app.binding.IngressContainer;
import io.offstream.schemas.sample.RiskDecision;
import io.offstream.schemas.sample.Transaction;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The service consumer app as it ships (Spring Cloud Stream on the Kafka binder), started in this JVM
 * over a catalogue entry whose function is the benchmark's, registered as a bean of the app's context
 * (the entry's {@code invoke.function}) rather than loaded from a function jar. It is closed when its
 * stage ends (or, for stage 2w, once it served a second run), so it does not compete with the next one.
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
     * {@code records}, timed from the first service call; the app is closed afterwards.
     */
    StageResult run(String stage, String service, int records, int maxInFlight, int workers,
            Function<Transaction, RiskDecision> function) throws IOException, InterruptedException {
        try (Serving app = start(service, records, maxInFlight, workers, function)) {
            return app.measure(stage);
        }
    }

    /**
     * Starts the app over {@code service}'s catalogue entry, its first run of {@code records} pre-filled.
     * It picks up every run topic of the service (pre-filled or made later) until closed, as a deployed
     * consumer serves one run after another.
     */
    Serving start(String service, int records, int maxInFlight, int workers, Function<Transaction, RiskDecision> function)
            throws IOException {
        writeEntry(service, maxInFlight);
        Serving serving = new Serving(new StageClock(records));
        serving.app = startApp(service, maxInFlight, workers, t -> {
            serving.clock.started();
            return function.apply(t);
        });
        return serving;
    }

    /** A running app; {@link #measure} times the run it serves, {@link #next} gives it another. */
    final class Serving implements AutoCloseable {

        /** The clock of the run being served; the service's calls start it. */
        private volatile StageClock clock;

        /** Results written before the run being served, and the latency and pause meters then. */
        private long base;

        private MeterTotals before = MeterTotals.NONE;

        private ConfigurableApplicationContext app;

        private Serving(StageClock first) {
            this.clock = first;
        }

        /**
         * The next run of {@code records}: {@code fill} makes and fills its topics while the ingress binding
         * is paused, so the app takes none of its records until they are all written (it fails if the app
         * took some).
         */
        void next(int records, Fill fill) throws Exception {
            MeterRegistry registry = app.getBean(MeterRegistry.class);
            BindingsLifecycleController bindings = app.getBean(BindingsLifecycleController.class);
            bindings.changeState(IngressContainer.BINDING, BindingsLifecycleController.State.PAUSED);
            try {
                long written = recordsOut(registry);
                fill.run();
                long taken = recordsOut(registry) - written;
                if (taken != 0) {
                    throw new IllegalStateException("the paused app wrote " + taken + " results while the run was filled");
                }
                this.base = written;
                this.before = MeterTotals.of(registry);
                this.clock = new StageClock(records);
            }
            finally {
                bindings.changeState(IngressContainer.BINDING, BindingsLifecycleController.State.RESUMED);
                System.out.println("  ingress binding resumed");
            }
        }

        /** Waits until the run's results are acknowledged, timed from its first service call. */
        StageResult measure(String stage) throws InterruptedException {
            MeterRegistry registry = app.getBean(MeterRegistry.class);
            StageClock stageClock = clock;
            long deadline = System.nanoTime() + timeout.toNanos();
            long seen = 0;
            Collection<Counter> out = List.of();
            long lookedUp = 0;
            WindowSamples window = new WindowSamples(registry);
            // the app counts a record out once Kafka acknowledged its result; watch that counter closely, but
            // search the registry (hundreds of Kafka client meters) only now and then: every 2 ms, the search
            // took about 2% of the CPU samples from the app it measures
            while (!stageClock.isFinished()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(stage + ": only " + seen + " results after " + timeout);
                }
                if (out.isEmpty() || System.nanoTime() - lookedUp > TimeUnit.SECONDS.toNanos(1)) {
                    out = registry.find("offstream.consumer.records.out").counters();
                    lookedUp = System.nanoTime();
                }
                long count = total(out) - base;
                stageClock.completed(count - seen);
                seen = count;
                if (seen > 0) {
                    window.sample();
                }
                TimeUnit.MILLISECONDS.sleep(2);
            }
            StageResult result = stageClock.result(stage);
            System.out.println(result.summary());
            System.out.println("    " + details(registry, before) + "; " + window.summary());
            return result;
        }

        @Override
        public void close() {
            app.close();
        }
    }

    /** Makes and fills a run's topics. */
    @FunctionalInterface
    interface Fill {
        void run() throws Exception;
    }

    private static long recordsOut(MeterRegistry registry) {
        return total(registry.find("offstream.consumer.records.out").counters());
    }

    private static long total(Collection<Counter> counters) {
        return (long) counters.stream().mapToDouble(Counter::count).sum();
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

    private ConfigurableApplicationContext startApp(String service, int maxInFlight, int workers,
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

    /** The service's latency calls and their total time, and the pauses, at one moment. */
    private record MeterTotals(double calls, double latencyNanos, double pauses) {

        static final MeterTotals NONE = new MeterTotals(0, 0, 0);

        static MeterTotals of(MeterRegistry registry) {
            Timer latency = registry.find("offstream.service.latency").timer();
            Counter pauses = registry.find("offstream.consumer.pauses").counter();
            return new MeterTotals(latency == null ? 0 : latency.count(),
                    latency == null ? 0 : latency.totalTime(TimeUnit.NANOSECONDS), pauses == null ? 0 : pauses.count());
        }
    }

    /** The service's latency and the pauses over the measured run (from {@code before}, the totals at its start). */
    private static String details(MeterRegistry registry, MeterTotals before) {
        MeterTotals now = MeterTotals.of(registry);
        double calls = now.calls() - before.calls();
        Timer latency = registry.find("offstream.service.latency").timer();
        Gauge inFlightMax = registry.find("offstream.consumer.in.flight.max").gauge();
        return String.format("service latency mean %.1f ms, max %.1f ms; most in flight %.0f; pauses %.0f",
                calls == 0 ? Double.NaN : (now.latencyNanos() - before.latencyNanos()) / calls / 1e6,
                latency == null ? Double.NaN : latency.max(TimeUnit.MILLISECONDS),
                inFlightMax == null ? Double.NaN : inFlightMax.value(), now.pauses() - before.pauses());
    }
}
