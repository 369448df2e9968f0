package io.offstream.tasks.validate.sort;

import java.io.IOException;

/** Where a reader of keys (a topic, the landed files) puts each key it reads. */
@FunctionalInterface
public interface KeySink {

    void add(String key) throws IOException;
}
