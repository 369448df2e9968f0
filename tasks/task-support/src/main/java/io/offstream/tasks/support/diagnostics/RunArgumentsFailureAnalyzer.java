package io.offstream.tasks.support.diagnostics;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

import io.offstream.tasks.support.run.InvalidRunParametersException;

/**
 * A phase task launched with bad run arguments reports them as one line and what to pass, in
 * Boot's "APPLICATION FAILED TO START" block, instead of "Application run failed" and a stack
 * trace through bean creation or the job launcher. Every phase task gets it through task-support.
 */
public class RunArgumentsFailureAnalyzer implements FailureAnalyzer {

    static final String ACTION = "Pass the run's arguments as --offstream.run.dataset=<dataset URI> --offstream.run.from=<yyyy-MM-dd>"
            + " --offstream.run.to=<yyyy-MM-dd> --offstream.run.service=<service> (app.*.offstream.run.* through a composed task);"
            + " see tasks/plan/README.md, 'Options'.";

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        return InvalidRunParametersException.in(failure).map(invalid -> new FailureAnalysis(invalid.getMessage(), ACTION, invalid))
                .orElse(null);
    }
}
