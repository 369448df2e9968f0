package io.offstream.tasks.plan;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.offstream.contract.service.InvalidServiceException;
import io.offstream.contract.service.ServiceCatalogue;
import io.offstream.contract.service.ServiceDefinition;
import io.offstream.tasks.support.ledger.PlannedPartition;
import io.offstream.tasks.support.run.RunPaths;

/**
 * The onboarding check, without a platform: the catalogue entry (descriptor, schema histories,
 * the fields it names) and, when a dataset is given, its days' columns against the request, as
 * plan checks them. One line per problem; exit 0 when the service can run, 1 when not, 2 on bad
 * arguments.
 * <pre>
 * java -cp offstream-plan.jar -Dloader.main=io.offstream.tasks.plan.CheckServiceCommand \
 *     org.springframework.boot.loader.PropertiesLauncher &lt;catalogue&gt; &lt;service&gt; [&lt;dataset&gt; &lt;from&gt; &lt;to&gt;]
 * </pre>
 */
public final class CheckServiceCommand {

    private CheckServiceCommand() {
    }

    public static void main(String[] args) {
        if (args.length != 2 && args.length != 5) {
            System.err.println("usage: CheckServiceCommand <catalogue> <service> [<dataset> <from yyyy-MM-dd> <to yyyy-MM-dd>]");
            System.exit(2);
        }
        // a command line tool: Avro's and Hadoop's debug output is noise here
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        // its one WARN ("unable to load native-hadoop library") says nothing about the service
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.apache.hadoop.util.NativeCodeLoader"))
                .setLevel(ch.qos.logback.classic.Level.ERROR);
        System.exit(run(args));
    }

    static int run(String[] args) {
        URI catalogue = RunPaths.asDirectory(RunPaths.toUri(args[0]));
        ServiceDefinition service;
        try {
            service = ServiceCatalogue.at(catalogue).load(args[1]);
        } catch (InvalidServiceException e) {
            System.out.println("[offstream] service '" + args[1] + "' in " + catalogue + " is not usable:");
            e.problems().forEach(p -> System.out.println("  - " + p));
            return 1;
        } catch (RuntimeException e) {
            System.out.println("[offstream] cannot read the catalogue " + catalogue + ": " + e.getMessage());
            return 1;
        }
        System.out.println("[offstream] service '" + service.name() + "': request " + service.request().current().label()
                + ", response " + service.response().current().label() + ", key " + service.descriptor().key() + ", invoke "
                + (service.descriptor().invoke().remote() ? service.descriptor().invoke().url()
                        : service.descriptor().invoke().function() + " from " + service.functionJar()));
        if (args.length == 2) {
            return 0;
        }
        List<PlannedPartition> partitions;
        URI dataset;
        try {
            dataset = RunPaths.asDirectory(RunPaths.toUri(args[2]));
            LocalDate from = LocalDate.parse(args[3]);
            LocalDate to = LocalDate.parse(args[4]);
            List<LocalDate> dates = new ArrayList<>();
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                dates.add(d);
            }
            org.apache.hadoop.conf.Configuration hadoop = new org.apache.hadoop.conf.Configuration();
            partitions = new DatasetSnapshot(hadoop).list(dataset, dates).partitions();
            List<String> problems = ServiceFit.problems(service, partitions, new DatasetColumns(hadoop));
            if (!problems.isEmpty()) {
                System.out.println("[offstream] dataset " + dataset + " does not fit service '" + service.name() + "':");
                problems.forEach(p -> System.out.println("  - " + p));
                return 1;
            }
        } catch (Exception e) {
            System.out.println("[offstream] cannot check the dataset: " + e.getMessage());
            return 1;
        }
        long files = partitions.stream().mapToLong(p -> p.files().size()).sum();
        System.out.println("[offstream] dataset " + dataset + " fits: " + partitions.size() + " day(s), " + files + " file(s)");
        return 0;
    }
}
