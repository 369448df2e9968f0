package io.offstream.consumer.core.engine;

import java.util.regex.Pattern;

/** The run topics of a service: {@code offstream.<service>.<runKey>.ingress|egress|dlq}. */
public final class TopicNames {

    private static final String INGRESS = ".ingress";

    private TopicNames() {
    }

    /** Every run's ingress topic of the service, current and future. */
    public static Pattern ingressPattern(String service) {
        return Pattern.compile("offstream\\." + checked(service) + "\\..+\\.ingress");
    }

    private static String checked(String service) {
        if (!service.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("service must be a lower-case name, was " + service);
        }
        return service;
    }

    public static String consumerGroup(String service) {
        return "offstream-" + service;
    }

    public static String ingress(String service, String runKey) {
        return "offstream." + service + "." + runKey + INGRESS;
    }

    public static String egressFor(String ingressTopic) {
        return runPrefix(ingressTopic) + ".egress";
    }

    public static String dlqFor(String ingressTopic) {
        return runPrefix(ingressTopic) + ".dlq";
    }

    private static String runPrefix(String ingressTopic) {
        if (!ingressTopic.endsWith(INGRESS)) {
            throw new IllegalArgumentException("Not an ingress topic: " + ingressTopic);
        }
        return ingressTopic.substring(0, ingressTopic.length() - INGRESS.length());
    }
}
