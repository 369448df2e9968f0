package io.offstream.tasks.plan;

import io.offstream.contract.service.ServiceDefinition;
import io.offstream.schemas.history.SchemaVersion;

/**
 * Whether a simulation's candidate version can read the baseline's events. Ingress writes them once,
 * with the baseline's current request schema; each consumer decodes by the schema fingerprint the
 * event carries, against its own entry's request history.
 */
final class CandidateFit {

    private CandidateFit() {
    }

    /** Whether both versions key results alike: validation and the diff match rows by the key. */
    static boolean sameKey(ServiceDefinition baseline, ServiceDefinition candidate) {
        return baseline.descriptor().key().equals(candidate.descriptor().key());
    }

    static boolean readsRequestsOf(ServiceDefinition baseline, ServiceDefinition candidate) {
        long written = baseline.request().current().fingerprint();
        return candidate.request().versions().stream().mapToLong(SchemaVersion::fingerprint).anyMatch(f -> f == written);
    }
}
