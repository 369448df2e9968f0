package io.offstream.tasks.support.run;

import java.util.List;

/** The topics of one run: {@code offstream.<service>.<runKey>.ingress|egress|dlq}. */
public record RunTopics(String ingress, String egress, String dlq) {

    public static RunTopics of(String service, String runKey) {
        String prefix = "offstream." + service + "." + runKey + ".";
        return new RunTopics(prefix + "ingress", prefix + "egress", prefix + "dlq");
    }

    public List<String> all() {
        return List.of(ingress, egress, dlq);
    }
}
