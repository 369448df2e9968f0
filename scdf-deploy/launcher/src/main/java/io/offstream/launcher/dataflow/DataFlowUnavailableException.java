package io.offstream.launcher.dataflow;

import io.offstream.launcher.LauncherException;

/** The SCDF server did not answer or answered with an error. Polling loops may retry it; a launch may not. */
public class DataFlowUnavailableException extends LauncherException {

    public DataFlowUnavailableException(String message) {
        super(message);
    }
}
