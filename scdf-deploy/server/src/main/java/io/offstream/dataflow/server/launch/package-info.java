/**
 * What the platform says of a launched task's process, which SCDF's own REST API does not show:
 * a task killed without a chance to record its end keeps a task execution without an end time
 * for ever, while its platform knows the process is gone. The local platform's launcher knows only
 * the tasks this server instance launched: the others are looked for on the host.
 */
package io.offstream.dataflow.server.launch;
