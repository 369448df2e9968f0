package io.offstream.consumer.core.engine;

/**
 * Pauses and resumes delivery of ingress records (the listener container's partitions) when the
 * in-flight window is saturated; records already fetched may still arrive after {@link #pause()}.
 */
public interface FlowControl {

    void pause();

    void resume();
}
