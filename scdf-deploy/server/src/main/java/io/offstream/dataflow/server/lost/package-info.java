/**
 * Task executions whose process died without recording an end. SCDF shows such an execution
 * running for ever, and refuses to restart its Spring Batch job, which it believes is still
 * running; a composed task whose runner was SIGKILLed could then never be restarted from the
 * dashboard or shell. Once the platform has said for a while that the process is gone, the server
 * records the end the process could not: the task execution ends with exit code 255 and its job
 * executions and their running steps are marked FAILED, which makes them restartable.
 */
package io.offstream.dataflow.server.lost;
