package io.offstream.registry;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The region registry service: regions, their capacity and health, and the dispatch queue (port 8090). */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class RegionRegistryApplication {

    public static void main(String[] args) {
        SpringApplication.run(RegionRegistryApplication.class, args);
    }
}
