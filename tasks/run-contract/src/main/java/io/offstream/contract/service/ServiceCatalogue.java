package io.offstream.contract.service;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

import io.offstream.contract.layout.RunLayout;
import io.offstream.contract.naming.Names;
import io.offstream.schemas.history.InvalidSchemaHistoryException;
import io.offstream.schemas.history.RecordHistory;

/**
 * The service catalogue (option {@code offstream.services.location}): one folder per service,
 * <pre>
 * &lt;location&gt;/&lt;service&gt;/service.yaml           the descriptor
 * &lt;location&gt;/&lt;service&gt;/request/v1.avsc, v2...  the request's schema history (highest = current)
 * &lt;location&gt;/&lt;service&gt;/response/v1.avsc, ...   the response's schema history
 * </pre>
 * {@link #load} reads an entry and runs every check that needs no warehouse ({@link ServiceChecks}).
 */
public final class ServiceCatalogue {

    /** The option naming the catalogue's location, for every process. */
    public static final String LOCATION_OPTION = "offstream.services.location";

    public static final String DESCRIPTOR = "service.yaml";

    private static final Pattern VERSION_FILE = Pattern.compile("v([1-9][0-9]*)\\.avsc");

    private final URI location;
    private final CatalogueFiles files;

    public ServiceCatalogue(URI location, CatalogueFiles files) {
        this.location = RunLayout.asDirectory(location);
        this.files = files;
    }

    /** A catalogue on the local file system. */
    public static ServiceCatalogue local(URI location) {
        return new ServiceCatalogue(location, CatalogueFiles.local());
    }

    /**
     * The catalogue at a location: {@code file:} through java.nio, any other scheme through Hadoop
     * (which the calling process must have on its classpath; a clear error otherwise).
     */
    public static ServiceCatalogue at(URI location) {
        if (location.getScheme() == null || "file".equals(location.getScheme())) {
            return local(location.getScheme() == null ? java.nio.file.Path.of(location.getPath()).toAbsolutePath().toUri() : location);
        }
        try {
            return new ServiceCatalogue(location, new HadoopCatalogueFiles(new org.apache.hadoop.conf.Configuration()));
        } catch (NoClassDefFoundError e) {
            throw new IllegalStateException("The service catalogue " + location + " is on " + location.getScheme()
                    + "://, which needs Hadoop's client on this process's classpath");
        }
    }

    public URI location() {
        return location;
    }

    /** The names of the catalogue's entries (folders holding a service.yaml), sorted. */
    public List<String> serviceNames() {
        return files.list(location).stream().map(n -> n.endsWith("/") ? n.substring(0, n.length() - 1) : n)
                .filter(n -> files.read(folder(n).resolve(DESCRIPTOR)).isPresent()).sorted().toList();
    }

    public URI folder(String service) {
        return location.resolve(service + "/");
    }

    /** The entry, checked; an {@link InvalidServiceException} naming every problem otherwise. */
    public ServiceDefinition load(String service) {
        if (!Names.isServiceName(service)) {
            throw new InvalidServiceException(service, List.of("service name '" + service + "' must match " + Names.SERVICE_PATTERN));
        }
        URI folder = folder(service);
        String yaml = files.read(folder.resolve(DESCRIPTOR)).orElseThrow(() -> new InvalidServiceException(service,
                List.of("no " + DESCRIPTOR + " at " + folder + " (catalogue " + location + " has " + serviceNames() + ")")));
        ServiceDescriptor descriptor = DescriptorParser.parse(yaml, service);
        List<String> problems = new ArrayList<>();
        RecordHistory request = history(folder, "request", problems);
        RecordHistory response = history(folder, "response", problems);
        if (request != null && response != null) {
            if (request.simpleName().equals(response.simpleName())) {
                // both are decoded by fingerprint from one history, which tells records apart by name
                problems.add("the request and the response record are both named " + request.simpleName()
                        + ": give them different names");
            } else {
                problems.addAll(ServiceChecks.problems(descriptor, request, response));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidServiceException(service, problems);
        }
        return new ServiceDefinition(folder, descriptor, request, response);
    }

    private RecordHistory history(URI folder, String kind, List<String> problems) {
        URI dir = folder.resolve(kind + "/");
        List<String> names = files.list(dir);
        if (names.isEmpty()) {
            problems.add(kind + "/ has no schema: add " + kind + "/v1.avsc");
            return null;
        }
        int highest = 0;
        for (String name : names) {
            Matcher m = VERSION_FILE.matcher(name);
            if (!m.matches()) {
                problems.add(kind + "/" + name + " is not a schema version file (v1.avsc, v2.avsc, ...)");
            } else {
                highest = Math.max(highest, Integer.parseInt(m.group(1)));
            }
        }
        List<Schema> schemas = new ArrayList<>();
        for (int v = 1; v <= highest; v++) {
            String file = kind + "/v" + v + ".avsc";
            var text = files.read(dir.resolve("v" + v + ".avsc"));
            if (text.isEmpty()) {
                problems.add(file + " is missing: versions must be numbered without gaps up to v" + highest);
                continue;
            }
            try {
                schemas.add(new Schema.Parser().parse(text.get()));
            } catch (SchemaParseException e) {
                problems.add(file + " is not a valid Avro schema: " + e.getMessage());
            }
        }
        if (schemas.size() != highest || highest == 0) {
            return null;
        }
        try {
            return new RecordHistory(schemas);
        } catch (InvalidSchemaHistoryException e) {
            problems.add(kind + "/: " + e.getMessage());
            return null;
        }
    }
}
