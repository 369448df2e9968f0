/**
 * What the platform says of a launched task's process, which SCDF's own REST API does not show:
 * a task killed without a chance to record its end keeps a task execution without an end time
 * for ever, while its platform knows the process is gone.
 */
package io.offstream.dataflow.server.launch;
