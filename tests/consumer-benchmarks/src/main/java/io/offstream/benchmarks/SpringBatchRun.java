package io.offstream.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import io.offstream.contract.naming.RunTopics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.support.TaskExecutorJobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.ResourcelessJobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.kafka.KafkaItemReader;
import org.springframework.batch.infrastructure.item.kafka.builder.KafkaItemReaderBuilder;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The batch answer (the paper's "Option II"): a Spring Batch chunk job that reads ingress with
 * {@code KafkaItemReader}, calls the service synchronously for one record at a time in its processor,
 * and writes each chunk's results to egress, waiting for their acks before the chunk commits. To give
 * it the same concurrency as the others, the chunk's items are processed by that many threads at once
 * (Batch 6's concurrent chunk processing); a chunk is written only when its slowest call returned.
 * Plain Java configuration, no Boot: a resourceless job repository, as nothing here is restarted.
 */
final class SpringBatchRun {

    /** Long enough that a slow first fetch is not read as the end of the topic; it is not timed. */
    private static final Duration END_OF_INPUT = Duration.ofSeconds(3);

    private final String bootstrap;

    private final int partitions;

    SpringBatchRun(String bootstrap, int partitions) {
        this.bootstrap = bootstrap;
        this.partitions = partitions;
    }

    StageResult run(String stage, RunTopics run, int records, int concurrency, int chunkSize, ServiceCall call) throws Exception {
        StageClock clock = new StageClock(records);
        ThreadPoolTaskExecutor processors = processors(concurrency);
        try (KafkaProducer<byte[], byte[]> producer = KafkaClients.resultProducer(bootstrap)) {
            JobRepository repository = new ResourcelessJobRepository();
            Step step = new StepBuilder("call-service", repository).<byte[], ProducerRecord<byte[], byte[]>>chunk(chunkSize)
                    .transactionManager(new ResourcelessTransactionManager())
                    .reader(reader(run))
                    .processor(value -> {
                        clock.started();
                        return call.call(value, run.egress());
                    })
                    .writer(new AcknowledgedWriter(producer, clock))
                    .taskExecutor(processors)
                    .build();
            Job job = new JobBuilder("option-ii", repository).start(step).build();
            // runs in this thread until the reader finds no more records
            JobExecution execution = operator(repository).start(job, new JobParametersBuilder().toJobParameters());
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                throw new IllegalStateException(stage + ": the job ended " + execution.getStatus() + " " + execution.getAllFailureExceptions());
            }
            StageResult result = clock.result(stage);
            System.out.println(result.summary());
            return result;
        }
        finally {
            processors.shutdown();
        }
    }

    private KafkaItemReader<byte[], byte[]> reader(RunTopics run) {
        return new KafkaItemReaderBuilder<byte[], byte[]>()
                .name("ingress")
                .consumerProperties(KafkaClients.consumerProperties(bootstrap, "spring-batch"))
                .topic(run.ingress())
                .partitions(IntStream.range(0, partitions).boxed().toList())
                .pollTimeout(END_OF_INPUT)
                .saveState(true)
                .build();
    }

    private static ThreadPoolTaskExecutor processors(int concurrency) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(concurrency);
        executor.setMaxPoolSize(concurrency);
        executor.setThreadNamePrefix("batch-process-");
        executor.initialize();
        return executor;
    }

    private static TaskExecutorJobOperator operator(JobRepository repository) throws Exception {
        TaskExecutorJobOperator operator = new TaskExecutorJobOperator();
        operator.setJobRepository(repository);
        operator.setJobRegistry(new MapJobRegistry());
        operator.afterPropertiesSet();
        return operator;
    }

    /** Sends a chunk's results and returns once Kafka acknowledged every one, so the chunk commits after them. */
    private record AcknowledgedWriter(KafkaProducer<byte[], byte[]> producer, StageClock clock)
            implements ItemWriter<ProducerRecord<byte[], byte[]>> {

        @Override
        public void write(Chunk<? extends ProducerRecord<byte[], byte[]>> chunk) throws InterruptedException, ExecutionException {
            List<Future<RecordMetadata>> acks = new ArrayList<>(chunk.size());
            for (ProducerRecord<byte[], byte[]> result : chunk) {
                acks.add(producer.send(result));
            }
            producer.flush();
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
            clock.completed(chunk.size());
        }
    }
}
