package io.offstream.benchmarks;

import java.time.Duration;
import java.util.List;

import io.confluent.parallelconsumer.ParallelConsumerOptions;
import io.confluent.parallelconsumer.ParallelConsumerOptions.ProcessingOrder;
import io.confluent.parallelconsumer.ParallelStreamProcessor;
import io.offstream.contract.naming.RunTopics;

/**
 * Confluent's Parallel Consumer, the usual library answer to "call a slow service per record from
 * Kafka": per-key ordering, {@code maxConcurrency} calls at once, each result produced to egress by
 * the library ({@code pollAndProduce}) and its offset committed in the default mode (periodic,
 * asynchronous consumer commits). Each record goes through the same {@link ServiceCall} as the app's.
 */
final class ParallelConsumerRun {

    private final String bootstrap;

    private final Duration timeout;

    ParallelConsumerRun(String bootstrap, Duration timeout) {
        this.bootstrap = bootstrap;
        this.timeout = timeout;
    }

    StageResult run(String stage, RunTopics run, int records, int maxConcurrency, ServiceCall call) throws InterruptedException {
        StageClock clock = new StageClock(records);
        ParallelConsumerOptions<byte[], byte[]> options = ParallelConsumerOptions.<byte[], byte[]>builder()
                .consumer(KafkaClients.consumer(KafkaClients.consumerProperties(bootstrap, "parallel-consumer")))
                .producer(KafkaClients.resultProducer(bootstrap))
                .ordering(ProcessingOrder.KEY)
                .maxConcurrency(maxConcurrency)
                .build();
        ParallelStreamProcessor<byte[], byte[]> processor = ParallelStreamProcessor.createEosStreamProcessor(options);
        try {
            processor.subscribe(List.of(run.ingress()));
            processor.pollAndProduce(context -> {
                clock.started();
                return call.call(context.getSingleConsumerRecord().value(), run.egress());
            }, // called once the result is acknowledged by Kafka
                    produced -> clock.completed(1));
            StageResult result = clock.await(stage, timeout);
            System.out.println(result.summary());
            return result;
        }
        finally {
            // closes the consumer and producer it was given too; nothing is left to drain once the stage ended
            processor.closeDrainFirst();
        }
    }
}
