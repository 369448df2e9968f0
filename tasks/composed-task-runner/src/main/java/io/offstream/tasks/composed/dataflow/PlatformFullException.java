package io.offstream.tasks.composed.dataflow;

import org.springframework.web.client.RestClientException;

/**
 * SCDF refused a launch because the child's platform runs as many tasks as it may
 * ({@code maximum-concurrent-tasks}): a wait, not a failure. A task ending frees its slot only
 * when its process has exited, a little after SCDF records its end.
 */
public class PlatformFullException extends RestClientException {

    private static final long serialVersionUID = 1L;

    /** What SCDF says when a platform is at its concurrent-task limit. */
    static final String SCDF_MESSAGE = "maximum concurrent task executions";

    public PlatformFullException(String message) {
        super(message);
    }
}
