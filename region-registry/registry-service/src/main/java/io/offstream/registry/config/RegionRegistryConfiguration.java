package io.offstream.registry.config;

import java.time.Clock;

import io.offstream.registry.security.RegionAllowList;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans the registry shares. */
@Configuration(proxyBeanMethods = false)
public class RegionRegistryConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    RegionAllowList regionAllowList(RegionRegistryProperties properties) {
        return properties.allowList();
    }
}
