package io.offstream.contract.naming;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The topics of one run, {@code offstream.<service>.<runKey>.ingress|egress|dlq}, and the consumer
 * group of a service, {@code offstream-<service>}. The only place these names are built.
 * <p>
 * A simulation runs one snapshot through two versions of a service: its one ingress topic,
 * {@code offstream.<baseline>.<runKey>.ingress.<candidate>}, is read by both services' consumer
 * groups, and each version writes its own {@code offstream.<version>.<runKey>.egress|dlq}.
 */
public record RunTopics(String ingress, String egress, String dlq) {

    private static final String PREFIX = "offstream.";
    private static final String INGRESS = ".ingress";

    public static RunTopics of(String service, String runKey) {
        String prefix = PREFIX + Names.requireServiceName(service) + "." + Names.requireRunKey(runKey) + ".";
        return new RunTopics(prefix + "ingress", prefix + "egress", prefix + "dlq");
    }

    /** The baseline's topics of a simulation: the shared ingress topic, the baseline's egress and DLQ. */
    public static RunTopics ofSimulation(String baseline, String runKey, String candidate) {
        RunTopics own = of(baseline, runKey);
        if (baseline.equals(candidate)) {
            throw new IllegalArgumentException("a simulation compares two services; both are '" + baseline + "'");
        }
        return new RunTopics(own.ingress() + "." + Names.requireServiceName(candidate), own.egress(), own.dlq());
    }

    /** The baseline's topics of the run an ingress topic belongs to. */
    public static RunTopics ofIngress(String ingressTopic) {
        IngressTopic parsed = IngressTopic.parse(ingressTopic);
        return of(parsed.baseline(), parsed.runKey()).withIngress(ingressTopic);
    }

    /**
     * The topics a consumer of {@code service} uses for the run of an ingress topic: that topic, and
     * the service's own egress and DLQ topics of the run (the candidate's, in a simulation it is the candidate of).
     */
    public static RunTopics forConsumer(String service, String ingressTopic) {
        IngressTopic parsed = IngressTopic.parse(ingressTopic);
        if (!service.equals(parsed.baseline()) && !service.equals(parsed.candidate())) {
            throw new IllegalArgumentException("Ingress topic " + ingressTopic + " is not one of service " + service + "'s runs");
        }
        return of(service, parsed.runKey()).withIngress(ingressTopic);
    }

    /**
     * Every run's ingress topic the service's consumers read, current and future (the consumer
     * subscribes by it): its own runs, the simulations it is the baseline of, those it is the candidate of.
     */
    public static Pattern ingressPattern(String service) {
        return pattern(service, Names.SERVICE_PATTERN, Names.RUN_KEY_PATTERN);
    }

    /**
     * The same topics as {@link #ingressPattern}, written without a comma: Spring Cloud Stream reads
     * a binding's destination as a comma-separated list. The lengths of the run key and the other
     * service's name are left open, which matches no other topic, as no name beyond the rules is ever created.
     */
    public static Pattern ingressPatternWithoutCommas(String service) {
        return pattern(service, "[a-z][a-z0-9-]*", "[a-z0-9][a-z0-9-]*");
    }

    private static Pattern pattern(String service, String anyService, String anyKey) {
        String own = Pattern.quote(PREFIX + Names.requireServiceName(service) + ".");
        String ingress = Pattern.quote(INGRESS);
        return Pattern.compile(own + anyKey + ingress + "(?:\\." + anyService + ")?"
                + "|" + Pattern.quote(PREFIX) + anyService + "\\." + anyKey + Pattern.quote(INGRESS + "." + service));
    }

    /** The consumer group of a service's consumers. */
    public static String consumerGroup(String service) {
        return "offstream-" + Names.requireServiceName(service);
    }

    public List<String> all() {
        return List.of(ingress, egress, dlq);
    }

    private RunTopics withIngress(String topic) {
        return new RunTopics(topic, egress, dlq);
    }

    /** An ingress topic's parts: {@code offstream.<baseline>.<runKey>.ingress[.<candidate>]}. */
    private record IngressTopic(String baseline, String runKey, String candidate) {

        static IngressTopic parse(String topic) {
            String[] parts = topic.split("\\.", -1);
            boolean shaped = parts.length >= 4 && parts.length <= 5 && (PREFIX.equals(parts[0] + ".")) && "ingress".equals(parts[3])
                    && Names.isServiceName(parts[1]) && Names.isRunKey(parts[2]) && (parts.length == 4 || Names.isServiceName(parts[4]));
            if (!shaped) {
                throw new IllegalArgumentException("Not an Offstream ingress topic: " + topic);
            }
            return new IngressTopic(parts[1], parts[2], parts.length == 5 ? parts[4] : null);
        }
    }
}
