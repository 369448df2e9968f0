package io.offstream.consumer.app.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.offstream.consumer.app.binding.BinderRecordSink;
import io.offstream.consumer.app.binding.EgressBindings;
import io.offstream.consumer.app.binding.EgressReceipts;
import io.offstream.consumer.app.binding.IngressContainer;
import io.offstream.consumer.app.binding.IngressFunction;
import io.offstream.consumer.core.engine.ServicePipeline;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.cloud.stream.config.ProducerMessageHandlerCustomizer;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.integration.channel.NullChannel;
import org.springframework.integration.expression.ValueExpression;
import org.springframework.integration.kafka.outbound.KafkaProducerMessageHandler;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.messaging.Message;

/**
 * The binder side: the function bound to the {@code ingress} binding, its listener container
 * ({@link IngressContainer}), the sink writing results through
 * {@link StreamBridge} and dead letters through spring-kafka's publisher, the drain on shutdown
 * and what happens when the pipeline fails.
 */
@Configuration(proxyBeanMethods = false)
public class ConsumerBindingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ConsumerBindingConfiguration.class);

    /** The bound function ({@code spring.cloud.function.definition=serviceConsumer}). */
    @Bean
    Consumer<Message<List<byte[]>>> serviceConsumer(ServicePipeline<?, ?> pipeline) {
        return new IngressFunction(pipeline);
    }

    @Bean
    IngressContainer ingressContainer(Environment environment, ServiceConsumerProperties properties,
            ObjectProvider<ServicePipeline<?, ?>> pipeline) {
        String binding = "spring.cloud.stream.kafka.bindings.ingress.consumer.configuration.";
        return new IngressContainer(environment.getRequiredProperty("spring.cloud.stream.bindings.ingress.destination"),
                properties.commitInterval(), name -> environment.containsProperty(binding + name), pipeline);
    }

    /**
     * The egress bindings' handlers skip what costs per result and is not used:
     * <ul>
     * <li>Spring Integration's per-message logging: the handler formats a debug line for every
     * result ("produced no reply") before the log level is asked (about a fifth of a worker's time);</li>
     * <li>the flush expression, a SpEL evaluation per result of a header Offstream never sets
     * (2.5% of a no-op run's time); results are never flushed one by one;</li>
     * <li>the global error channel for failed writes: its logging handler dumped each failed
     * result's whole message at ERROR, once per record, while {@link EgressReceipts} already hands the
     * failure to the pipeline, which writes the result again or stops and says so in one line.</li>
     * </ul>
     */
    @Bean
    ProducerMessageHandlerCustomizer<KafkaProducerMessageHandler> egressHandlerCustomizer() {
        return (handler, destination) -> {
            handler.setLoggingEnabled(false);
            handler.setFlushExpression(new ValueExpression<>(Boolean.FALSE));
            handler.setSendFailureChannel(new NullChannel());
        };
    }

    /**
     * The DLQ publisher's producer: the binder's brokers, {@code required-acks} and
     * {@code producer-properties} (the binder's own configuration lives in its child context).
     */
    private static DefaultKafkaProducerFactory<byte[], byte[]> deadLetterProducerFactory(Environment environment) {
        String binder = "spring.cloud.stream.kafka.binder.";
        Map<String, Object> config = new HashMap<>(Binder.get(environment)
                .bind(binder + "producer-properties", Bindable.mapOf(String.class, String.class)).orElse(Map.of()));
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, environment.getProperty(binder + "brokers", "localhost:9092"));
        config.put(ProducerConfig.ACKS_CONFIG, environment.getProperty(binder + "required-acks", "all"));
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "offstream-dlq");
        return new DefaultKafkaProducerFactory<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Handed each egress binding's channel when StreamBridge binds a run's egress topic. */
    @Bean
    EgressBindings egressBindings() {
        return new EgressBindings();
    }

    /** Closing it closes the DLQ publisher's producer, after the pipeline drained. */
    @Bean(destroyMethod = "close")
    BinderRecordSink recordSink(StreamBridge bridge, EgressBindings egressBindings, Environment environment,
            ServiceConsumerProperties properties) {
        return new BinderRecordSink(properties.service(), bridge, egressBindings, deadLetterProducerFactory(environment));
    }

    /**
     * Completes each result's receipt when Kafka answered its write. The binder hands a
     * {@code ProducerListener} bean to every producer binding's template; its record-metadata and
     * error channels would instead build a message per result, copying every header of the sent one.
     */
    @Bean
    EgressReceipts egressReceipts() {
        return new EgressReceipts();
    }

    /**
     * Before the ingress binding stops (a higher phase stops earlier), the pipeline stops taking
     * records and lets those in flight finish, so the container commits them as it stops. When the
     * pipeline fails (a result or dead letter cannot be written) the binding is stopped, so nothing
     * past the failed record is committed, and the process exits if so configured.
     */
    @Bean
    SmartLifecycle pipelineDrain(ServicePipeline<?, ?> pipeline, ServiceConsumerProperties properties,
            BindingsLifecycleController bindings, ConfigurableApplicationContext context) {
        pipeline.onFailure(failure -> new Thread(() -> {
            bindings.changeState(IngressContainer.BINDING, BindingsLifecycleController.State.STOPPED);
            if (properties.exitOnFailure()) {
                log.error("Service consumer failed; exiting so a supervisor restarts it from the committed offsets: {}",
                        failure.toString());
                System.exit(SpringApplication.exit(context, () -> 1));
            }
        }, "offstream-failure").start());
        return new SmartLifecycle() {

            private volatile boolean running;

            @Override
            public void start() {
                running = true;
            }

            @Override
            public void stop() {
                pipeline.drain();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return SmartLifecycle.DEFAULT_PHASE - 2000;
            }
        };
    }
}
