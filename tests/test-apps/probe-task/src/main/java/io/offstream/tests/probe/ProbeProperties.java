package io.offstream.tests.probe;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the probe does when launched.
 *
 * @param sleep       how long the step works before it finishes
 * @param fail        fail the step (and so the job and the task, with a non-zero exit code)
 * @param failMarker  fail only while this file exists; lets a test fail a first run and then
 *                    let a restart succeed by deleting it
 * @param failMarkerDir fail only while {@code <failMarkerDir>/<offstream.run.key>} exists; lets a
 *                    test fail one run of several launched with the same properties
 * @param holdFile    while this file exists the step keeps working (up to ten minutes); lets a
 *                    test stop a run mid-child and let the restart through by deleting it
 * @param exitMessage the task's exit message on success, matched by composed-task transitions
 * @param recordDir   when set, each run writes what it received (arguments and probe.* and
 *                    offstream.* properties) to a file named after the task and its execution id
 */
@ConfigurationProperties("probe")
@ConstructorBinding
public record ProbeProperties(
        @DefaultValue("0s") Duration sleep,
        @DefaultValue("false") boolean fail,
        String failMarker,
        String failMarkerDir,
        String holdFile,
        String exitMessage,
        String recordDir) {
}
