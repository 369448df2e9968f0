package io.offstream.contract.naming;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The topics of one run, {@code offstream.<service>.<runKey>.ingress|egress|dlq}, and the consumer
 * group of a service, {@code offstream-<service>}. The only place these names are built.
 */
public record RunTopics(String ingress, String egress, String dlq) {

    private static final String PREFIX = "offstream.";
    private static final String INGRESS = ".ingress";

    public static RunTopics of(String service, String runKey) {
        String prefix = PREFIX + Names.requireServiceName(service) + "." + Names.requireRunKey(runKey) + ".";
        return new RunTopics(prefix + "ingress", prefix + "egress", prefix + "dlq");
    }

    /** The topics of the run an ingress topic belongs to. */
    public static RunTopics ofIngress(String ingressTopic) {
        if (!ingressTopic.startsWith(PREFIX) || !ingressTopic.endsWith(INGRESS)) {
            throw new IllegalArgumentException("Not an Offstream ingress topic: " + ingressTopic);
        }
        String prefix = ingressTopic.substring(0, ingressTopic.length() - INGRESS.length());
        return new RunTopics(ingressTopic, prefix + ".egress", prefix + ".dlq");
    }

    /** Every run's ingress topic of the service, current and future (the consumer subscribes by it). */
    public static Pattern ingressPattern(String service) {
        return Pattern.compile(Pattern.quote(PREFIX + Names.requireServiceName(service) + ".") + Names.RUN_KEY_PATTERN
                + Pattern.quote(INGRESS));
    }

    /**
     * The same topics as {@link #ingressPattern}, written without a comma: Spring Cloud Stream reads
     * a binding's destination as a comma-separated list. The run key's length is left open, which
     * matches no other topic, as no run key beyond the rule is ever created.
     */
    public static Pattern ingressPatternWithoutCommas(String service) {
        return Pattern.compile(Pattern.quote(PREFIX + Names.requireServiceName(service) + ".") + "[a-z0-9][a-z0-9-]*"
                + Pattern.quote(INGRESS));
    }

    /** The consumer group of a service's consumers. */
    public static String consumerGroup(String service) {
        return "offstream-" + Names.requireServiceName(service);
    }

    public List<String> all() {
        return List.of(ingress, egress, dlq);
    }
}
