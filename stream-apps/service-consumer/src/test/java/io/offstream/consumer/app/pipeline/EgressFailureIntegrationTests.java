package io.offstream.consumer.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import io.offstream.consumer.core.engine.ServicePipeline;
import io.offstream.contract.naming.RunTopics;
import io.offstream.risk.SampleTransactions;
import io.offstream.schemas.sample.Transaction;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service answers, but the egress topic refuses every result (its records may not exceed 100
 * bytes): that is not the service's failure, so nothing goes to the DLQ. Each result is written
 * again, then the ingress binding stops, health turns DOWN naming the error, and no offset is
 * committed past an unwritten result, so a restart after the topic is fixed processes them all.
 * The failure is logged by the pipeline in a line, not as a dump of each failed message.
 */
class EgressFailureIntegrationTests extends PipelineIntegrationTestSupport {

    private static final int COUNT = 20;

    @Test
    void aResultTheEgressTopicRefusesIsRetriedThenStopsTheBindingAndIsNeverDeadLettered() throws Exception {
        RunTopics run = RunTopics.of("refused", "run1");
        kafka.create(new NewTopic(run.ingress(), 1, (short) 1),
                new NewTopic(run.egress(), 1, (short) 1).configs(Map.of("max.message.bytes", "100")),
                new NewTopic(run.dlq(), 1, (short) 1));
        List<Transaction> transactions = new ArrayList<>();
        for (int n = 0; n < COUNT; n++) {
            transactions.add(SampleTransactions.transaction(n));
        }
        produceTransactions(run.ingress(), "run1", transactions);
        AtomicInteger calls = new AtomicInteger();

        // one record a batch: the broker refuses each at once (a batch it could split is retried by the producer)
        ConfigurableApplicationContext app = start(options("refused").set("egress-attempts", 2)
                .set("retry.initial-backoff", "50ms").arg("--spring.cloud.stream.kafka.binder.producer-properties.batch.size=1"), t -> {
                    calls.incrementAndGet();
                    return PoisonRecordIntegrationTests.decision(t);
                }, 4);

        HealthIndicator health = app.getBean("binding", HealthIndicator.class);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(app.getBean(BindingsLifecycleController.class).queryState("ingress"))
                    .allMatch(binding -> !binding.isRunning());
        });
        assertThat(health.health().getDetails().get("failure")).asString().contains("RecordTooLarge");
        assertThat(app.getBean(ServicePipeline.class).failure()).isNotNull();
        assertThat(calls.get()).isPositive();
        assertThat(counter("offstream.consumer.records.out")).isZero();
        assertThat(registry.find("offstream.consumer.records.dead.lettered").counters()).isEmpty();
        assertThat(readAll(run.dlq(), Duration.ofSeconds(2))).isEmpty();
        assertThat(uncommitted("refused", run.ingress()).values()).containsOnly((long) COUNT);
        // one line from the pipeline; no dump of each failed message from Spring Integration's error channel
        assertThat(loggedAt(Level.ERROR)).hasSize(1).first().asString()
                .startsWith("Cannot write the result of").endsWith("RecordTooLargeException");
    }
}
