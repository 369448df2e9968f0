package io.offstream.consumer.app.diagnostics;

import io.offstream.consumer.app.function.FunctionJarException;
import io.offstream.consumer.core.avro.StaleRecordClassException;
import io.offstream.contract.service.InvalidServiceException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * A start that fails on the catalogue entry (every problem of the descriptor and the schema
 * histories) or on its function (jar missing, no such bean or class, wrong request type) is
 * reported as that one line and what to do, instead of a stack trace through Spring's bean creation.
 */
public class ServiceSetupFailureAnalyzer implements FailureAnalyzer {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidServiceException invalid) {
                return new FailureAnalysis(invalid.getMessage(), "Fix the service's catalogue entry (service.yaml, request/,"
                        + " response/) under offstream.services.location, or choose another with --offstream.consumer.service.", invalid);
            }
            if (t instanceof FunctionJarException function) {
                return new FailureAnalysis("The service's function cannot be hosted: " + function.getMessage(),
                        "Fix invoke.function / invoke.jar in the service's service.yaml, or the jar.", function);
            }
            if (t instanceof StaleRecordClassException stale) {
                return new FailureAnalysis(stale.getMessage(), "Rebuild the service's jar with its current request schema.", stale);
            }
        }
        return null;
    }
}
