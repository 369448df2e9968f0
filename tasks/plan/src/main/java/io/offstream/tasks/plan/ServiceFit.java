package io.offstream.tasks.plan;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.offstream.contract.service.DatasetFit;
import io.offstream.contract.service.ServiceDefinition;
import io.offstream.contract.service.WarehouseType;
import io.offstream.tasks.support.ledger.PlannedPartition;

/**
 * Whether every pinned day's columns can feed the service's current request: the problems, each
 * said once with how many files have it and the first of them. Used by plan and by the
 * onboarding check ({@link CheckServiceCommand}).
 */
final class ServiceFit {

    private ServiceFit() {
    }

    static List<String> problems(ServiceDefinition service, List<PlannedPartition> partitions, DatasetColumns columns) {
        Map<String, List<URI>> problems = new LinkedHashMap<>();
        for (Map.Entry<URI, Map<String, WarehouseType>> file : columns.read(partitions).entrySet()) {
            for (String problem : DatasetFit.problems(service, file.getValue())) {
                problems.computeIfAbsent(problem, p -> new ArrayList<>()).add(file.getKey());
            }
        }
        List<String> lines = new ArrayList<>();
        problems.forEach((problem, files) -> lines.add(problem + " (" + files.size() + " file(s), first " + files.get(0) + ")"));
        return lines;
    }
}
