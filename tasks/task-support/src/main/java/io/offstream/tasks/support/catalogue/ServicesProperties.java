package io.offstream.tasks.support.catalogue;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.offstream.contract.service.ServiceCatalogue;
import io.offstream.contract.service.ServiceDefinition;
import io.offstream.tasks.support.run.RunPaths;

/**
 * Where the service catalogue is ({@code offstream.services.location}): any Hadoop URI or a local
 * path. The local platform hands it to every task through SCDF's common task properties.
 */
@ConfigurationProperties("offstream.services")
public class ServicesProperties {

    /**
     * URI of the service catalogue: one folder per service (service.yaml, request/, response/).
     * Default: {@code <offstream.home>/schemas/services}, the checkout's catalogue.
     */
    private String location;

    private String defaultLocation = "schemas/services";

    /** The catalogue's location as a directory URI. */
    public URI locationUri() {
        return RunPaths.asDirectory(RunPaths.toUri(location == null || location.isBlank() ? defaultLocation : location));
    }

    public ServiceCatalogue catalogue() {
        return ServiceCatalogue.at(locationUri());
    }

    /** The checked entry of a service; {@link io.offstream.contract.service.InvalidServiceException} names every problem. */
    public ServiceDefinition load(String service) {
        return catalogue().load(service);
    }

    /** Set by the auto-configuration from {@code offstream.home}; not a user option. */
    public void defaultLocation(String value) {
        this.defaultLocation = value;
    }

    public String getLocation() { return location; }
    public void setLocation(String location) { this.location = location; }
}
